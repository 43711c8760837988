// Turns a seed (object or JSON file) into the emulator's state, with messages that name the
// seed path of anything wrong (e.g. `sites[0].lists[1].items[3].fields.Status`).
import { newAttachment } from './mail/attachments';
import { readFileSync } from 'node:fs';
import { GraphHttpError } from './errors';
import { hashGuid, newFolderId, newGuid, newImmutableId, newRestId, siteIdFor } from './ids';
import { checkBody } from './schema/strict';
import { addColumn, builtInColumns, columnFromDefinition } from './sharepoint/columns';
import { applyFieldWrite, validateFieldWrite } from './sharepoint/fields';
import {
  type FolderRec,
  type ItemRec,
  type ListRec,
  type MailboxRec,
  type MessageRec,
  type SiteRec,
  type State,
  type UserRec,
  sameUpn,
} from './state';
import type { EmulatorSeed, SeedList, SeedMailbox, SeedMessage, SeedSite } from './types';

export class SeedError extends Error {}

export function readSeed(seed: EmulatorSeed | string | undefined): EmulatorSeed {
  if (seed === undefined) return {};
  if (typeof seed !== 'string') return seed;
  let text: string;
  try {
    text = readFileSync(seed, 'utf8');
  } catch (e) {
    throw new SeedError(`Cannot read seed file ${seed}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as EmulatorSeed;
  } catch (e) {
    throw new SeedError(`Seed file ${seed} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Default folders of every mailbox, under the hidden root. */
const DEFAULT_FOLDERS: { displayName: string; wellKnownName: string }[] = [
  { displayName: 'Inbox', wellKnownName: 'inbox' },
  { displayName: 'Drafts', wellKnownName: 'drafts' },
  { displayName: 'Sent Items', wellKnownName: 'sentitems' },
  { displayName: 'Deleted Items', wellKnownName: 'deleteditems' },
  { displayName: 'Junk Email', wellKnownName: 'junkemail' },
  { displayName: 'Archive', wellKnownName: 'archive' },
  { displayName: 'Outbox', wellKnownName: 'outbox' },
  { displayName: 'Conversation History', wellKnownName: 'conversationhistory' },
];

export const WELL_KNOWN_ROOT = 'msgfolderroot';

function fail(where: string, message: string): never {
  throw new SeedError(`seed ${where}: ${message}`);
}

function isoOr(value: string | undefined, fallback: string, where: string): string {
  if (value === undefined) return fallback;
  const t = Date.parse(value);
  if (Number.isNaN(t)) fail(where, `'${value}' is not an ISO-8601 date-time`);
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

export function emptyMailbox(
  upn: string,
  displayName: string,
  shared: boolean,
  members: string[],
): MailboxRec {
  const root: FolderRec = {
    id: newFolderId(),
    displayName: 'Top of Information Store',
    parentId: null,
    wellKnownName: WELL_KNOWN_ROOT,
  };
  const folders: FolderRec[] = [root];
  for (const f of DEFAULT_FOLDERS)
    folders.push({
      id: newFolderId(),
      displayName: f.displayName,
      parentId: root.id,
      wellKnownName: f.wellKnownName,
    });
  return { upn, displayName, shared, members, folders, messages: [], masterCategories: [] };
}

/** Finds a folder by id, well-known name or (for seeds) display name. */
export function findFolder(mailbox: MailboxRec, ref: string, byDisplayName = false): FolderRec | undefined {
  const lower = ref.toLowerCase();
  return (
    mailbox.folders.find((f) => f.id === ref) ??
    mailbox.folders.find((f) => f.wellKnownName === lower) ??
    (byDisplayName ? mailbox.folders.find((f) => f.displayName.toLowerCase() === lower) : undefined)
  );
}

export function newMessage(input: SeedMessage, folderId: string, nowIso: string, where: string): MessageRec {
  const received = isoOr(input.receivedDateTime, nowIso, `${where}.receivedDateTime`);
  return {
    restId: newRestId(),
    immutableId: newImmutableId(),
    folderId,
    internetMessageId: input.internetMessageId ?? `<${newGuid()}@emulator.example.com>`,
    subject: input.subject ?? '',
    from: input.from,
    sender: input.sender ?? input.from,
    toRecipients: input.toRecipients ?? [],
    ccRecipients: input.ccRecipients ?? [],
    bccRecipients: input.bccRecipients ?? [],
    receivedDateTime: received,
    sentDateTime: isoOr(input.sentDateTime, received, `${where}.sentDateTime`),
    createdDateTime: received,
    lastModifiedDateTime: received,
    body: input.body ?? { contentType: 'text', content: '' },
    categories: [...(input.categories ?? [])],
    isRead: input.isRead ?? false,
    importance: input.importance ?? 'normal',
    conversationId: input.conversationId ?? `AAQkAD${hashGuid(input.subject ?? newGuid()).replace(/-/g, '')}`,
    changeKey: 1,
    flag: { flagStatus: 'notFlagged' },
    ...(input.attachments ? { attachments: input.attachments.map((a) => newAttachment(a, received)) } : {}),
  };
}

function buildList(
  site: SiteRec,
  seed: SeedList,
  users: UserRec[],
  nowIso: string,
  seq: { n: number },
  where: string,
): ListRec {
  if (typeof seed.displayName !== 'string' || seed.displayName.trim() === '')
    fail(where, 'a list needs a displayName');
  if (seed.writers !== undefined && seed.writers !== 'supervisors' && seed.writers !== 'everyone')
    fail(`${where}.writers`, `must be "supervisors" or "everyone", not ${JSON.stringify(seed.writers)}`);
  const listKey = `${site.id}:${seed.displayName.toLowerCase()}`;
  const list: ListRec = {
    id: hashGuid(`list:${listKey}`),
    displayName: seed.displayName,
    name: seed.displayName,
    system: seed.system === true,
    writers: seed.writers ?? 'everyone',
    createdDateTime: nowIso,
    lastModifiedDateTime: nowIso,
    columns: builtInColumns(),
    items: [],
    nextId: 1,
    tombstones: [],
  };
  (seed.columns ?? []).forEach((c, i) => {
    const at = `${where}.columns[${i}]`;
    try {
      checkBody(c, 'ColumnDefinition');
      addColumn(list.columns, columnFromDefinition(c, listKey, at, 'seed'), 'seed');
    } catch (e) {
      fail(at, (e as Error).message);
    }
  });
  (seed.items ?? []).forEach((it, i) => {
    const at = `${where}.items[${i}]`;
    if (typeof it !== 'object' || it === null || typeof it.fields !== 'object')
      fail(at, 'an item needs a "fields" object');
    const author = it.createdBy ?? users[0]?.upn ?? 'system';
    const created = isoOr(it.createdDateTime, nowIso, `${at}.createdDateTime`);
    const item: ItemRec = {
      id: String(list.nextId++),
      guid: newGuid(),
      version: 1,
      seq: ++seq.n,
      createdDateTime: created,
      lastModifiedDateTime: isoOr(it.lastModifiedDateTime, created, `${at}.lastModifiedDateTime`),
      createdBy: author,
      modifiedBy: author,
      fields: {},
    };
    try {
      applyFieldWrite(item, validateFieldWrite(list, it.fields, false));
    } catch (e) {
      fail(`${at}.fields`, e instanceof GraphHttpError ? e.message : String(e));
    }
    list.items.push(item);
  });
  return list;
}

function buildSite(
  seed: SeedSite,
  users: UserRec[],
  nowIso: string,
  seq: { n: number },
  where: string,
): SiteRec {
  if (typeof seed.hostname !== 'string' || !/^[a-z0-9.-]+$/i.test(seed.hostname))
    fail(`${where}.hostname`, 'a hostname is required');
  if (typeof seed.path !== 'string' || !seed.path.startsWith('/'))
    fail(`${where}.path`, 'a server-relative path starting with "/" is required');
  const site: SiteRec = {
    id: siteIdFor(seed.hostname, seed.path),
    hostname: seed.hostname.toLowerCase(),
    path: seed.path.replace(/\/+$/, '') || '/',
    displayName: seed.displayName ?? seed.path.split('/').filter(Boolean).pop() ?? seed.hostname,
    createdDateTime: nowIso,
    lists: [],
  };
  const lists = [...(seed.lists ?? [])];
  if (!lists.some((l) => l.displayName === 'User Information List'))
    lists.push({ displayName: 'User Information List', system: true, writers: 'supervisors' });
  lists.forEach((l, i) => {
    const list = buildList(site, l, users, nowIso, seq, `${where}.lists[${i}]`);
    if (site.lists.some((x) => x.displayName.toLowerCase() === list.displayName.toLowerCase()))
      fail(`${where}.lists[${i}]`, `a list named '${list.displayName}' already exists`);
    site.lists.push(list);
  });
  return site;
}

function buildMailbox(seed: SeedMailbox, state: State, nowIso: string, where: string): void {
  if (typeof seed.upn !== 'string' || !seed.upn.includes('@')) fail(`${where}.upn`, 'a mailbox needs a upn');
  const shared = seed.shared === true;
  let mailbox = state.mailboxes.find((m) => sameUpn(m.upn, seed.upn));
  if (mailbox && shared) fail(where, `${seed.upn} is a user; a shared mailbox needs its own address`);
  if (!mailbox) {
    if (!shared) fail(where, `${seed.upn} is not a seeded user; add it to "users" or set "shared": true`);
    mailbox = emptyMailbox(seed.upn, seed.displayName ?? seed.upn, true, []);
    state.mailboxes.push(mailbox);
  }
  const box = mailbox;
  if (seed.displayName) box.displayName = seed.displayName;
  (seed.members ?? []).forEach((m, i) => {
    if (!state.users.some((u) => sameUpn(u.upn, m)))
      fail(`${where}.members[${i}]`, `${m} is not a seeded user`);
    box.members.push(m);
  });
  for (const right of ['sendAs', 'sendOnBehalf'] as const) {
    (seed[right] ?? []).forEach((m, i) => {
      if (!box.members.some((x) => sameUpn(x, m)))
        fail(`${where}.${right}[${i}]`, `${m} is not a member (Full Access) of ${box.upn}`);
      box[right] = [...(box[right] ?? []), m];
    });
  }
  (seed.folders ?? []).forEach((f, i) => {
    const at = `${where}.folders[${i}]`;
    if (typeof f.displayName !== 'string' || f.displayName.trim() === '')
      fail(at, 'a folder needs a displayName');
    const known = f.wellKnownName
      ? box.folders.find((x) => x.wellKnownName === f.wellKnownName?.toLowerCase())
      : undefined;
    if (known) {
      known.displayName = f.displayName;
      return;
    }
    const parent = findFolder(box, f.parent ?? WELL_KNOWN_ROOT, true);
    if (!parent) fail(`${at}.parent`, `no folder '${f.parent}' (list parents before children)`);
    if (
      box.folders.some(
        (x) => x.parentId === parent.id && x.displayName.toLowerCase() === f.displayName.toLowerCase(),
      )
    )
      fail(at, `folder '${f.displayName}' already exists under '${parent.displayName}'`);
    box.folders.push({
      id: newFolderId(),
      displayName: f.displayName,
      parentId: parent.id,
      wellKnownName: f.wellKnownName?.toLowerCase(),
    });
  });
  (seed.masterCategories ?? []).forEach((c, i) => {
    const at = `${where}.masterCategories[${i}]`;
    if (typeof c.displayName !== 'string' || c.displayName.trim() === '')
      fail(at, 'a category needs a displayName');
    if (box.masterCategories.some((x) => x.displayName.toLowerCase() === c.displayName.toLowerCase()))
      fail(at, `category '${c.displayName}' is listed twice`);
    box.masterCategories.push({ id: newGuid(), displayName: c.displayName, color: c.color ?? 'none' });
  });
  (seed.messages ?? []).forEach((m, i) => {
    const at = `${where}.messages[${i}]`;
    const folder = findFolder(box, m.folder ?? 'inbox', true);
    if (!folder) fail(`${at}.folder`, `no folder '${m.folder}' in ${box.upn}`);
    box.messages.push(newMessage(m, folder.id, nowIso, at));
  });
}

export function stateFromSeed(seedInput: EmulatorSeed, nowIso: string): State {
  const seed = seedInput ?? {};
  if (typeof seed !== 'object' || Array.isArray(seed)) throw new SeedError('seed: must be a JSON object');
  const state: State = {
    version: 1,
    seq: 0,
    deltaEpoch: 1,
    users: [],
    sites: [],
    mailboxes: [],
    forwards: [],
  };
  (seed.users ?? []).forEach((u, i) => {
    const at = `users[${i}]`;
    if (typeof u.upn !== 'string' || !u.upn.includes('@'))
      fail(`${at}.upn`, 'a user needs a upn like name@domain');
    if (state.users.some((x) => sameUpn(x.upn, u.upn))) fail(at, `${u.upn} is listed twice`);
    state.users.push({
      upn: u.upn,
      displayName: u.displayName ?? u.upn,
      supervisor: u.supervisor === true,
      ...(u.app === true ? { app: true } : {}),
      id: hashGuid(`user:${u.upn.toLowerCase()}`),
      lookupId: i + 7,
    });
    if (u.app !== true) state.mailboxes.push(emptyMailbox(u.upn, u.displayName ?? u.upn, false, []));
  });
  const seq = { n: 0 };
  (seed.sites ?? []).forEach((s, i) => {
    const site = buildSite(s, state.users, nowIso, seq, `sites[${i}]`);
    if (state.sites.some((x) => x.id === site.id))
      fail(`sites[${i}]`, `site ${s.hostname}${s.path} is listed twice`);
    state.sites.push(site);
  });
  state.seq = seq.n;
  (seed.mailboxes ?? []).forEach((m, i) => buildMailbox(m, state, nowIso, `mailboxes[${i}]`));
  return state;
}
