// The send-time guard's decision (issue #13): does an outgoing email break a contact strategy the
// force itself is bound by? Every recipient (To, Cc, Bcc) goes through core's own matcher
// (match.ts) against a strategy snapshot; what comes back names the person, the rule and what to
// do instead, in the words the Smart Alerts dialog shows. Pure: the Outlook event, the clock, the
// cache and Graph live in src/send-guard/.
import { normaliseAddress } from './address';
import { matchExact, type StrategyIndex } from './match';
import type { Channel, Mailbox, Parsed, Strategy } from './types';
import { isOneOf } from './types';

/** The rules of a strategy the guard enforces on the force's own mail, one kind each. */
export const GUARD_KINDS = ['read-not-respond', 'channel', 'advocate', 'spoc'] as const;
export type GuardKind = (typeof GUARD_KINDS)[number];

/**
 * How Outlook's dialog lets the sender go on (Mailbox 1.14 sendModeOverride): `promptUser` offers
 * "Send anyway", `softBlock` only "Don't send". `block` is left out on purpose: it also holds mail
 * when the add-in is down, and Outlook must never hold mail because of us.
 */
export const SEND_MODES = ['promptUser', 'softBlock'] as const;
export type SendMode = (typeof SEND_MODES)[number];

/** Which kind of compose form the mail comes from (Office.js getComposeTypeAsync's words). */
export const COMPOSE_KINDS = ['new', 'reply', 'forward'] as const;
export type ComposeKind = (typeof COMPOSE_KINDS)[number];

export interface SendGuardSettings {
  /** Send mode for each rule kind; the strictest of the rules met applies to the message. */
  modes: Record<GuardKind, SendMode>;
  /** The rule kinds a supervisor may write past without being stopped. */
  supervisorsMayWrite: GuardKind[];
}

/**
 * Defaults: a rule the force decided in writing (post only, through the advocate) blocks softly;
 * read-not-respond and a single point of contact prompt, because a supervisor may approve a
 * reply and a colleague covers an absent SPOC. A supervisor may send a read-not-respond reply.
 */
export const DEFAULT_SEND_GUARD: SendGuardSettings = {
  modes: {
    'read-not-respond': 'promptUser',
    channel: 'softBlock',
    advocate: 'softBlock',
    spoc: 'promptUser',
  },
  supervisorsMayWrite: ['read-not-respond'],
};

export interface OutgoingMail {
  kind: ComposeKind;
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
}

export interface Sender {
  /** The signed-in member of staff (or the mailbox they send as). */
  address: string;
  /** From the organisation's settings (`supervisors`), lower-case addresses. */
  isSupervisor: boolean;
}

export interface GuardFinding {
  kind: GuardKind;
  strategyId: string;
  personName: string;
  /** The recipient address (normalised) that met the rule. */
  recipient: string;
  /** One sentence: the person, the rule and what to do instead. */
  sentence: string;
}

export type SendDecision =
  | { kind: 'allow'; exempted: GuardFinding[] }
  | { kind: 'alert'; findings: GuardFinding[]; exempted: GuardFinding[]; mode: SendMode; message: string };

/** Smart Alerts shows at most this much of `errorMessage` (SmartAlertsEventCompletedOptions). */
export const ALERT_MESSAGE_LIMIT = 500;

const CHANNEL_WORDS: Record<Channel, { name: string; instead: string }> = {
  post: { name: 'post', instead: 'Send a letter instead.' },
  phone: { name: 'phone', instead: 'Call instead.' },
  'in-person': { name: 'in person', instead: 'Arrange to meet instead.' },
  'online-form': { name: 'the online form', instead: 'Reply through the online form instead.' },
  email: { name: 'email', instead: '' },
};

function wordList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function channelSentence(strategy: Strategy): string {
  const channels = strategy.permittedChannels.filter((c) => c !== 'email');
  if (channels.length === 0)
    return `${strategy.personName}: no contact by email. Ask a supervisor how to reply.`;
  const first = channels[0] as Channel;
  return `${strategy.personName}: contact by ${wordList(channels.map((c) => CHANNEL_WORDS[c].name))} only. ${CHANNEL_WORDS[first].instead}`;
}

/** The rules one strategy's person meets when the force writes to them, with their sentences. */
function rulesMet(strategy: Strategy, sender: string): { kind: GuardKind; sentence: string }[] {
  const name = strategy.personName;
  const rules: { kind: GuardKind; sentence: string }[] = [];
  if (strategy.responsePolicy === 'read-not-respond')
    rules.push({
      kind: 'read-not-respond',
      sentence: `${name}: read but do not respond. A reply needs a supervisor's approval.`,
    });
  if (!strategy.permittedChannels.includes('email'))
    rules.push({ kind: 'channel', sentence: channelSentence(strategy) });
  if (strategy.advocate?.required)
    rules.push({ kind: 'advocate', sentence: `${name}: write to ${strategy.advocate.name} instead.` });
  const spoc = strategy.spoc;
  if (spoc && normaliseAddress(spoc.address) !== sender)
    rules.push({ kind: 'spoc', sentence: `${name}'s single point of contact is ${spoc.name}.` });
  return rules;
}

const MODE_ORDER: Record<SendMode, number> = { promptUser: 0, softBlock: 1 };

/** The dialog text: one sentence per finding, cut to Outlook's limit with how many are left out. */
export function alertMessage(findings: readonly GuardFinding[]): string {
  const sentences = [...new Set(findings.map((f) => f.sentence))];
  let message = '';
  for (let i = 0; i < sentences.length; i++) {
    const next = message === '' ? sentences[i]! : `${message}\n${sentences[i]!}`;
    const rest = sentences.length - i - 1;
    const tail = rest > 0 ? `\n…and ${rest} more.` : '';
    if ((next + tail).length > ALERT_MESSAGE_LIMIT) {
      const left = sentences.length - i;
      return `${message}\n…and ${left} more.`.slice(0, ALERT_MESSAGE_LIMIT);
    }
    message = next;
  }
  return message;
}

/**
 * The decision for one outgoing mail. Only an active strategy binds the force; a recipient reached
 * through their advocate is what the strategy asks for. A reply or forward is judged on who it
 * goes to, like a new mail: a reply to the person is a response, a forward to a colleague is not
 * contact with them.
 */
export function decideSend(
  index: StrategyIndex,
  mail: OutgoingMail,
  sender: Sender,
  settings: SendGuardSettings = DEFAULT_SEND_GUARD,
): SendDecision {
  const from = normaliseAddress(sender.address) ?? sender.address.trim().toLowerCase();
  const findings: GuardFinding[] = [];
  const exempted: GuardFinding[] = [];
  const seen = new Set<string>();
  for (const recipient of [...mail.to, ...mail.cc, ...mail.bcc]) {
    const address = normaliseAddress(typeof recipient?.address === 'string' ? recipient.address : '');
    if (address === null || address === from) continue;
    for (const match of matchExact(index, address)) {
      if (match.via !== 'sender') continue;
      const strategy = index.byId.get(match.strategyId);
      if (!strategy || strategy.status !== 'active') continue;
      for (const rule of rulesMet(strategy, from)) {
        const key = `${strategy.id}\n${rule.kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const finding: GuardFinding = {
          kind: rule.kind,
          strategyId: strategy.id,
          personName: strategy.personName,
          recipient: address,
          sentence: rule.sentence,
        };
        if (sender.isSupervisor && settings.supervisorsMayWrite.includes(rule.kind)) exempted.push(finding);
        else findings.push(finding);
      }
    }
  }
  if (findings.length === 0) return { kind: 'allow', exempted };
  const mode = findings
    .map((f) => settings.modes[f.kind])
    .reduce<SendMode>((a, b) => (MODE_ORDER[b] > MODE_ORDER[a] ? b : a), 'promptUser');
  return { kind: 'alert', findings, exempted, mode, message: alertMessage(findings) };
}

// ---- Settings ------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `sendGuard` setting: `{"modes": {"channel": "softBlock", …}, "supervisorsMayWrite": [kinds]}`.
 * Either part may be left out (defaults); anything else is refused with a sentence saying what.
 */
export function parseSendGuardSettings(raw: unknown): Parsed<SendGuardSettings> {
  if (!isRecord(raw)) return { ok: false, error: 'sendGuard must be an object' };
  for (const key of Object.keys(raw))
    if (key !== 'modes' && key !== 'supervisorsMayWrite')
      return {
        ok: false,
        error: `sendGuard: unknown field ${JSON.stringify(key)} (known: modes, supervisorsMayWrite)`,
      };
  const modes = { ...DEFAULT_SEND_GUARD.modes };
  if (raw['modes'] !== undefined) {
    if (!isRecord(raw['modes'])) return { ok: false, error: 'sendGuard.modes must be an object' };
    for (const [kind, mode] of Object.entries(raw['modes'])) {
      if (!isOneOf(GUARD_KINDS, kind))
        return {
          ok: false,
          error: `sendGuard.modes: unknown kind ${JSON.stringify(kind)} (known: ${GUARD_KINDS.join(', ')})`,
        };
      if (!isOneOf(SEND_MODES, mode))
        return { ok: false, error: `sendGuard.modes.${kind} must be ${SEND_MODES.join(' or ')}` };
      modes[kind] = mode;
    }
  }
  let supervisorsMayWrite = [...DEFAULT_SEND_GUARD.supervisorsMayWrite];
  const may = raw['supervisorsMayWrite'];
  if (may !== undefined) {
    if (!Array.isArray(may) || !may.every((k) => isOneOf(GUARD_KINDS, k)))
      return {
        ok: false,
        error: `sendGuard.supervisorsMayWrite must list kinds from ${GUARD_KINDS.join(', ')}`,
      };
    supervisorsMayWrite = [...new Set(may)];
  }
  return { ok: true, value: { modes, supervisorsMayWrite } };
}
