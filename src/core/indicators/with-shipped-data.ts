// Importing this module gives the shipped matcher its prebuilt data, for code that can afford to
// load it with everything else: the CLI, tests and benches in Node, and the reading worker. The
// taskpane loads it as a chunk of its own instead (see shipped.ts).
import { provideShippedMatcherData } from './shipped';
import { SHIPPED_MATCHER_DATA } from './shipped-data';

provideShippedMatcherData(SHIPPED_MATCHER_DATA);
