// The selected item: load it from Outlook, show its verdict, and evaluate it again when the
// strategies or its history change. The verdict is evaluated synchronously from the in-memory
// snapshot and index; the only request on the switch path is the person's history (contact
// limits and repeats), answered from a warm per-person cache when possible, otherwise shown as
// "checking…" and filled in when it arrives. Every async answer carries the item token it was
// asked for, so a slow answer for an earlier item is dropped rather than rendered on this one.
import { answer as answerGate, confirmOpened, readingFinished, startGate } from '../../core/gate';
import { bodyWasRead, classifyBody } from '../../core/readability';
import type { AttachmentListing } from '../../office/attachments';
import { readCounts } from '../../reading/types';
import { normaliseAddress } from '../../core/address';
import type { BodyFacts } from '../../core/body-facts';
import { isLongBody } from '../../reading/long-body';
import { evaluate } from '../../core/evaluate';
import { historyWindow, type HistoryWindow } from '../../core/history-window';
import { logKey, normaliseMessageId, sha256Hex } from '../../core/log';
import { messageStatus, statusSentences } from '../../core/message-status';
import { matchExact } from '../../core/match';
import type { Evaluation, HistoryEntry, ReadQuestion, Strategy, StrategyMatch } from '../../core/types';
import type { CurrentMessage } from '../../office/types';
import { configFrom, fingerprintKeyFrom } from './config';
import { describeError } from './errors';
import { HistoryCache } from './history-cache';
import { warmMail } from './mail-warmup';
import type { ControllerOptions, TriageServices } from './services';
import type { Library, PaneStore } from './store';
import type { ReadyState, ShownItem } from './types';

export class SelectedItem {
  private readonly history: HistoryCache;
  private readonly now: () => Date;
  /** A long body's reading from the worker, for the message (and terms) it was made from. */
  private longBody: { message: CurrentMessage; terms: unknown; facts: BodyFacts } | null = null;

  constructor(
    private readonly store: PaneStore,
    private readonly services: TriageServices,
    options: ControllerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.history = new HistoryCache({
      fetch: (addresses, since) => services.contactLog.history(addresses, since),
      ttlMs: options.historyTtlMs ?? 5 * 60_000,
      now: () => this.now().getTime(),
    });
  }

  /** Shows the selected item. Anything still on its way for an earlier item is dropped. */
  async load(): Promise<void> {
    if (!this.store.ready()) return;
    const token = this.store.nextItem();
    this.store.patchReady({ item: { kind: 'loading' } });
    let message: CurrentMessage | null;
    try {
      message = await this.services.host.currentMessage();
    } catch (err) {
      if (this.store.isCurrent(token))
        this.store.patchReady({
          item: {
            kind: 'error',
            message: `Outlook did not give the pane this message (${describeError(err)}). Select it again.`,
          },
        });
      return;
    }
    if (!this.store.isCurrent(token)) return;
    if (!message) {
      this.store.patchReady({ item: { kind: 'none' }, announcement: 'No message selected.' });
      return;
    }
    const longBody = await this.readLongBody(message);
    if (!this.store.isCurrent(token)) return;
    this.longBody = longBody;
    try {
      this.show(token, message);
    } catch (err) {
      // Called unawaited from ItemChanged: a throw here would leave the spinner up for good.
      this.store.patchReady({
        item: {
          kind: 'error',
          message: `The pane could not check this message (${describeError(err)}). Read it in Outlook as usual.`,
        },
      });
    }
  }

  /**
   * A long body is read in the reading worker while the pane says "Reading the message…", so the
   * main thread never walks it. If the worker fails, evaluate reads it in place: slower, never wrong.
   */
  private async readLongBody(message: CurrentMessage): Promise<SelectedItem['longBody']> {
    const reader = this.services.bodyReader;
    const ready = this.store.ready();
    if (!reader || !ready || !isLongBody(message.body)) return null;
    const terms = configFrom(ready.settings).terms;
    const subject = typeof message.subject === 'string' ? message.subject : '';
    try {
      return {
        message,
        terms,
        facts: await reader.readBody(subject, message.body, terms, ready.settings.repeatKey),
      };
    } catch {
      return null;
    }
  }

  /** Re-runs core on the shown item (new snapshot), keeping the handler's answers. */
  reevaluate(announcement: string): void {
    const item = this.store.shown();
    const ready = this.store.ready();
    const library = this.store.library();
    if (!item || !ready || !library || item.record.kind !== 'idle') return;
    const entries = item.history.kind === 'done' ? item.history.entries : [];
    const evaluation = this.evaluate(library, ready, item.message, entries);
    this.store.patchItem(
      this.store.currentItem(),
      { evaluation, strategies: strategiesFor(library, evaluation) },
      announcement,
    );
  }

  answer(question: ReadQuestion, value: boolean): void {
    const item = this.store.shown();
    if (!item || item.record.kind === 'recorded' || item.record.kind === 'saving') return;
    this.claim(item);
    const ready = this.store.ready();
    if (ready) warmMail(this.services, item, ready.settings, value);
    this.store.patchItem(this.store.currentItem(), { gate: answerGate(item.gate, question, value) });
  }

  /** Messages this pane has claimed: one claim per message per pane is enough. */
  private readonly claimed = new Set<string>();

  /**
   * The first answer starts the read: a light claim row tells colleagues' panes "being read by
   * …". One request, not awaited; a claim that fails costs nothing but the notice.
   */
  private claim(item: ShownItem): void {
    const messageKey = logKey(item.message);
    if (this.claimed.has(messageKey)) return;
    this.claimed.add(messageKey);
    const user = this.services.host.user();
    const at = this.now().toISOString();
    void this.services.contactLog
      .claim({
        key: sha256Hex(`claim:${messageKey}\n${user.emailAddress.toLowerCase()}\n${at}`).slice(0, 32),
        messageKey,
        reader: user.emailAddress,
        ...(user.displayName ? { readerName: user.displayName } : {}),
        at,
      })
      .catch(() => this.claimed.delete(messageKey));
  }

  /** Reads who else decided on or is reading this message (one request on open). */
  private async fetchTriage(token: number, message: CurrentMessage): Promise<void> {
    try {
      const rows = await this.services.contactLog.forMessage(logKey(message));
      const ready = this.store.ready();
      if (!this.store.shownFor(token) || !ready) return;
      const now = this.now();
      const status = messageStatus(rows, this.services.host.user().emailAddress, now);
      const sentences = statusSentences(status, now, ready.settings.timeZone);
      this.store.patchItem(
        token,
        { triage: { kind: 'known', status, sentences } },
        sentences.length ? sentences.join(' ') : undefined,
      );
    } catch (err) {
      this.store.patchItem(token, { triage: { kind: 'failed', message: describeError(err) } });
    }
  }

  /** "I have opened every attachment" (and the message, when its body could not be read). */
  confirmOpened(opened: boolean): void {
    const item = this.store.shown();
    if (!item || item.record.kind === 'recorded' || item.record.kind === 'saving') return;
    if (item.gate.open.kind !== 'open-required') return;
    this.store.patchItem(this.store.currentItem(), { gate: confirmOpened(item.gate, opened) });
  }

  setForward(forward: boolean): void {
    this.store.patchItem(this.store.currentItem(), { forward });
  }

  /** A decision this pane just logged counts at once for the person's next message. */
  remember(item: ShownItem): void {
    const ready = this.store.ready();
    const library = this.store.library();
    if (!ready || !library) return;
    const window = this.windowFor(library, ready, item.evaluation.matches);
    if (window)
      this.history.remember(window.addresses, {
        internetMessageId: item.message.internetMessageId,
        receivedDateTime: item.message.receivedDateTime,
        from: item.message.from,
        fingerprint: item.evaluation.fingerprint,
      });
  }

  private show(token: number, message: CurrentMessage): void {
    const ready = this.store.ready();
    const library = this.store.library();
    if (!ready || !library) return;
    // Whose history is needed follows from the exact matches alone (a hash lookup), so a warm
    // history is found before the one full evaluation: the body is scanned once, not twice.
    const from = typeof message.from?.address === 'string' ? message.from.address : '';
    const window = this.windowFor(library, ready, matchExact(library.index, normaliseAddress(from)));
    const warm = window ? this.history.peek(window.addresses, window.since) : null;
    const evaluation = this.evaluate(library, ready, message, warm ?? []);
    let history: ShownItem['history'] = { kind: 'not-needed' };
    if (warm) history = { kind: 'done', entries: warm };
    else if (window) {
      history = { kind: 'checking' };
      void this.fetchHistory(token, window);
    }
    const listing = this.listAttachments();
    const listed = listing?.attachments ?? [];
    const body = classifyBody({
      ...(listing?.itemClass ? { itemClass: listing.itemClass } : {}),
      subject: message.subject,
      body: message.body,
      attachments: listed,
    });
    const bodyUnread = !bodyWasRead(body);
    // Nothing can be recorded until the attachments are read (or reading failed and said so).
    let gate: ShownItem['gate'] = startGate({ kind: 'reading' });
    if (listed.length === 0) gate = readingFinished(gate, { attachments: 0, attachmentsRead: 0, bodyUnread });
    const item: ShownItem = {
      kind: 'shown',
      message,
      evaluation,
      strategies: strategiesFor(library, evaluation),
      history,
      gate,
      body,
      attachments: listed.length > 0 ? { kind: 'reading', listed } : { kind: 'none' },
      forward: true,
      record: { kind: 'idle' },
      triage: { kind: 'checking' },
    };
    this.store.patchReady({ item, announcement: verdictSentence(item) });
    void this.fetchTriage(token, message);
    if (listing && listed.length > 0) {
      // The message's ids, for a Graph fallback where Office.js cannot give an attachment.
      const where = {
        ...listing,
        restId: message.restId,
        ...(message.mailboxOwner ? { mailboxOwner: message.mailboxOwner } : {}),
      };
      void this.readAttachments(token, where, bodyUnread);
    }
  }

  private listAttachments(): AttachmentListing | null {
    try {
      return this.services.attachments?.list() ?? null;
    } catch {
      return null;
    }
  }

  /** After the verdict is on screen: extraction and scanning run in the reading worker. */
  private async readAttachments(
    token: number,
    listing: AttachmentListing,
    bodyUnread: boolean,
  ): Promise<void> {
    const service = this.services.attachments;
    const ready = this.store.ready();
    if (!service || !ready) return;
    const terms = configFrom(ready.settings).terms;
    let patch: Partial<ShownItem>;
    let counts: { total: number; read: number };
    let announcement: string;
    try {
      const readings = await service.read(listing, terms);
      counts = readCounts(readings);
      patch = { attachments: { kind: 'done', readings } };
      announcement =
        counts.read === counts.total
          ? `Attachments read: ${counts.total}.`
          : `Attachments: ${counts.total - counts.read} not read by the add-in; open them.`;
    } catch (err) {
      counts = { total: listing.attachments.length, read: 0 };
      patch = { attachments: { kind: 'failed', listed: listing.attachments, message: describeError(err) } };
      announcement = 'The attachments could not be read by the add-in; open them.';
    }
    const item = this.store.shownFor(token);
    if (!item) return;
    const gate = readingFinished(item.gate, {
      attachments: counts.total,
      attachmentsRead: counts.read,
      bodyUnread,
    });
    this.store.patchItem(token, { ...patch, gate }, announcement);
  }

  private async fetchHistory(token: number, window: HistoryWindow): Promise<void> {
    try {
      const entries = await this.history.get(window.addresses, window.since);
      const item = this.store.shownFor(token);
      const ready = this.store.ready();
      const library = this.store.library();
      if (!item || !ready || !library) return;
      const evaluation = this.evaluate(library, ready, item.message, entries);
      this.store.patchItem(token, {
        evaluation,
        strategies: strategiesFor(library, evaluation),
        history: { kind: 'done', entries },
      });
    } catch (err) {
      this.store.patchItem(
        token,
        { history: { kind: 'failed', message: describeError(err) } },
        'Earlier contacts could not be checked.',
      );
    }
  }

  private evaluate(
    library: Library,
    ready: ReadyState,
    message: CurrentMessage,
    history: readonly HistoryEntry[],
  ): Evaluation {
    // The contact log may already hold this very message (another pane, or an earlier read).
    const own = normaliseMessageId(message.internetMessageId);
    const config = configFrom(ready.settings);
    const key = fingerprintKeyFrom(ready.settings);
    const long = this.longBody;
    const bodyFacts =
      long && long.message === message && long.terms === config.terms ? long.facts : undefined;
    return evaluate({
      ...(bodyFacts ? { bodyFacts } : {}),
      strategies: library.snapshot.strategies,
      index: library.index,
      message,
      history: own ? history.filter((h) => normaliseMessageId(h.internetMessageId) !== own) : [...history],
      config,
      ...(key ? { fingerprintKey: key } : {}),
      now: this.now(),
    });
  }

  private windowFor(
    library: Library,
    ready: ReadyState,
    matches: readonly StrategyMatch[],
  ): HistoryWindow | null {
    const matched = matches.flatMap((m) => library.index.byId.get(m.strategyId) ?? []);
    return historyWindow(matched, ready.settings.reviewMaxDays, this.now());
  }
}

/** The strategies the verdict refers to (matched and resembled), by id. */
function strategiesFor(library: Library, evaluation: Evaluation): ReadonlyMap<string, Strategy> {
  const byId = library.index.byId;
  const ids = [
    ...evaluation.matches.map((m) => m.strategyId),
    ...evaluation.evasions.map((e) => e.strategyId),
  ];
  return new Map(
    ids.flatMap((id) => {
      const strategy = byId.get(id);
      return strategy ? [[id, strategy] as const] : [];
    }),
  );
}

function verdictSentence(item: ShownItem): string {
  const { matches, evasions } = item.evaluation;
  if (matches.length) {
    const names = [
      ...new Set(matches.map((m) => item.strategies.get(m.strategyId)?.personName ?? m.strategyId)),
    ];
    return `Under a contact strategy: ${names.join(', ')}. Read before filing.`;
  }
  if (evasions.length) return 'Possible evasion: the sender resembles a person under a contact strategy.';
  return 'No contact strategy for this sender. Read before filing.';
}
