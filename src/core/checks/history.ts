// The person's earlier contacts, prepared once per evaluation: grouped by normalised sender,
// this message and anything after it left out, each Message-ID once. Work per history entry
// (address normalisation, date parsing, fingerprinting a body) is cached on the entry object, and
// the grouping by sender on the history list, so the taskpane, which passes the same history
// again on every item switch, pays for it once; each evaluation then reads only the lists of the
// matched strategy's addresses.
import { normaliseAddress } from '../address';
import {
  DEFAULT_REPEAT_THRESHOLD,
  MIN_SHINGLES,
  PUBLIC_KEY,
  fingerprint,
  mostSimilar,
  sizesAllow,
  type FingerprintKey,
} from '../repeat';
import type { Fingerprint, HistoryEntry, Strategy } from '../types';
import { strategyAddresses, type PersonContact, type RepeatHit } from './context';
import { normaliseMessageId } from '../log';

interface PreparedEntry {
  sender: string | null;
  contact: PersonContact | null;
}

const prepared = new WeakMap<HistoryEntry, PreparedEntry>();
const fingerprints = new WeakMap<HistoryEntry, { key: FingerprintKey; fp: Fingerprint | null }>();

function prepare(entry: HistoryEntry): PreparedEntry {
  let p = prepared.get(entry);
  if (!p) {
    const t = typeof entry?.receivedDateTime === 'string' ? Date.parse(entry.receivedDateTime) : NaN;
    const sender = typeof entry?.from?.address === 'string' ? normaliseAddress(entry.from.address) : null;
    const id = normaliseMessageId(
      typeof entry?.internetMessageId === 'string' ? entry.internetMessageId : '',
    );
    // An entry without a date cannot be placed in a period; without an id it cannot be de-duplicated.
    const contact = Number.isNaN(t) || !id ? null : { entry, id, receivedAt: new Date(t) };
    p = { sender, contact };
    prepared.set(entry, p);
  }
  return p;
}

/**
 * The stored fingerprint, else one computed from the body under the organisation's key (once per
 * entry and key), else null.
 */
export function historyFingerprint(
  entry: HistoryEntry,
  key: FingerprintKey = PUBLIC_KEY,
): Fingerprint | null {
  if (entry.fingerprint) return entry.fingerprint;
  const cached = fingerprints.get(entry);
  if (cached?.key === key) return cached.fp;
  const fp = typeof entry.body === 'string' ? fingerprint(entry.body, key) : null;
  fingerprints.set(entry, { key, fp });
  return fp;
}

interface Grouped {
  /** The entries grouped, as they were (a list can be changed in place between calls). */
  entries: readonly HistoryEntry[];
  /** Normalised sender → their dated, identified contacts, in history order. */
  bySender: ReadonlyMap<string, readonly PersonContact[]>;
  /** Message-IDs held by more than one contact (a message logged twice): usually none. */
  repeatedIds: ReadonlySet<string>;
}

const grouped = new WeakMap<readonly HistoryEntry[], Grouped>();

function sameEntries(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The history's contacts by sender, reused while the list holds the same entry objects. */
function groupBySender(history: readonly HistoryEntry[]): Grouped {
  const cached = grouped.get(history);
  if (cached && sameEntries(cached.entries, history)) return cached;
  const bySender = new Map<string, PersonContact[]>();
  const ids = new Set<string>();
  const repeatedIds = new Set<string>();
  for (const entry of history) {
    const { sender, contact } = prepare(entry);
    if (!sender || !contact) continue;
    if (ids.has(contact.id)) repeatedIds.add(contact.id);
    ids.add(contact.id);
    const list = bySender.get(sender);
    if (list) list.push(contact);
    else bySender.set(sender, [contact]);
  }
  const group = { entries: [...history], bySender, repeatedIds };
  grouped.set(history, group);
  return group;
}

export interface PersonHistory {
  personHistory: (strategy: Strategy) => readonly PersonContact[];
  bestRepeat: (strategy: Strategy) => RepeatHit | null;
}

export interface HistoryOptions {
  /** This message's Message-ID (left out of its own history). */
  messageId: string;
  /** This message's arrival; later entries are left out. Null keeps every entry. */
  receivedAt: Date | null;
  /** This message's fingerprint; only asked for when there is something to compare it with. */
  fingerprint: () => Fingerprint;
  /**
   * This message's count of distinct shingles, when it can be had without the whole fingerprint:
   * then the fingerprint is asked for only if some earlier contact's size lets it be a repeat.
   */
  shingleCount?: () => number;
  repeatThreshold?: number;
  /** The organisation's fingerprint key, for earlier contacts known by their body. */
  fingerprintKey?: FingerprintKey;
}

export function personHistory(history: readonly HistoryEntry[], options: HistoryOptions): PersonHistory {
  const ownId = normaliseMessageId(options.messageId);
  const until = options.receivedAt?.getTime() ?? Infinity;
  const { bySender, repeatedIds } = groupBySender(history);

  const perStrategy = new Map<Strategy, readonly PersonContact[]>();
  const contactsOf = (strategy: Strategy): readonly PersonContact[] => {
    let contacts = perStrategy.get(strategy);
    if (!contacts) {
      const seen = new Set<string>();
      const all: PersonContact[] = [];
      for (const address of strategyAddresses(strategy).person) {
        for (const c of bySender.get(address) ?? []) {
          if (c.id === ownId || c.receivedAt.getTime() > until) continue;
          // Each Message-ID once (the first in order); only ids held twice need the check.
          if (repeatedIds.size > 0 && repeatedIds.has(c.id)) {
            if (seen.has(c.id)) continue;
            seen.add(c.id);
          }
          all.push(c);
        }
      }
      contacts = all;
      perStrategy.set(strategy, contacts);
    }
    return contacts;
  };

  const threshold = options.repeatThreshold ?? DEFAULT_REPEAT_THRESHOLD;
  const key = options.fingerprintKey ?? PUBLIC_KEY;
  const contactFingerprint = (c: PersonContact): Fingerprint | null => historyFingerprint(c.entry, key);
  // Jaccard never exceeds the ratio of the set sizes: a long message among short earlier ones
  // cannot repeat any of them, and its signature need not be made.
  const mayRepeat = (contacts: readonly PersonContact[]): boolean => {
    if (contacts.length === 0) return false;
    const n = options.shingleCount?.();
    if (n === undefined) return true;
    if (n < MIN_SHINGLES) return false;
    return contacts.some((c) => {
      const other = contactFingerprint(c);
      return other !== null && sizesAllow(n, other.n, threshold);
    });
  };
  const repeats = new Map<Strategy, RepeatHit | null>();
  const bestRepeat = (strategy: Strategy): RepeatHit | null => {
    if (repeats.has(strategy)) return repeats.get(strategy) ?? null;
    const contacts = contactsOf(strategy);
    const best = mayRepeat(contacts)
      ? mostSimilar(options.fingerprint(), contacts, contactFingerprint, threshold)
      : null;
    const hit = best ? { contact: best.item, similarity: best.similarity } : null;
    repeats.set(strategy, hit);
    return hit;
  };

  return { personHistory: contactsOf, bestRepeat };
}
