// A message body read in full, once: the reading aids and the first reopen demand (one scan),
// the matter references, and the one-way fingerprint. evaluate() reads these itself for an
// ordinary body. For a long one the pane has them made in its reading worker and hands them in,
// so the main thread never walks megabytes of text (a 10 MB body takes about a second to scan and
// one and a half to fingerprint). Plain data: it crosses to and from the worker by structured clone.
import { scanBody, type BodyScan, type Terms } from './indicators';
import { extractMatterRefs } from './matter';
import { fingerprintOf, PUBLIC_KEY, shingleText, type FingerprintKey } from './repeat';
import type { Fingerprint } from './types';

export interface BodyFacts {
  scan: BodyScan;
  /** Matter references in the subject and body together, as the checks read them. */
  matterRefs: string[];
  fingerprint: Fingerprint;
}

export function readBodyFacts(
  subject: string,
  body: string,
  terms?: Terms,
  key: FingerprintKey = PUBLIC_KEY,
): BodyFacts {
  return {
    scan: scanBody(body, terms),
    matterRefs: extractMatterRefs(`${subject}\n${body}`),
    fingerprint: fingerprintOf(shingleText(body, key)),
  };
}

/** Whether a fingerprint was made under this key (a fact made under another key is not used). */
export function madeUnder(fingerprint: Fingerprint, key: FingerprintKey = PUBLIC_KEY): boolean {
  return fingerprint.v === shingleText('', key).v;
}
