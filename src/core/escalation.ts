// Where an escalation may be forwarded: only to a mailbox inside the force. A mistyped or
// tampered settings row must not send safeguarding mail outside the staff domains, so the pane
// refuses the forward and says why (the message is still tagged for escalation).
import { normaliseAddress } from './address';

export type EscalationTarget =
  | { kind: 'none' }
  | { kind: 'allowed'; address: string }
  | { kind: 'refused'; address: string; reason: string };

/** The escalation mailbox, checked against the staff domains (a subdomain of one counts). */
export function escalationTarget(
  mailbox: string | undefined,
  staffDomains: readonly string[],
): EscalationTarget {
  const raw = mailbox?.trim() ?? '';
  if (!raw) return { kind: 'none' };
  const address = normaliseAddress(raw);
  if (!address) return { kind: 'refused', address: raw, reason: `"${raw}" is not an email address` };
  const domains = staffDomains.map((d) => d.trim().toLowerCase()).filter((d) => d.length > 0);
  if (domains.length === 0)
    return {
      kind: 'refused',
      address,
      reason: 'no staff domains are set, so the pane cannot tell whether it is inside the force',
    };
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return { kind: 'allowed', address };
  return {
    kind: 'refused',
    address,
    reason: `${address} is outside the staff domains (${domains.join(', ')})`,
  };
}
