// Who a subject access request is about, and which contact-log rows are theirs. A person may have
// several strategies (different matters, docs/domain.md "Matching"); the matcher finds them all for
// one sender because they share an address, so the same link makes them one person here: a
// strategy and every strategy that shares an address with it, and so on. A shared name alone does
// not: two people can have the same name, and one person's export must never hold another's rows.
import { logAddress, type OutboundOverrideRecord } from '../log';
import type { ContactLogRecord, Strategy } from '../types';

export interface Person {
  /** The name on the strategy the export was asked from. */
  name: string;
  /** Every strategy of theirs, the one asked from first. */
  strategyIds: string[];
  /** Every address they write from, as the log stores senders (normalised). */
  addresses: string[];
  /**
   * Their advocates' addresses. Mail from an advocate is the person's only when it names one of
   * their strategies (an advocate may act for several people).
   */
  advocateAddresses: string[];
}

const addressesOf = (s: Strategy): string[] => s.emailAddresses.map(logAddress).filter((a) => a.length > 0);

/** The person behind a strategy: it, and every strategy linked to it by a shared address. */
export function personOf(strategy: Strategy, all: readonly Strategy[]): Person {
  const theirs: Strategy[] = [strategy];
  const addresses = new Set(addressesOf(strategy));
  for (let grew = true; grew;) {
    grew = false;
    for (const s of all) {
      if (theirs.some((t) => t.id === s.id)) continue;
      const own = addressesOf(s);
      if (!own.some((a) => addresses.has(a))) continue;
      theirs.push(s);
      for (const a of own) addresses.add(a);
      grew = true;
    }
  }
  const advocates = new Set(theirs.flatMap((s) => (s.advocate?.addresses ?? []).map(logAddress)));
  for (const a of addresses) advocates.delete(a);
  return {
    name: strategy.personName,
    strategyIds: theirs.map((s) => s.id),
    addresses: [...addresses],
    advocateAddresses: [...advocates].filter((a) => a.length > 0),
  };
}

/** A row is about the person when it names one of their strategies or came from their address. */
export function isAboutPerson(
  person: Pick<Person, 'strategyIds' | 'addresses'>,
  r: ContactLogRecord,
): boolean {
  return (
    r.strategyIds.some((id) => person.strategyIds.includes(id)) ||
    person.addresses.includes(logAddress(r.sender))
  );
}

/**
 * Mail the force sent the person past a send-guard warning is about them when it names one of
 * their strategies or went to one of their addresses (its sender is the member of staff).
 */
export function isOverrideAboutPerson(
  person: Pick<Person, 'strategyIds' | 'addresses'>,
  o: OutboundOverrideRecord,
): boolean {
  return (
    o.strategyIds.some((id) => person.strategyIds.includes(id)) ||
    o.recipients.some((a) => person.addresses.includes(logAddress(a)))
  );
}
