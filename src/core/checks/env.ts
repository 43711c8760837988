// The check environment for one evaluation: settings, time, and the person's history.
import { localDate, resolveTimeZone } from '../time';
import type { Config, HistoryEntry } from '../types';
import type { CheckEnv } from './context';
import { personHistory, type HistoryOptions } from './history';

export interface EnvInput extends Omit<HistoryOptions, 'repeatThreshold'> {
  config: Config;
  now: Date;
  history: readonly HistoryEntry[];
}

export function checkEnv({ config, now, history, ...options }: EnvInput): CheckEnv {
  return {
    config,
    now,
    // An unknown zone in the settings falls back (see time.ts) rather than failing every check.
    today: localDate(now, resolveTimeZone(config.timeZone)),
    ...personHistory(history, {
      ...options,
      ...(config.repeatThreshold !== undefined ? { repeatThreshold: config.repeatThreshold } : {}),
    }),
  };
}
