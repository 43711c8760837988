// "Send anyway" in the contact log. Outlook tells a Smart Alerts add-in nothing about the button
// the user chose (office-js#5554), so the guard keeps each alert it raised (who, when, which
// people, never the text) and later looks in Sent Items: a mail that went to the alerted people
// after the alert went past the guard, and is logged as an outbound override. An alert that no
// sent mail answers within the window was heeded (or the draft dropped) and is forgotten.
import { normaliseAddress } from '../core/address';
import { buildOverrideRecord, type OutboundOverrideRecord } from '../core/log';
import type { OutgoingMail, SendDecision } from '../core/send-guard';
import type { KeyValueStore } from './snapshot';

export const PENDING_KEY = 'cst-send-guard-pending-v1';
/** A mail sent this long after its alert is not counted as the same send. */
export const OVERRIDE_WINDOW_MS = 30 * 60 * 1000;
const PENDING_KEEP = 50;

export interface PendingAlert {
  alertedAt: number;
  sender: string;
  /** The recipients that met a rule, normalised. */
  recipients: string[];
  strategyIds: string[];
  personNames: string[];
  mode: 'promptUser' | 'softBlock';
}

/** A sent mail as Sent Items lists it (addresses and time only). */
export interface SentMail {
  sentAt: number;
  recipients: string[];
}

function isPending(v: unknown): v is PendingAlert {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  return (
    typeof p['alertedAt'] === 'number' &&
    typeof p['sender'] === 'string' &&
    strings(p['recipients']) &&
    strings(p['strategyIds']) &&
    strings(p['personNames']) &&
    (p['mode'] === 'promptUser' || p['mode'] === 'softBlock')
  );
}

export async function readPending(store: KeyValueStore): Promise<PendingAlert[]> {
  try {
    const raw: unknown = JSON.parse((await store.getItem(PENDING_KEY)) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isPending) : [];
  } catch {
    return [];
  }
}

export async function writePending(store: KeyValueStore, pending: PendingAlert[]): Promise<void> {
  await store.setItem(PENDING_KEY, JSON.stringify(pending.slice(-PENDING_KEEP)));
}

export function pendingFrom(
  decision: Extract<SendDecision, { kind: 'alert' }>,
  sender: string,
  at: number,
): PendingAlert {
  const distinct = (xs: string[]) => [...new Set(xs)];
  return {
    alertedAt: at,
    sender: sender.trim().toLowerCase(),
    recipients: distinct(decision.findings.map((f) => f.recipient)),
    strategyIds: distinct(decision.findings.map((f) => f.strategyId)),
    personNames: distinct(decision.findings.map((f) => f.personName)),
    mode: decision.mode,
  };
}

/** Keeps an alert; a second alert for the same people replaces the first (Don't send, Send). */
export async function rememberAlert(
  store: KeyValueStore,
  decision: Extract<SendDecision, { kind: 'alert' }>,
  _mail: OutgoingMail,
  sender: string,
  at: number,
): Promise<void> {
  const alert = pendingFrom(decision, sender, at);
  const same = (p: PendingAlert) =>
    p.sender === alert.sender && p.recipients.join('\n') === alert.recipients.join('\n');
  const kept = (await readPending(store)).filter((p) => !same(p));
  await writePending(store, [...kept, alert]);
}

export interface Reconciled {
  overrides: OutboundOverrideRecord[];
  /** Alerts still waiting for their window to close. */
  pending: PendingAlert[];
}

/**
 * Which alerts a sent mail answers: sent by then, within the window, to every alerted recipient.
 * Pure, so the rule is tested apart from Graph.
 */
export function reconcile(
  pending: readonly PendingAlert[],
  sent: readonly SentMail[],
  now: number,
): Reconciled {
  const overrides: OutboundOverrideRecord[] = [];
  const still: PendingAlert[] = [];
  for (const alert of pending) {
    const answer = sent
      .filter((m) => m.sentAt >= alert.alertedAt && m.sentAt - alert.alertedAt <= OVERRIDE_WINDOW_MS)
      .sort((a, b) => a.sentAt - b.sentAt)
      .find((m) => {
        const to = new Set(m.recipients.map((r) => normaliseAddress(r) ?? r.trim().toLowerCase()));
        return alert.recipients.every((r) => to.has(r));
      });
    if (answer)
      overrides.push(
        buildOverrideRecord({
          sender: alert.sender,
          alertedAt: new Date(alert.alertedAt),
          sentAt: new Date(answer.sentAt),
          recipients: alert.recipients,
          strategyIds: alert.strategyIds,
          personNames: alert.personNames,
        }),
      );
    else if (now - alert.alertedAt <= OVERRIDE_WINDOW_MS) still.push(alert);
  }
  return { overrides, pending: still };
}

const alertId = (p: PendingAlert): string => `${p.sender}\n${p.alertedAt}`;

/** Where sent mail is looked up and override rows are written (Graph, override-log.ts). */
export interface OverridePorts {
  sentSince(since: number): Promise<SentMail[]>;
  write(record: OutboundOverrideRecord): Promise<void>;
}

/**
 * Settles the kept alerts against Sent Items: overrides are written, answered and expired alerts
 * forgotten. An alert whose row could not be written stays, to be written next time. Only the
 * alerts `sender` raised are settled: the Sent Items read are theirs, and where two people share
 * one browser (the sandbox's user switch, a shared desk) a mail one of them sent must not be
 * logged as the other's Send anyway. The others wait for their own sender's next Send.
 */
export async function settleAlerts(
  store: KeyValueStore,
  ports: OverridePorts,
  sender: string,
  now: number,
): Promise<number> {
  const own = sender.trim().toLowerCase();
  const pending = (await readPending(store)).filter((p) => p.sender === own);
  if (pending.length === 0) return 0;
  const since = Math.min(...pending.map((p) => p.alertedAt));
  const { overrides, pending: still } = reconcile(pending, await ports.sentSince(since), now);
  const unwritten: PendingAlert[] = [];
  for (const record of overrides) {
    try {
      await ports.write(record);
    } catch {
      const alert = pending.find((p) => new Date(p.alertedAt).toISOString() === record.alertedAt);
      if (alert) unwritten.push(alert);
    }
  }
  // Read again: an alert raised while this ran (the send being decided now) must not be lost.
  const keep = new Set([...still, ...unwritten].map(alertId));
  const done = new Set(pending.map(alertId).filter((id) => !keep.has(id)));
  await writePending(
    store,
    (await readPending(store)).filter((p) => !done.has(alertId(p))),
  );
  return overrides.length - unwritten.length;
}
