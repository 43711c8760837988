// One message against the strategies: match the sender, run the checks for every matched
// strategy, pass evasion warnings through, scan for reading aids, fingerprint the body. The same
// function serves the taskpane (with a prebuilt index, on every item switch) and the CLI.
import { normaliseAddress } from './address';
import { madeUnder, type BodyFacts } from './body-facts';
import { checkStrategy, evasionFlags, orderFlags, type MessageFacts } from './checks';
import type { ReopenHit } from './checks/context';
import { checkEnv } from './checks/env';
import { detectReopenDemand, scanBody } from './indicators';
import { buildIndex, matchSender, type StrategyIndex } from './match';
import { extractMatterRefs } from './matter';
import { fingerprintOf, shingleText, type FingerprintKey } from './repeat';
import { parseInstant } from './time';
import type { Config, Evaluation, Flag, HistoryEntry, Mailbox, Message, Strategy } from './types';

export interface EvaluateInput {
  strategies: readonly Strategy[];
  /** A prebuilt index of the same strategies (the taskpane keeps one); built here when absent. */
  index?: StrategyIndex;
  message: Message;
  /** Earlier contacts (contact log rows or history.json) for contact limits and repeats. */
  history: readonly HistoryEntry[];
  config: Config;
  now: Date;
  /**
   * The organisation's fingerprint key (fingerprintKey(secret), made once per secret): the body's
   * fingerprint and earlier bodies are hashed under it. Absent, the public key is used, and only
   * the one-bit signature protects the log (docs/decisions/reading-aids.md).
   */
  fingerprintKey?: FingerprintKey;
  /**
   * The body already read in full elsewhere (readBodyFacts, in the pane's reading worker for a
   * long body), so it is not walked again here. A fingerprint made under another key is not used.
   */
  bodyFacts?: BodyFacts;
}

function recipientsOf(message: Message): string[] {
  const seen = new Set<string>();
  for (const box of [...(message.to ?? []), ...(message.cc ?? [])] as Mailbox[]) {
    const n = typeof box?.address === 'string' ? normaliseAddress(box.address) : null;
    if (n) seen.add(n);
  }
  return [...seen];
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * The verdict for one message. readRequired is always true: whatever the strategy, every message
 * is read (lancs 3.10). Never throws on message content; throws RangeError for an invalid `now`.
 */
export function evaluate(input: EvaluateInput): Evaluation {
  const { message, config, now } = input;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new RangeError('evaluate: `now` is not a valid date');
  const index = input.index ?? buildIndex(input.strategies);
  const body = typeof message.body === 'string' ? message.body : '';
  const subject = typeof message.subject === 'string' ? message.subject : '';
  const { matches, evasions } = matchSender(index, message.from);
  // The body's fingerprint is for the log and for repeat checks; most senders have no strategy
  // and no history, so it is computed on first use (a 100 KB body takes milliseconds).
  const bodyRead = input.bodyFacts;
  const given =
    bodyRead && madeUnder(bodyRead.fingerprint, input.fingerprintKey) ? bodyRead.fingerprint : null;
  const shingled = once(() => shingleText(body, input.fingerprintKey));
  const fp = once(() => given ?? fingerprintOf(shingled()));
  // One pass over the body for the reading aids and the reopen check together.
  const { indicators, reopen } = bodyRead?.scan ?? scanBody(body, config.terms);

  const flags: Flag[] = [];
  if (matches.length > 0) {
    const receivedAt = parseInstant(message.receivedDateTime);
    const facts: MessageFacts = {
      message,
      receivedAt,
      recipients: recipientsOf(message),
      matterRefs: once(() => bodyRead?.matterRefs ?? extractMatterRefs(`${subject}\n${body}`)),
      reopenDemand: once((): ReopenHit | null => reopen ?? detectReopenDemand(subject)),
    };
    const env = checkEnv({
      config,
      now,
      history: input.history ?? [],
      messageId: message.internetMessageId,
      receivedAt,
      fingerprint: fp,
      shingleCount: () => (given ? given.n : shingled().n),
      ...(input.fingerprintKey ? { fingerprintKey: input.fingerprintKey } : {}),
    });
    for (const m of matches) {
      const strategy = index.byId.get(m.strategyId);
      if (strategy) flags.push(...checkStrategy({ strategy, via: m.via, facts, env }));
    }
  }
  flags.push(...evasionFlags(evasions, (id) => index.byId.get(id)));

  return {
    matches,
    evasions,
    flags: orderFlags(flags),
    indicators,
    readRequired: true,
    // A getter (enumerable, as for any literal), so JSON output, spreads and copies see a field.
    get fingerprint() {
      return fp();
    },
  };
}
