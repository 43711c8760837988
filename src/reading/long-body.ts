// A long body is read in the reading worker, not on the pane's main thread. Office disables an
// add-in that blocks for seconds, and the limit is 50 ms at a time: reading a body (scan,
// matter references, fingerprint) costs about 0.26 ms per KB on a laptop core (10 MB: 2.6 s,
// bench/reading.bench.ts), so past 128 K characters one pass would outlast a long task.
import type { BodyFacts } from '../core/body-facts';
import type { Terms } from '../core/indicators';

export const LONG_BODY_CHARS = 128 * 1024;

export function isLongBody(body: unknown): boolean {
  return typeof body === 'string' && body.length > LONG_BODY_CHARS;
}

/** Reads a body in full somewhere other than the pane's main thread. */
export interface BodyReader {
  readBody(subject: string, body: string, terms?: Terms, fingerprintSecret?: string): Promise<BodyFacts>;
}
