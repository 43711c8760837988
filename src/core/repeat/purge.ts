// Stored fingerprints of an earlier format (version 1 gave phrases back; docs/decisions/
// reading-aids.md) are removed from contact-log rows. They cannot be migrated: a new fingerprint
// needs the text, which the log never kept. The rows themselves stay, since contact limits count them.
import { isCurrentFingerprint } from '../repeat';
import type { Fingerprint } from '../types';

export interface PurgeResult {
  /** The rows, each as it was, minus any fingerprint of another format. */
  rows: unknown[];
  /** Rows whose fingerprint was removed, by the version tag they had. */
  purged: Record<string, number>;
  kept: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isFingerprint(value: unknown): value is Fingerprint {
  return (
    isRecord(value) &&
    typeof value['v'] === 'string' &&
    typeof value['sig'] === 'string' &&
    typeof value['n'] === 'number'
  );
}

/** Every row with its stale fingerprint removed; anything else in a row is left exactly as it was. */
export function purgeStaleFingerprints(rows: readonly unknown[]): PurgeResult {
  const purged: Record<string, number> = {};
  let kept = 0;
  const out = rows.map((row) => {
    if (!isRecord(row) || !('fingerprint' in row)) return row;
    const fp = row['fingerprint'];
    if (isFingerprint(fp) && isCurrentFingerprint(fp)) {
      kept++;
      return row;
    }
    const tag = isFingerprint(fp) ? fp.v : 'unreadable';
    purged[tag] = (purged[tag] ?? 0) + 1;
    const { fingerprint: _dropped, ...rest } = row;
    return rest;
  });
  return { rows: out, purged, kept };
}
