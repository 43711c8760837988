// What the checks see: facts about the message computed once per evaluation, the environment
// (settings, time, history lookups) and one matched strategy. Checks are pure functions of this.
import { normaliseAddress } from '../address';
import { resolveTimeZone } from '../time';
import type { Config, HistoryEntry, IsoDate, MatchVia, Message, Strategy } from '../types';

export interface ReopenHit {
  start: number;
  end: number;
  text: string;
}

export interface MessageFacts {
  message: Message;
  /** Null when receivedDateTime does not parse: time-based checks then raise nothing. */
  receivedAt: Date | null;
  /** To and Cc, normalised and distinct, in the order written. Malformed addresses are left out. */
  recipients: readonly string[];
  /** Matter references cited in the subject or body, normalised. Lazy: a long body costs a scan. */
  matterRefs: () => readonly string[];
  /** A demand to reopen a closed matter, if any. Lazy: only strategies that refuse reopening ask. */
  reopenDemand: () => ReopenHit | null;
}

export interface CheckEnv {
  config: Config;
  now: Date;
  /** Today's date in the organisation's zone (config.timeZone). */
  today: IsoDate;
  /** The person's earlier contacts (their addresses, before this message, this message excluded). */
  personHistory: (strategy: Strategy) => readonly PersonContact[];
  /** The earlier contact from the person most similar to this message, at or above the threshold. */
  bestRepeat: (strategy: Strategy) => RepeatHit | null;
}

/** One earlier contact from the person, with what the checks need already worked out. */
export interface PersonContact {
  entry: HistoryEntry;
  /** Normalised Message-ID (duplicates in history count once). */
  id: string;
  receivedAt: Date;
}

export interface RepeatHit {
  contact: PersonContact;
  /** 0..1 */
  similarity: number;
}

export interface CheckInput {
  strategy: Strategy;
  via: MatchVia;
  facts: MessageFacts;
  env: CheckEnv;
}

/** A strategy's addresses, normalised once per strategy object (strategies are reused across calls). */
export interface StrategyAddresses {
  person: ReadonlySet<string>;
  designated: string | null;
  spoc: string | null;
}

const addressCache = new WeakMap<Strategy, StrategyAddresses>();

function normaliseOrNull(raw: string | undefined): string | null {
  return raw ? normaliseAddress(raw) : null;
}

export function strategyAddresses(strategy: Strategy): StrategyAddresses {
  let cached = addressCache.get(strategy);
  if (!cached) {
    const person = new Set<string>();
    for (const a of strategy.emailAddresses) {
      const n = normaliseAddress(a);
      if (n) person.add(n);
    }
    cached = {
      person,
      designated: normaliseOrNull(strategy.designatedAddress),
      spoc: normaliseOrNull(strategy.spoc?.address),
    };
    addressCache.set(strategy, cached);
  }
  return cached;
}

/** The zone a strategy's permitted times are read in: its own, else the organisation's. */
export function strategyZone(strategy: Strategy, config: Config): string {
  return resolveTimeZone(strategy.timeZone, config.timeZone);
}

/** Up to `max` items joined for a sentence, then "and N more". */
export function listForSentence(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
