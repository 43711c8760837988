// Public shapes of the local Graph emulator: options, seed, faults and the read access tests get.
// Other areas (src/graph contract tests, the sandbox) code against these names: keep them stable.
import type { SeedAttachment } from './mail/attachments';

/** One user known to the emulator; `Bearer dev:<upn>` authenticates as this user. */
export interface SeedUser {
  upn: string;
  displayName?: string;
  /** Supervisors may write lists whose `writers` is "supervisors". */
  supervisor?: boolean;
  /**
   * An app-only token (client credentials) with application mail permissions: it reaches every
   * mailbox as its owner, as Exchange allows unless an application access policy narrows it
   * (https://learn.microsoft.com/graph/auth-limit-mailbox-access). It has no mailbox itself.
   */
  app?: boolean;
}

export interface SeedColumn {
  /** Internal name used in `fields` and `$filter`. Derived from displayName (spaces → `_x0020_`) if absent. */
  name?: string;
  displayName?: string;
  description?: string;
  indexed?: boolean;
  required?: boolean;
  /** Unique values (SharePoint needs the column indexed first). */
  enforceUniqueValues?: boolean;
  hidden?: boolean;
  /** Exactly one type facet, as Graph's columnDefinition. Absent: text. */
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  /**
   * `displayAs: "checkBoxes"` is a multi-choice column: seeds only (a list made in the SharePoint
   * UI); Graph v1.0 cannot create one.
   */
  choice?: {
    choices?: string[];
    allowTextEntry?: boolean;
    displayAs?: string;
  };
  number?: Record<string, unknown>;
  boolean?: Record<string, unknown>;
  dateTime?: { displayAs?: string; format?: 'dateOnly' | 'dateTime' };
  personOrGroup?: Record<string, unknown>;
  lookup?: Record<string, unknown>;
}

export type FieldValue = string | number | boolean | string[] | null;

export interface SeedItem {
  fields: Record<string, FieldValue>;
  /** Optional fixed timestamps (ISO); default: seeding time. */
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  /** UPN recorded as author; default: first user. */
  createdBy?: string;
}

export interface SeedList {
  displayName: string;
  /** Who may create/update/delete items. Every known user may read. Default "everyone". */
  writers?: 'supervisors' | 'everyone';
  columns?: SeedColumn[];
  items?: SeedItem[];
  /** Hidden system list: absent from `GET …/lists`, reachable by id or title. */
  system?: boolean;
}

export interface SeedSite {
  hostname: string;
  /** Server-relative path, e.g. "/sites/complaints". */
  path: string;
  displayName?: string;
  lists?: SeedList[];
}

export interface EmailAddress {
  emailAddress: { name?: string; address: string };
}

export interface SeedMessage {
  /** Folder id, well-known name (inbox, sentitems, …) or display name. Default inbox. */
  folder?: string;
  internetMessageId?: string;
  subject?: string;
  from?: EmailAddress;
  sender?: EmailAddress;
  toRecipients?: EmailAddress[];
  ccRecipients?: EmailAddress[];
  bccRecipients?: EmailAddress[];
  receivedDateTime?: string;
  sentDateTime?: string;
  body?: { contentType: 'text' | 'html'; content: string };
  categories?: string[];
  isRead?: boolean;
  importance?: 'low' | 'normal' | 'high';
  conversationId?: string;
  attachments?: SeedAttachment[];
}

export interface SeedFolder {
  displayName: string;
  /** Marks (or merges into) a default folder: inbox, sentitems, drafts, deleteditems, junkemail, archive, outbox. */
  wellKnownName?: string;
  /** Parent folder: well-known name or display name. Default: the mailbox root (msgfolderroot). */
  parent?: string;
}

export interface SeedMailbox {
  upn: string;
  displayName?: string;
  /** Shared mailboxes are reached as /users/{upn}/… by their members; they have no /me. */
  shared?: boolean;
  members?: string[];
  /**
   * Members an administrator granted Send As (Add-RecipientPermission) or Send on Behalf
   * (GrantSendOnBehalfTo). Forwarding from the mailbox needs one of them; members are Full Access.
   */
  sendAs?: string[];
  sendOnBehalf?: string[];
  folders?: SeedFolder[];
  masterCategories?: { displayName: string; color?: string }[];
  messages?: SeedMessage[];
}

export interface EmulatorSeed {
  users?: SeedUser[];
  sites?: SeedSite[];
  mailboxes?: SeedMailbox[];
}

// ---------- faults ----------

export type FaultKind = 'latency' | '429' | '503' | '504' | 'drop' | 'wrongContentType' | 'emptyPage';

export interface FaultSpec {
  kind: FaultKind;
  /** Probability 0..1 that a matching request gets the fault (seeded PRNG). Default 1. */
  rate?: number;
  /** Apply to the next N matching requests only, then remove the fault. Default unlimited. */
  count?: number;
  /** Seconds for a Retry-After header (429/503/504); absent = no header. */
  retryAfter?: number;
  /** Milliseconds, for `latency`. */
  ms?: number;
  /** Only requests whose path (after /v1.0, with query) matches this regular expression. */
  path?: string;
  /** Only this HTTP method. */
  method?: string;
  /** `http`: whole HTTP requests only; `batch`: $batch sub-requests only; default both. */
  scope?: 'any' | 'http' | 'batch';
}

export interface ActiveFault extends FaultSpec {
  id: string;
  /** How many times it has fired. */
  fired: number;
}

export interface FaultController {
  add(spec: FaultSpec): string;
  remove(id: string): boolean;
  clear(): void;
  list(): ActiveFault[];
}

// ---------- options and the running emulator ----------

export interface EmulatorOptions {
  /** 0 or absent = a random free port. */
  port?: number;
  /** Default 127.0.0.1: the emulator has no real security and must stay local. */
  host?: string;
  /** Persistence folder; absent = in memory. The certificate is cached here too. */
  dataDir?: string;
  /** Seed object or path to a JSON seed. Applied only when the data dir holds no state yet. */
  seed?: EmulatorSeed | string;
  /** Include Retry-After in Access-Control-Expose-Headers (real Graph does not). Default false. */
  exposeRetryAfter?: boolean;
  /** Largest page of list items / messages served, whatever $top asks. Default 200. */
  pageCap?: number;
  faults?: FaultSpec[];
  /** Added to every request. */
  latencyMs?: number;
  /**
   * Outlook allows 4 concurrent requests per app per mailbox: with this set, a mail request
   * arriving while this many are in flight for the same mailbox gets 429 ApplicationThrottled.
   * Default: no limit. Only visible with latency (requests are otherwise answered at once).
   */
  mailboxConcurrency?: number;
  /** Delta tokens older than this expire (410). Default 7 days. */
  deltaTokenTtlMs?: number;
  /** Items above which a non-indexed filter (with the Prefer header) fails. Default 5000. */
  listViewThreshold?: number;
  /** Status for that failure. Default 503. */
  thresholdStatus?: 429 | 503;
  /** Order of $batch responses. Default "shuffled" (deterministic from randomSeed). */
  batchOrder?: 'shuffled' | 'sent';
  /** Seed for the PRNG behind fault rates and batch shuffling. Default 1. */
  randomSeed?: number;
  /** Clock, for tests of token expiry. Default Date.now. */
  now?: () => number;
  /** Where the certificate is cached when there is no dataDir. Default `.certs/emulator` in cwd. */
  certDir?: string;
}

export interface RequestLogEntry {
  /** ISO instant the request arrived. */
  time: string;
  /** `http` for a whole request, `batch-item` for a $batch sub-request, `preflight` for CORS OPTIONS. */
  kind: 'http' | 'batch-item' | 'preflight';
  method: string;
  /** Path and query as received, e.g. `/v1.0/me/messages?$top=5`. */
  path: string;
  status: number;
  /** Authenticated caller, if any. */
  upn?: string;
  /** Fault kind applied, if any. */
  fault?: FaultKind;
  durationMs: number;
}

export interface ListItemView {
  id: string;
  eTag: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields: Record<string, FieldValue>;
}

export interface MessageView {
  id: string;
  immutableId: string;
  folder: string;
  folderWellKnownName?: string;
  internetMessageId: string;
  subject: string;
  from?: EmailAddress;
  toRecipients: EmailAddress[];
  ccRecipients: EmailAddress[];
  categories: string[];
  receivedDateTime: string;
  body: { contentType: string; content: string };
}

export interface ForwardRecord {
  time: string;
  /** Mailbox that forwarded (the acting mailbox). */
  mailbox: string;
  by: string;
  originalId: string;
  originalInternetMessageId: string;
  toRecipients: EmailAddress[];
  comment: string;
  /** How the acting user sent from the mailbox: as themselves, Send As, or Send on Behalf. */
  sentAs: 'owner' | 'sendAs' | 'sendOnBehalf';
}

/** Read access to the emulator's state, for tests. Returns copies. */
export interface StoreReader {
  siteId(hostname: string, path: string): string | undefined;
  /** Items of a list by list id or title. Throws if the site or list is unknown. */
  listItems(siteId: string, list: string): ListItemView[];
  /** Messages of a mailbox (all folders). */
  messages(upn: string): MessageView[];
  masterCategories(upn: string): { displayName: string; color: string }[];
  folders(
    upn: string,
  ): { id: string; displayName: string; parentId: string | null; wellKnownName?: string }[];
  forwards(): ForwardRecord[];
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
}

export interface RunningEmulator {
  /** `https://127.0.0.1:PORT`; the Graph base is `${url}/v1.0`. */
  url: string;
  port: number;
  /** PEM of the self-signed certificate, for clients to trust. */
  ca: string;
  faults: FaultController;
  store: StoreReader;
  setExposeRetryAfter(on: boolean): void;
  /** Expire every delta token issued so far (next use → 410). */
  expireDeltaTokens(): void;
  /** A message arrives in a mailbox folder (default inbox); returns its REST and immutable ids. */
  deliver(upn: string, message: SeedMessage): { id: string; immutableId: string };
  /** Set who may write a list (as a site owner would in SharePoint). `site`: id or `hostname:/path`. */
  setListWriters(site: string, list: string, writers: 'supervisors' | 'everyone'): void;
  /** Replace all state with this seed (or an empty state). */
  reset(seed?: EmulatorSeed | string): Promise<void>;
  /** Write pending state to disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
