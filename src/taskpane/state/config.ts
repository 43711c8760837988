// Core's Config from the pane's settings, made once per settings value. Core keeps caches keyed
// on the Config object (the organisation's compiled term lists), so handing it a new object on
// every evaluation would compile them again each time.
import { detectReopenDemand, scanIndicators } from '../../core/indicators';
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

/** Compiles the shipped term lists, so the first message does not wait for it. */
export function warmUpMatchers(): void {
  scanIndicators('');
  detectReopenDemand('');
}
