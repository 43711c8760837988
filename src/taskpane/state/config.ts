// Core's Config from the pane's settings, made once per settings value. Core keeps caches keyed
// on the Config object (the organisation's compiled term lists), so handing it a new object on
// every evaluation would compile them again each time.
import { describeTermWarning, detectReopenDemand, scanIndicators, termWarnings } from '../../core/indicators';
import { fingerprintKey, type FingerprintKey } from '../../core/repeat';
import type { Config } from '../../core/types';
import type { Settings } from '../../graph/types';

const made = new WeakMap<Settings, Config>();

export function configFrom(settings: Settings): Config {
  let config = made.get(settings);
  if (!config) {
    config = {
      staffDomains: settings.staffDomains,
      teams: settings.teams,
      spocRotationMonths: settings.spocRotationMonths,
      reviewMaxDays: settings.reviewMaxDays,
      timeZone: settings.timeZone,
      // No organisation terms means the shipped lists: the shared default scanner (compiled once,
      // warmed at start-up), not a second copy compiled for an empty object on the first message.
      ...(Object.keys(settings.terms).length > 0 ? { terms: settings.terms } : {}),
      ...(settings.repeatThreshold !== undefined ? { repeatThreshold: settings.repeatThreshold } : {}),
    };
    made.set(settings, config);
  }
  return config;
}

let held: { secret: string; key: FingerprintKey } | null = null;

/**
 * The organisation's fingerprint key, made once per secret (it caches word hashes, and an HMAC
 * key schedule per message would be waste); undefined without a secret (core's public key).
 */
export function fingerprintKeyFrom(settings: Settings): FingerprintKey | undefined {
  const secret = settings.repeatKey;
  if (secret === undefined) return undefined;
  if (held?.secret !== secret) held = { secret, key: fingerprintKey(secret) };
  return held.key;
}

/** The organisation's term lists in plain words, for the settings warnings (each unusable term by name). */
export function termSettingWarnings(settings: Settings): string[] {
  return termWarnings(settings.terms).map(describeTermWarning);
}

/** Compiles the shipped term lists, so the first message does not wait for it. */
export function warmUpMatchers(): void {
  scanIndicators('');
  detectReopenDemand('');
}
