// State changes that are not Graph calls: what tests and the sandbox do "from outside" (new mail
// arriving, a site owner changing list permissions, delta tokens expiring). Used by the
// programmatic API and by /_admin alike.
import { SeedError, findFolder, newMessage } from './seed';
import type { Store } from './store';
import type { SeedMessage } from './types';

export function expireDeltaTokens(store: Store): void {
  store.state.deltaEpoch += 1;
  store.changed();
}

/** Puts a message into a mailbox folder as if it had just arrived; returns its ids. */
export function deliverMessage(
  store: Store,
  upn: string,
  message: SeedMessage,
): { id: string; immutableId: string } {
  const box = store.mailbox(upn);
  if (!box) throw new SeedError(`No mailbox ${upn} in the emulator.`);
  if (typeof message !== 'object' || message === null) throw new SeedError('A message must be an object.');
  const folder = findFolder(box, message.folder ?? 'inbox', true);
  if (!folder) throw new SeedError(`No folder '${message.folder}' in ${box.upn}.`);
  const now = store.nowIso();
  const m = newMessage({ receivedDateTime: now, ...message }, folder.id, now, 'message');
  box.messages.push(m);
  store.changed();
  return { id: m.restId, immutableId: m.immutableId };
}

/** Who may write a list (SharePoint permissions are set outside Graph). `site` is an id or `hostname:/path`. */
export function setListWriters(
  store: Store,
  site: string,
  list: string,
  writers: 'supervisors' | 'everyone',
): void {
  if (writers !== 'supervisors' && writers !== 'everyone')
    throw new SeedError(`writers must be "supervisors" or "everyone", not ${JSON.stringify(writers)}.`);
  const colon = site.indexOf(':');
  const found =
    colon > 0 ? store.siteByPath(site.slice(0, colon), site.slice(colon + 1)) : store.siteById(site);
  if (!found) throw new SeedError(`No site ${site} in the emulator.`);
  const target = store.list(found, list);
  if (!target) throw new SeedError(`No list ${list} in ${found.path}.`);
  target.writers = writers;
  store.changed();
}
