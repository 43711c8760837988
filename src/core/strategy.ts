// A strategy row (strategies.json, or a SharePoint list item mapped to the same shape) → a checked
// Strategy. Every problem names the strategy and the field; a broken row is reported, never
// dropped and never a crash. Defaults and leniencies: docs/decisions/core-matching.md.
import { normaliseMatterRef } from './matter';
import {
  address,
  anyText,
  bool,
  clock,
  compact,
  describe,
  field,
  fields,
  isAbsent,
  isObject,
  isoDate,
  keyword,
  listOf,
  objectOf,
  oneLine,
  positiveInt,
  summarise,
  text,
  timeZone,
  type JsonObject,
  type Reader,
} from './parse';
import {
  CHANNELS,
  REASONS,
  RESPONSE_POLICIES,
  STRATEGY_STATUSES,
  WEEKDAYS,
  type Advocate,
  type ContactLimit,
  type Parsed,
  type PermittedTime,
  type ReasonableAdjustment,
  type Spoc,
  type Strategy,
} from './types';

/** What a strategy cannot do without; everything else has a default. */
export type StrategyEssentials = Pick<Strategy, 'id' | 'personName' | 'emailAddresses' | 'status'>;

/**
 * A strategy with the documented defaults for whatever is not given: knownNames, matterRefs,
 * reasons, permittedTimes and reasonableAdjustments empty, refuseReopen false, responsePolicy
 * `respond`, permittedChannels every channel (no channel restriction). parseStrategy applies the
 * same defaults. Not validated: use parseStrategy for input from outside.
 */
export function newStrategy(fields: StrategyEssentials & Partial<Strategy>): Strategy {
  return { ...strategyDefaults(), ...fields };
}

/** The documented defaults on their own (fresh lists each time), for a draft that has no id yet. */
export function strategyDefaults(): Pick<
  Strategy,
  | 'knownNames'
  | 'matterRefs'
  | 'reasons'
  | 'permittedChannels'
  | 'permittedTimes'
  | 'responsePolicy'
  | 'refuseReopen'
  | 'reasonableAdjustments'
> {
  return {
    knownNames: [],
    matterRefs: [],
    reasons: [],
    permittedChannels: [...CHANNELS],
    permittedTimes: [],
    responsePolicy: 'respond',
    refuseReopen: false,
    reasonableAdjustments: [],
  };
}

const matterRef: Reader<string> = (value, path, problems) => {
  const ref = typeof value === 'string' ? normaliseMatterRef(value) : '';
  if (ref !== '') return ref;
  problems.push(`${path} must be a non-empty matter reference, got ${describe(value)}`);
  return undefined;
};

const spoc: Reader<Spoc> = objectOf((f) => {
  f.rejectUnknown(['name', 'address', 'since']);
  return compact<Spoc>({
    name: f.required('name', text) ?? '',
    address: f.required('address', address) ?? '',
    since: f.optional('since', isoDate),
  });
});

const advocate: Reader<Advocate> = objectOf((f) => {
  f.rejectUnknown(['name', 'addresses', 'required']);
  return {
    name: f.required('name', text) ?? '',
    addresses: f.required('addresses', listOf(address, { minItems: 1, unique: true })) ?? [],
    // Required, not defaulted: guessing either way would be wrong for someone's strategy.
    required: f.required('required', bool) ?? false,
  };
});

const contactLimit: Reader<ContactLimit> = objectOf((f) => {
  f.rejectUnknown(['max', 'periodDays']);
  return {
    max: f.required('max', positiveInt(10_000)) ?? 1,
    periodDays: f.required('periodDays', positiveInt(3660)) ?? 1,
  };
});

const permittedTime: Reader<PermittedTime> = objectOf((f) => {
  f.rejectUnknown(['days', 'from', 'to']);
  return {
    // No days: every day (core/checks/timing reads an empty list that way).
    days: f.withDefault('days', listOf(keyword(WEEKDAYS), { unique: true }), []),
    from: f.required('from', clock(false)) ?? '',
    to: f.required('to', clock(true)) ?? '',
  };
});

const adjustment: Reader<ReasonableAdjustment> = objectOf((f) => {
  f.rejectUnknown(['description', 'agreed', 'reviewDate']);
  return compact<ReasonableAdjustment>({
    description: f.required('description', text) ?? '',
    agreed: f.optional('agreed', isoDate),
    reviewDate: f.optional('reviewDate', isoDate),
  });
});

/** `strategy CS-0042 (Paul Example)`, with whatever of the two the row has. */
function label(raw: JsonObject, position: number | null): string {
  const id = field(raw, 'id');
  const name = field(raw, 'personName');
  const shownId = typeof id === 'string' && id.trim() !== '' ? oneLine(id.trim(), 40) : null;
  const shownName = typeof name === 'string' && name.trim() !== '' ? oneLine(name.trim(), 40) : null;
  const prefix =
    shownId !== null
      ? `strategy ${shownId}`
      : position === null
        ? 'strategy'
        : `strategy at index ${position}`;
  return shownName === null ? prefix : `${prefix} (${shownName})`;
}

/**
 * Every field of T present, optional ones possibly undefined. The reader below is typed with it, so
 * a field added to Strategy and not read does not compile, and its keys are the known fields.
 */
type EveryField<T> = { [K in keyof Required<T>]: T[K] };

function readStrategy(raw: JsonObject, problems: string[]): Strategy {
  const f = fields(raw, '', problems);
  const responsePolicy = f.withDefault('responsePolicy', keyword(RESPONSE_POLICIES), 'respond');
  const responseDays = f.optional('responseDays', positiveInt(366));
  if (responsePolicy === 'respond-within-days' && isAbsent(field(raw, 'responseDays'))) {
    problems.push('responseDays is required when responsePolicy is "respond-within-days"');
  }
  const channelsGiven = field(raw, 'permittedChannels');
  if (Array.isArray(channelsGiven) && channelsGiven.length === 0) {
    problems.push('permittedChannels must list at least one channel (leave it out to permit every channel)');
  }
  const read: EveryField<Strategy> = {
    id: f.required('id', text) ?? '',
    personName: f.required('personName', text) ?? '',
    knownNames: f.withDefault('knownNames', listOf(text, { unique: true }), []),
    // At least one: a strategy without an address can never be matched to an email.
    emailAddresses: f.required('emailAddresses', listOf(address, { minItems: 1, unique: true })) ?? [],
    status: f.required('status', keyword(STRATEGY_STATUSES)) ?? 'draft',
    matterRefs: f.withDefault('matterRefs', listOf(matterRef, { unique: true }), []),
    reasons: f.withDefault('reasons', listOf(keyword(REASONS), { unique: true }), []),
    reasonNarrative: f.optional('reasonNarrative', anyText),
    permittedChannels: f.withDefault('permittedChannels', listOf(keyword(CHANNELS), { unique: true }), [
      ...CHANNELS,
    ]),
    designatedAddress: f.optional('designatedAddress', address),
    spoc: f.optional('spoc', spoc),
    advocate: f.optional('advocate', advocate),
    contactLimit: f.optional('contactLimit', contactLimit),
    permittedTimes: f.withDefault('permittedTimes', listOf(permittedTime), []),
    timeZone: f.optional('timeZone', timeZone),
    responsePolicy,
    responseDays,
    refuseReopen: f.withDefault('refuseReopen', bool, false),
    reasonableAdjustments: f.withDefault('reasonableAdjustments', listOf(adjustment), []),
    warningGiven: f.optional('warningGiven', isoDate),
    notifiedInWriting: f.optional('notifiedInWriting', isoDate),
    startDate: f.optional('startDate', isoDate),
    nextReviewDate: f.optional('nextReviewDate', isoDate),
    lastReviewedDate: f.optional('lastReviewedDate', isoDate),
    lastReviewedBy: f.optional('lastReviewedBy', text),
    decidedBy: f.optional('decidedBy', text),
    eTag: f.optional('eTag', anyText),
  };
  f.rejectUnknown(Object.keys(read));
  return compact<Strategy>(read);
}

function parseAt(raw: unknown, position: number | null): Parsed<Strategy> {
  if (!isObject(raw)) {
    const where = position === null ? 'strategy' : `strategy at index ${position}`;
    return { ok: false, error: `${where} must be an object, got ${describe(raw)}` };
  }
  const problems: string[] = [];
  const strategy = readStrategy(raw, problems);
  if (problems.length > 0) return { ok: false, error: `${label(raw, position)}: ${summarise(problems)}` };
  return { ok: true, value: strategy };
}

/**
 * One strategy, every field checked. Optional fields may be left out (or null, or blank); the
 * defaults are knownNames/matterRefs/reasons/permittedTimes/reasonableAdjustments [], refuseReopen
 * false, responsePolicy `respond`, permittedChannels every channel. Addresses come back normalised
 * and matter references upper-cased.
 */
export function parseStrategy(raw: unknown): Parsed<Strategy> {
  return parseAt(raw, null);
}

/**
 * A list of strategies: the good ones, and one error for each bad one (a second strategy with an
 * id already used is an error too: flags and the contact log name strategies by id).
 */
export function parseStrategies(raw: unknown): { strategies: Strategy[]; errors: string[] } {
  if (!Array.isArray(raw))
    return { strategies: [], errors: [`strategies must be a list, got ${describe(raw)}`] };
  const strategies: Strategy[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item, position) => {
    const parsed = parseAt(item, position);
    if (!parsed.ok) {
      errors.push(parsed.error);
      return;
    }
    const first = seen.get(parsed.value.id);
    if (first !== undefined) {
      errors.push(
        `${label(item as JsonObject, position)}: id is already used by the strategy at index ${first}`,
      );
      return;
    }
    seen.set(parsed.value.id, position);
    strategies.push(parsed.value);
  });
  return { strategies, errors };
}
