// The person's earlier contacts, prepared once per evaluation: grouped by normalised sender,
// this message and anything after it left out, each Message-ID once. Work per history entry
// (address normalisation, date parsing, fingerprinting a body) is cached on the entry object, so
// the taskpane, which passes the same history again on every item switch, pays for it once.
import { normaliseAddress } from '../address';
import { DEFAULT_REPEAT_THRESHOLD, findRepeats, fingerprint } from '../repeat';
import type { Fingerprint, HistoryEntry, Strategy } from '../types';
import { strategyAddresses, type PersonContact, type RepeatHit } from './context';
import { normaliseMessageId } from '../log';

interface PreparedEntry {
  sender: string | null;
  contact: PersonContact | null;
}

const prepared = new WeakMap<HistoryEntry, PreparedEntry>();
const fingerprints = new WeakMap<HistoryEntry, Fingerprint | null>();

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

/** The stored fingerprint, else one computed from the body (once per entry), else null. */
export function historyFingerprint(entry: HistoryEntry): Fingerprint | null {
  if (entry.fingerprint) return entry.fingerprint;
  let fp = fingerprints.get(entry);
  if (fp === undefined) {
    fp = typeof entry.body === 'string' ? fingerprint(entry.body) : null;
    fingerprints.set(entry, fp);
  }
  return fp;
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
  repeatThreshold?: number;
}

export function personHistory(history: readonly HistoryEntry[], options: HistoryOptions): PersonHistory {
  const ownId = normaliseMessageId(options.messageId);
  const until = options.receivedAt?.getTime() ?? Infinity;
  const bySender = new Map<string, PersonContact[]>();
  for (const entry of history) {
    const { sender, contact } = prepare(entry);
    if (!sender || !contact || contact.id === ownId || contact.receivedAt.getTime() > until) continue;
    const list = bySender.get(sender);
    if (list) list.push(contact);
    else bySender.set(sender, [contact]);
  }

  const perStrategy = new Map<Strategy, readonly PersonContact[]>();
  const contactsOf = (strategy: Strategy): readonly PersonContact[] => {
    let contacts = perStrategy.get(strategy);
    if (!contacts) {
      const seen = new Set<string>();
      const all: PersonContact[] = [];
      for (const address of strategyAddresses(strategy).person) {
        for (const c of bySender.get(address) ?? []) {
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          all.push(c);
        }
      }
      contacts = all;
      perStrategy.set(strategy, contacts);
    }
    return contacts;
  };

  const threshold = options.repeatThreshold ?? DEFAULT_REPEAT_THRESHOLD;
  const repeats = new Map<Strategy, RepeatHit | null>();
  const bestRepeat = (strategy: Strategy): RepeatHit | null => {
    if (repeats.has(strategy)) return repeats.get(strategy) ?? null;
    const contacts = contactsOf(strategy);
    const earlier: { id: string; fingerprint: Fingerprint }[] = [];
    const byId = new Map<string, PersonContact>();
    for (const c of contacts) {
      const fp = historyFingerprint(c.entry);
      if (!fp) continue;
      earlier.push({ id: c.id, fingerprint: fp });
      byId.set(c.id, c);
    }
    const top = earlier.length > 0 ? findRepeats(options.fingerprint(), earlier, threshold)[0] : undefined;
    const contact = top ? byId.get(top.id) : undefined;
    const hit = top && contact ? { contact, similarity: top.similarity } : null;
    repeats.set(strategy, hit);
    return hit;
  };

  return { personHistory: contactsOf, bestRepeat };
}
