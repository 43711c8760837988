// Writes src/core/indicators/shipped-data.ts: the shipped term lists compiled at build time, so
// the taskpane does not compile them at cold open. Run after changing src/core/terms/*.json or the
// matcher's symbols, syntax or automaton:   npx tsx scripts/build-automaton.ts
// test/core/prebuilt.test.ts fails while the file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedDataSource } from '../src/core/indicators/shipped-source';

const file = join(__dirname, '../src/core/indicators/shipped-data.ts');
writeFileSync(file, shippedDataSource());
console.log(`wrote ${file}`);
