// Shared builders for the core checks, gate, log and evaluate tests. Invented people and
// example domains only.
import { normaliseAddress } from '../../src/core/address';
import { checkStrategy, type MessageFacts, type ReopenHit } from '../../src/core/checks';
import { checkEnv } from '../../src/core/checks/env';
import { normaliseMatterRef } from '../../src/core/matter';
import { fingerprint } from '../../src/core/repeat';
import { parseInstant } from '../../src/core/time';
import type {
  Config,
  Fingerprint,
  Flag,
  HistoryEntry,
  MatchVia,
  Message,
  Strategy,
} from '../../src/core/types';

export const STAFF_DOMAIN = 'force.example.police.uk';
export const PAUL = 'paul.example@example.com';
export const DESIGNATED = `contact.strategy@${STAFF_DOMAIN}`;
export const SPOC = `sam.handler@${STAFF_DOMAIN}`;
export const PSD = `psd@${STAFF_DOMAIN}`;
export const ADVOCATE = 'ann@advocacy.example.org';

/** A strategy with no restrictions beyond the person's identity; tests add what they check. */
export function strategy(overrides: Partial<Strategy> = {}): Strategy {
  return {
    id: 'CS-0042',
    personName: 'Paul Example',
    knownNames: ['P. Example'],
    emailAddresses: [PAUL],
    status: 'active',
    matterRefs: ['CO/01234/24'],
    reasons: ['unreasonably-persistent'],
    permittedChannels: ['email', 'post'],
    permittedTimes: [],
    responsePolicy: 'respond',
    refuseReopen: false,
    reasonableAdjustments: [],
    startDate: '2025-01-06',
    nextReviewDate: '2025-04-06',
    lastReviewedDate: '2025-01-06',
    ...overrides,
  };
}

/** The strategy of docs/domain.md's interchange example (reviews fresh in early March 2025). */
export function domainStrategy(overrides: Partial<Strategy> = {}): Strategy {
  return strategy({
    designatedAddress: DESIGNATED,
    spoc: { name: 'Sam Handler', address: SPOC, since: '2025-01-06' },
    advocate: { name: 'Ann Advocate', addresses: [ADVOCATE], required: true },
    contactLimit: { max: 1, periodDays: 7 },
    permittedTimes: [{ days: ['mon', 'tue'], from: '09:00', to: '12:00' }],
    refuseReopen: true,
    reasonableAdjustments: [
      { description: 'Large print (18pt) replies', agreed: '2025-01-06', reviewDate: '2025-07-06' },
    ],
    ...overrides,
  });
}

export function message(overrides: Partial<Message> = {}): Message {
  return {
    internetMessageId: '<abc@example.com>',
    receivedDateTime: '2025-03-04T10:15:00Z',
    from: { name: 'Paul Example', address: PAUL },
    to: [{ name: 'Contact strategy', address: DESIGNATED }],
    cc: [],
    subject: 'Re: CO/01234/24',
    body: 'Please tell me what is happening with my complaint.',
    ...overrides,
  };
}

export function config(overrides: Partial<Config> = {}): Config {
  return {
    staffDomains: [STAFF_DOMAIN],
    teams: { [PSD]: 'PSD', [`complaints@${STAFF_DOMAIN}`]: 'Complaints' },
    spocRotationMonths: 12,
    reviewMaxDays: 92,
    timeZone: 'Europe/London',
    ...overrides,
  };
}

let seq = 0;
export function earlier(receivedDateTime: string, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  seq += 1;
  return {
    internetMessageId: `<h${seq}@example.com>`,
    receivedDateTime,
    from: { address: PAUL },
    ...overrides,
  };
}

export interface RunOptions {
  message?: Message;
  history?: HistoryEntry[];
  config?: Config;
  now?: string;
  via?: MatchVia;
  /** Matter references the message cites (normally found by extractMatterRefs). */
  matterRefs?: string[];
  /** What detectReopenDemand would find. */
  reopen?: ReopenHit | null;
  fingerprint?: Fingerprint;
}

/** Runs the checks for one strategy, with facts built directly (unit tests of the checks). */
export function runChecks(s: Strategy, o: RunOptions = {}): Flag[] {
  const msg = o.message ?? message();
  const cfg = o.config ?? config();
  const now = new Date(o.now ?? msg.receivedDateTime);
  const receivedAt = parseInstant(msg.receivedDateTime);
  const fp = o.fingerprint ?? fingerprint(msg.body);
  const facts: MessageFacts = {
    message: msg,
    receivedAt,
    recipients: [...new Set([...msg.to, ...msg.cc].map((r) => normaliseAddress(r.address)))].filter(
      (r): r is string => r !== null,
    ),
    matterRefs: () => (o.matterRefs ?? []).map(normaliseMatterRef),
    reopenDemand: () => o.reopen ?? null,
  };
  const env = checkEnv({
    config: cfg,
    now,
    history: o.history ?? [],
    messageId: msg.internetMessageId,
    receivedAt,
    fingerprint: () => fp,
  });
  return checkStrategy({ strategy: s, via: o.via ?? 'sender', facts, env });
}

export const codes = (flags: readonly Flag[]): string[] => flags.map((f) => f.code);
