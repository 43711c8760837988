// Building and ordering flags. Severity is always derived from the code (FLAG_SEVERITY), so a
// flag can never carry a severity that disagrees with its code.
import { FLAG_SEVERITY, SEVERITIES, type Flag, type FlagCode } from '../types';

export function makeFlag<C extends FlagCode>(
  code: C,
  strategyId: string,
  field: string,
  message: string,
): Flag {
  // The mapped union cannot be narrowed from a generic code; FLAG_SEVERITY[code] is correct by construction.
  return { code, severity: FLAG_SEVERITY[code], strategyId, field, message } as Extract<Flag, { code: C }>;
}

function rank(flag: Flag): number {
  // Adjustments come first, always: they govern how any reply is written (durham rec 1).
  return flag.code === 'REASONABLE_ADJUSTMENTS' ? 0 : 1 + SEVERITIES.indexOf(flag.severity);
}

/** Adjustments first, then breach, warning, info; the order within a group is kept (stable sort). */
export function orderFlags(flags: readonly Flag[]): Flag[] {
  return [...flags].sort((a, b) => rank(a) - rank(b));
}

export function isBreach(flag: Flag): boolean {
  return flag.severity === 'breach';
}
