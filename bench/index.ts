// `npm run bench`: runs every bench/*.bench.ts and prints one JSON object.
// Each bench module default-exports an async function returning its figures; every figure
// sits beside a baseline measured in the same run, as a ratio. `npm run bench -- core scan`
// runs only the named modules.
// The benches measure with the shipped matcher prebuilt, as the pane and the CLI run.
import '../src/core/indicators/with-shipped-data';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const results: Record<string, unknown> = {};
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    if (only.length && !only.includes(name)) continue;
    const mod = (await import(pathToFileURL(join(__dirname, file)).href)) as {
      default: () => Promise<Record<string, unknown>>;
    };
    process.stderr.write(`bench: ${name}…\n`);
    results[name] = await mod.default();
  }
  const out = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    date: new Date().toISOString(),
    results,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
