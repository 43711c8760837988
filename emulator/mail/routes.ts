// /me/… and /users/{upn}/…: profile, messages, mail folders, master categories, with
// Exchange's access rules (own mailbox; shared mailboxes for their members, but never their
// master categories through delegated rights).
import { type Ctx, type EmuResponse, json } from '../context';
import { typedBody } from '../schema/strict';
import { GraphHttpError, badRequest } from '../errors';
import { newCategoryId, newFolderId } from '../ids';
import { evaluateFilter, parseRequestFilter } from '../odata/filter';
import { param } from '../odata/query';
import { WELL_KNOWN_ROOT, findFolder } from '../seed';
import { type FolderRec, type MailboxRec, sameUpn } from '../state';
import { methodNotAllowed } from '../sharepoint/routes';
import { attachmentsRoute } from './attachments';
import {
  copyMessage,
  deleteMessage,
  findMessage,
  folderRef,
  forwardMessage,
  getMessage,
  listMessages,
  moveMessage,
  pageOf,
  patchMessage,
} from './messages';

const accessDenied = (): GraphHttpError =>
  new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

interface Access {
  box: MailboxRec;
  /** Reached through a shared-mailbox membership, not as the owner. */
  delegated: boolean;
}

function resolveMailbox(ctx: Ctx, who: string | undefined): Access {
  const upn = who ?? ctx.user.upn;
  if (sameUpn(upn, ctx.user.upn)) {
    const box = ctx.store.mailbox(upn);
    if (!box) throw accessDenied();
    return { box, delegated: false };
  }
  const box = ctx.store.mailbox(upn);
  if (!box) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${upn}' is invalid.`);
  if (ctx.user.app === true) return { box, delegated: false };
  if (box.shared && box.members.some((m) => sameUpn(m, ctx.user.upn))) return { box, delegated: true };
  throw accessDenied();
}

function profile(ctx: Ctx, who: string | undefined): EmuResponse {
  const upn = who ?? ctx.user.upn;
  const user = ctx.store.user(upn);
  const box = ctx.store.mailbox(upn);
  if (!user && !box)
    throw new GraphHttpError(
      404,
      'Request_ResourceNotFound',
      `Resource '${upn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return json(200, {
    id: user?.id ?? null,
    userPrincipalName: user?.upn ?? box?.upn,
    displayName: user?.displayName ?? box?.displayName,
    mail: user?.upn ?? box?.upn,
    businessPhones: [],
    givenName: null,
    surname: null,
    jobTitle: null,
    officeLocation: null,
    preferredLanguage: 'en-GB',
  });
}

function folderJson(box: MailboxRec, f: FolderRec): Record<string, unknown> {
  const inFolder = box.messages.filter((m) => m.folderId === f.id);
  return {
    id: f.id,
    displayName: f.displayName,
    parentFolderId: f.parentId ?? f.id,
    childFolderCount: box.folders.filter((c) => c.parentId === f.id).length,
    unreadItemCount: inFolder.filter((m) => !m.isRead).length,
    totalItemCount: inFolder.length,
    isHidden: false,
  };
}

function childFolders(ctx: Ctx, box: MailboxRec, parent: FolderRec): EmuResponse {
  let rows = box.folders.filter((f) => f.parentId === parent.id).map((f) => folderJson(box, f));
  const filter = param(ctx.query, 'filter');
  if (filter) {
    const expr = parseRequestFilter(filter, 'BadRequest');
    rows = rows.filter((r) =>
      evaluateFilter(expr, { get: (p) => (p.length === 1 ? r[p[0] as string] : undefined) }),
    );
  }
  return pageOf(ctx, rows, (r) => r, 250, 10);
}

function createFolder(ctx: Ctx, box: MailboxRec, parent: FolderRec): EmuResponse {
  const body = typedBody(ctx.req, 'MailFolder');
  const name = body.displayName;
  if (typeof name !== 'string' || name.trim() === '')
    throw new GraphHttpError(400, 'ErrorInvalidParameter', 'A folder needs a displayName.');
  if (box.folders.some((f) => f.parentId === parent.id && f.displayName.toLowerCase() === name.toLowerCase()))
    throw new GraphHttpError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  const folder: FolderRec = { id: newFolderId(), displayName: name, parentId: parent.id };
  box.folders.push(folder);
  ctx.store.changed();
  return json(201, folderJson(box, folder));
}

/**
 * DELETE a folder: its subfolders and messages go with it (Exchange keeps them in Deleted Items
 * for a while; the emulator drops them). A default folder cannot be deleted.
 */
function deleteFolder(ctx: Ctx, box: MailboxRec, folder: FolderRec): EmuResponse {
  if (folder.wellKnownName)
    throw new GraphHttpError(
      400,
      'ErrorDeleteDistinguishedFolder',
      'Distinguished folders cannot be deleted.',
    );
  const gone = new Set([folder.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const f of box.folders)
      if (f.parentId && gone.has(f.parentId) && !gone.has(f.id)) {
        gone.add(f.id);
        grew = true;
      }
  }
  box.folders = box.folders.filter((f) => !gone.has(f.id));
  box.messages = box.messages.filter((m) => !gone.has(m.folderId));
  ctx.store.changed();
  return { status: 204 };
}

function messageRoute(ctx: Ctx, box: MailboxRec, parts: string[]): EmuResponse {
  const at = parts.indexOf('attachments');
  if (at > 0)
    return attachmentsRoute(ctx, findMessage(box, parts.slice(0, at).join('/')), parts.slice(at + 1));
  const action = parts.length > 1 ? parts[parts.length - 1] : undefined;
  const isAction = action === 'move' || action === 'forward' || action === 'copy';
  // Segments are rejoined: an EWS id with a raw '/' splits the path and must still be reported as malformed.
  const id = (isAction ? parts.slice(0, -1) : parts).join('/');
  const m = findMessage(box, id);
  const method = ctx.req.method;
  if (isAction) {
    if (method !== 'POST') throw methodNotAllowed();
    if (action === 'move') return moveMessage(ctx, box, m);
    if (action === 'copy') return copyMessage(ctx, box, m);
    return forwardMessage(ctx, box, m);
  }
  if (method === 'GET') return getMessage(ctx, box, m);
  if (method === 'PATCH') return patchMessage(ctx, box, m);
  if (method === 'DELETE') return deleteMessage(ctx, box, m);
  throw methodNotAllowed();
}

function folderRoute(ctx: Ctx, box: MailboxRec, folder: FolderRec, rest: string[]): EmuResponse {
  const method = ctx.req.method;
  const [a, b, ...more] = rest;
  if (a === undefined) {
    if (method === 'DELETE') return deleteFolder(ctx, box, folder);
    if (method !== 'GET') throw methodNotAllowed();
    return json(200, folderJson(box, folder));
  }
  if (a === 'childFolders') {
    if (b === undefined) {
      if (method === 'GET') return childFolders(ctx, box, folder);
      if (method === 'POST') return createFolder(ctx, box, folder);
      throw methodNotAllowed();
    }
    const child = folderRef(box, b);
    if (child.parentId !== folder.id)
      throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified folder was not found in the store.');
    return folderRoute(ctx, box, child, more);
  }
  if (a === 'messages') {
    if (b === undefined) {
      if (method !== 'GET') throw methodNotAllowed();
      return listMessages(ctx, box, folder);
    }
    return messageRoute(ctx, box, [b, ...more]);
  }
  throw badRequest(`Resource not found for the segment '${a}'.`, 'BadRequest');
}

const COLOR = /^(none|preset([0-9]|1[0-9]|2[0-4]))$/;

function masterCategories(ctx: Ctx, access: Access, rest: string[]): EmuResponse {
  // Delegated access to another mailbox's master list is refused by Exchange (contract §3).
  if (access.delegated) throw accessDenied();
  const box = access.box;
  const method = ctx.req.method;
  const [id, ...more] = rest;
  if (more.length > 0) throw badRequest(`Resource not found for the segment '${more[0]}'.`, 'BadRequest');
  if (id === undefined) {
    if (method === 'GET') return json(200, { value: box.masterCategories.map((c) => ({ ...c })) });
    if (method !== 'POST') throw methodNotAllowed();
    const body = typedBody(ctx.req, 'OutlookCategory');
    const name = body.displayName;
    const color = body.color ?? 'none';
    if (typeof name !== 'string' || name.trim() === '')
      throw new GraphHttpError(400, 'ErrorInvalidParameter', 'A category needs a displayName.');
    if (typeof color !== 'string' || !COLOR.test(color))
      throw new GraphHttpError(
        400,
        'ErrorInvalidParameter',
        `'${String(color)}' is not a category color (none, preset0 … preset24).`,
      );
    if (box.masterCategories.some((c) => c.displayName.toLowerCase() === name.toLowerCase()))
      throw new GraphHttpError(409, 'ErrorItemAlreadyExists', 'An object with the same key already exists.');
    const category = { id: newCategoryId(), displayName: name, color };
    box.masterCategories.push(category);
    ctx.store.changed();
    return json(201, { ...category });
  }
  const category = box.masterCategories.find((c) => c.id === id);
  if (!category)
    throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  if (method === 'GET') return json(200, { ...category });
  if (method === 'DELETE') {
    box.masterCategories = box.masterCategories.filter((c) => c !== category);
    ctx.store.changed();
    return { status: 204 };
  }
  if (method === 'PATCH') {
    const body = typedBody(ctx.req, 'OutlookCategory');
    if (body.displayName !== undefined && body.displayName !== category.displayName)
      throw new GraphHttpError(
        400,
        'ErrorInvalidParameter',
        'A category cannot be renamed; only its color can change.',
      );
    if (typeof body.color === 'string') {
      if (!COLOR.test(body.color))
        throw new GraphHttpError(400, 'ErrorInvalidParameter', `'${body.color}' is not a category color.`);
      category.color = body.color;
    }
    ctx.store.changed();
    return json(200, { ...category });
  }
  throw methodNotAllowed();
}

/** `who` is undefined for /me. `rest` are the segments after me/ or users/{upn}/. */
export function mailRoute(ctx: Ctx, who: string | undefined, rest: string[]): EmuResponse {
  const method = ctx.req.method;
  const [a, b, ...more] = rest;
  if (a === undefined) {
    if (method !== 'GET') throw methodNotAllowed();
    return profile(ctx, who);
  }
  const access = resolveMailbox(ctx, who);
  const box = access.box;
  if (a === 'messages') {
    if (b === undefined) {
      if (method !== 'GET') throw methodNotAllowed();
      return listMessages(ctx, box);
    }
    return messageRoute(ctx, box, [b, ...more]);
  }
  if (a === 'mailFolders') {
    const root = findFolder(box, WELL_KNOWN_ROOT);
    if (!root) throw new Error(`mailbox ${box.upn} has no root folder`);
    if (b === undefined) {
      if (method === 'GET') return childFolders(ctx, box, root);
      if (method === 'POST') return createFolder(ctx, box, root);
      throw methodNotAllowed();
    }
    return folderRoute(ctx, box, folderRef(box, b), more);
  }
  if (a === 'outlook' && b === 'masterCategories') return masterCategories(ctx, access, more);
  if (a === 'outlook') throw badRequest(`Resource not found for the segment '${b ?? ''}'.`, 'BadRequest');
  throw badRequest(`Resource not found for the segment '${a}'.`, 'BadRequest');
}
