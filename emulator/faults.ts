// Fault injection: which faults are armed, which request gets one, and the `--fault` syntax
// `KIND[:key=value,…]`, e.g. `429:rate=0.2,retryAfter=2,path=/items` or `drop:count=1`.
import type { Random } from './prng';
import type { ActiveFault, FaultController, FaultKind, FaultSpec } from './types';

export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  '429',
  '503',
  '504',
  'drop',
  'wrongContentType',
  'emptyPage',
];

export interface FaultTarget {
  method: string;
  /** Path after /v1.0 with its query, e.g. `/me/messages?$top=5`. */
  path: string;
  scope: 'http' | 'batch';
}

export class FaultSpecError extends Error {}

export function validateFaultSpec(spec: FaultSpec): FaultSpec {
  if (!FAULT_KINDS.includes(spec.kind))
    throw new FaultSpecError(
      `Unknown fault kind '${String(spec.kind)}'; use one of ${FAULT_KINDS.join(', ')}.`,
    );
  if (spec.rate !== undefined && !(typeof spec.rate === 'number' && spec.rate >= 0 && spec.rate <= 1))
    throw new FaultSpecError(`Fault rate must be a number from 0 to 1, not ${JSON.stringify(spec.rate)}.`);
  for (const key of ['count', 'retryAfter', 'ms'] as const) {
    const v = spec[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0))
      throw new FaultSpecError(`Fault ${key} must be a whole number ≥ 0, not ${JSON.stringify(v)}.`);
  }
  if (spec.kind === 'latency' && spec.ms === undefined)
    throw new FaultSpecError('A latency fault needs ms=<milliseconds>.');
  if (spec.path !== undefined) {
    try {
      new RegExp(spec.path);
    } catch {
      throw new FaultSpecError(`Fault path '${spec.path}' is not a valid regular expression.`);
    }
  }
  if (spec.scope !== undefined && !['any', 'http', 'batch'].includes(spec.scope))
    throw new FaultSpecError(`Fault scope must be any, http or batch, not '${String(spec.scope)}'.`);
  return spec;
}

const NUMERIC_KEYS = new Set(['rate', 'count', 'retryAfter', 'ms']);
const TEXT_KEYS = new Set(['path', 'method', 'scope']);

/** Parses the command-line form. Values may not contain commas (use `\x2c` in a path regex). */
export function parseFaultSpec(text: string): FaultSpec {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim();
  const spec: Record<string, unknown> = { kind };
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  for (const part of rest.split(',').filter((p) => p.trim() !== '')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new FaultSpecError(`Fault option '${part}' needs key=value.`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (NUMERIC_KEYS.has(key)) {
      if (value === '' || Number.isNaN(Number(value)))
        throw new FaultSpecError(`Fault option ${key} needs a number, not '${value}'.`);
      spec[key] = Number(value);
    } else if (TEXT_KEYS.has(key)) spec[key] = key === 'method' ? value.toUpperCase() : value;
    else
      throw new FaultSpecError(
        `Unknown fault option '${key}'; use rate, count, retryAfter, ms, path, method or scope.`,
      );
  }
  return validateFaultSpec(spec as unknown as FaultSpec);
}

export function formatFaultSpec(spec: FaultSpec): string {
  const opts: string[] = [];
  for (const key of ['rate', 'count', 'retryAfter', 'ms', 'path', 'method', 'scope'] as const) {
    const v = spec[key];
    if (v !== undefined) opts.push(`${key}=${String(v)}`);
  }
  return opts.length ? `${spec.kind}:${opts.join(',')}` : spec.kind;
}

export class FaultEngine implements FaultController {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly random: Random) {}

  add(spec: FaultSpec): string {
    const valid = validateFaultSpec({ ...spec });
    const id = `f${this.nextId++}`;
    this.faults.push({ ...valid, id, fired: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * The first armed fault of one of `kinds` that matches the request and wins its rate roll;
   * counts it as fired (and disarms it when its count is used up).
   */
  take(kinds: readonly FaultKind[], target: FaultTarget): ActiveFault | undefined {
    const hit = this.faults.find((f) => kinds.includes(f.kind) && this.applies(f, target));
    return hit ? this.fire(hit) : undefined;
  }

  /** Total extra latency from every matching latency fault. */
  latency(target: FaultTarget): number {
    return this.faults
      .filter((f) => f.kind === 'latency' && this.applies(f, target))
      .map((f) => this.fire(f).ms ?? 0)
      .reduce((a, b) => a + b, 0);
  }

  private applies(f: ActiveFault, target: FaultTarget): boolean {
    if (f.method && f.method.toUpperCase() !== target.method.toUpperCase()) return false;
    if (f.scope && f.scope !== 'any' && f.scope !== target.scope) return false;
    if (f.path && !new RegExp(f.path).test(target.path)) return false;
    if (f.count !== undefined && f.fired >= f.count) return false;
    return f.rate === undefined || f.rate >= 1 || this.random() < f.rate;
  }

  private fire(f: ActiveFault): ActiveFault {
    f.fired += 1;
    const fired = { ...f };
    if (f.count !== undefined && f.fired >= f.count) this.remove(f.id);
    return fired;
  }
}
