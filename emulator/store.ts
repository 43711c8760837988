// Holds the state, persists it (debounced write-through, atomic rename, flushed on close) and
// gives tests read access.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSeed, stateFromSeed } from './seed';
import { fieldKey } from './sharepoint/columns';
import { eTagOf, fieldValue } from './sharepoint/fields';
import { type ListRec, type MailboxRec, type SiteRec, type State, type UserRec, sameUpn } from './state';
import type {
  EmulatorSeed,
  FieldValue,
  ListItemView,
  MessageView,
  RequestLogEntry,
  StoreReader,
} from './types';

const STATE_FILE = 'state.json';
const WRITE_DELAY_MS = 25;
const LOG_LIMIT = 10_000;

export class Store {
  state: State;
  private readonly log: RequestLogEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private writeError: Error | undefined;

  private constructor(
    state: State,
    private readonly dataDir: string | undefined,
    readonly now: () => number,
  ) {
    this.state = state;
  }

  /** Loads the data dir's state if there is one, else builds it from the seed (and saves it). */
  static async open(
    dataDir: string | undefined,
    seed: EmulatorSeed | string | undefined,
    now: () => number,
  ): Promise<Store> {
    const file = dataDir ? join(dataDir, STATE_FILE) : undefined;
    if (file && existsSync(file)) {
      let state: State;
      try {
        state = JSON.parse(readFileSync(file, 'utf8')) as State;
      } catch (e) {
        throw new Error(
          `Emulator state ${file} is not valid JSON (${(e as Error).message}); move it away to start afresh.`,
        );
      }
      if (state.version !== 1)
        throw new Error(`Emulator state ${file} has unknown version ${String(state.version)}.`);
      return new Store(state, dataDir, now);
    }
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const store = new Store(
      stateFromSeed(readSeed(seed), new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z')),
      dataDir,
      now,
    );
    store.changed();
    await store.flush();
    return store;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  async reset(seed: EmulatorSeed | string | undefined): Promise<void> {
    this.state = stateFromSeed(readSeed(seed), this.nowIso());
    this.changed();
    await this.flush();
  }

  /** Marks the state dirty; it reaches the disk shortly after, and always on flush(). */
  changed(): void {
    if (!this.dataDir || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, WRITE_DELAY_MS);
  }

  /** Writes pending state; rejects if a write since the last flush failed (the state stays in memory). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.write();
    }
    await this.writing;
    const failed = this.writeError;
    this.writeError = undefined;
    if (failed) throw failed;
  }

  private write(): Promise<void> {
    const dir = this.dataDir;
    if (!dir) return Promise.resolve();
    const text = JSON.stringify(this.state);
    this.writing = this.writing
      .then(async () => {
        const file = join(dir, STATE_FILE);
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, text, 'utf8');
        await rename(tmp, file);
      })
      .catch((e: unknown) => {
        // Keep serving from memory; the next change tries again and flush() reports it.
        this.writeError = new Error(`Cannot save emulator state in ${dir}: ${(e as Error).message}`);
        process.stderr.write(`emulator: ${this.writeError.message}\n`);
      });
    return this.writing;
  }

  /** The next global change sequence number (list-item delta). */
  nextSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  user(upn: string): UserRec | undefined {
    return this.state.users.find((u) => sameUpn(u.upn, upn));
  }

  mailbox(upn: string): MailboxRec | undefined {
    return this.state.mailboxes.find((m) => sameUpn(m.upn, upn));
  }

  siteById(id: string): SiteRec | undefined {
    const lower = id.toLowerCase();
    return this.state.sites.find((s) => s.id.toLowerCase() === lower);
  }

  siteByPath(hostname: string, path: string): SiteRec | undefined {
    const p = (path.replace(/\/+$/, '') || '/').toLowerCase();
    return this.state.sites.find((s) => s.hostname === hostname.toLowerCase() && s.path.toLowerCase() === p);
  }

  /** A list by id or title (case-insensitive, as SharePoint). */
  list(site: SiteRec, ref: string): ListRec | undefined {
    const lower = ref.toLowerCase();
    return (
      site.lists.find((l) => l.id.toLowerCase() === lower) ??
      site.lists.find((l) => l.displayName.toLowerCase() === lower)
    );
  }

  logRequest(entry: RequestLogEntry): void {
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  reader(): StoreReader {
    return {
      siteId: (hostname, path) => this.siteByPath(hostname, path)?.id,
      listItems: (siteId, listRef) => this.listItemViews(siteId, listRef),
      messages: (upn) => this.messageViews(upn),
      masterCategories: (upn) =>
        this.requireMailbox(upn).masterCategories.map((c) => ({
          displayName: c.displayName,
          color: c.color,
        })),
      folders: (upn) =>
        this.requireMailbox(upn).folders.map((f) => ({
          id: f.id,
          displayName: f.displayName,
          parentId: f.parentId,
          ...(f.wellKnownName ? { wellKnownName: f.wellKnownName } : {}),
        })),
      forwards: () => structuredClone(this.state.forwards),
      requestLog: () => this.log.map((e) => ({ ...e })),
      clearRequestLog: () => {
        this.log.length = 0;
      },
    };
  }

  private requireMailbox(upn: string): MailboxRec {
    const box = this.mailbox(upn);
    if (!box) throw new Error(`No mailbox ${upn} in the emulator`);
    return box;
  }

  private listItemViews(siteId: string, listRef: string): ListItemView[] {
    const site = this.siteById(siteId);
    if (!site) throw new Error(`No site ${siteId} in the emulator`);
    const list = this.list(site, listRef);
    if (!list) throw new Error(`No list ${listRef} in site ${site.path}`);
    return list.items.map((item) => {
      const fields: Record<string, FieldValue> = {};
      for (const c of list.columns) {
        const v = fieldValue(item, c, this.state.users);
        if (v !== undefined && v !== null) fields[fieldKey(c)] = Array.isArray(v) ? [...v] : v;
      }
      return {
        id: item.id,
        eTag: eTagOf(item),
        createdDateTime: item.createdDateTime,
        lastModifiedDateTime: item.lastModifiedDateTime,
        fields,
      };
    });
  }

  private messageViews(upn: string): MessageView[] {
    const box = this.requireMailbox(upn);
    return box.messages.map((m) => {
      const folder = box.folders.find((f) => f.id === m.folderId);
      return {
        id: m.restId,
        immutableId: m.immutableId,
        folder: folder?.displayName ?? '?',
        ...(folder?.wellKnownName ? { folderWellKnownName: folder.wellKnownName } : {}),
        internetMessageId: m.internetMessageId,
        subject: m.subject,
        ...(m.from ? { from: structuredClone(m.from) } : {}),
        toRecipients: structuredClone(m.toRecipients),
        ccRecipients: structuredClone(m.ccRecipients),
        categories: [...m.categories],
        receivedDateTime: m.receivedDateTime,
        body: { ...m.body },
      };
    });
  }
}
