// One outbox per person: on a shared workstation, user A's unsent rows (names, addresses, answers)
// must never be sent with user B's token, which would record the wrong reader. Each person in
// each tenant gets a database of their own; B's pane only counts the rows others left (to tell B
// they exist) and never opens them for sending. Rows from the single shared database of earlier
// versions are moved to their reader's own outbox when that reader next opens the pane.
import { sha256Hex } from '../core/log';
import { createOutbox, DEFAULT_DB_NAME, openOutboxDb, type Outbox, type OutboxOptions } from './outbox';

export interface Person {
  mode: string;
  /** The tenant: its SharePoint host identifies it (a UPN alone may repeat across tenants). */
  tenant: string;
  /** UPN of the signed-in person. */
  reader: string;
}

const prefix = (mode: string): string => `${DEFAULT_DB_NAME}-${mode}-`;
const norm = (s: string): string => s.trim().toLowerCase();

/**
 * The person's database name. Hashed, so the browser's list of databases names nobody; the
 * mode keeps sandbox rows out of a production log.
 */
export function outboxDbName(p: Person): string {
  return prefix(p.mode) + sha256Hex(`${norm(p.tenant)}\n${norm(p.reader)}`).slice(0, 24);
}

/** The database every person shared before outboxes were per person. */
export const legacyDbName = (mode: string): string => `${DEFAULT_DB_NAME}-${mode}`;

/** Names of the outbox databases on this computer; null where the browser cannot list them. */
async function databaseNames(factory: IDBFactory): Promise<string[] | null> {
  if (typeof factory.databases !== 'function') return null;
  try {
    return (await factory.databases()).map((d) => d.name ?? '').filter((n) => n !== '');
  } catch {
    return null;
  }
}

/**
 * Moves this person's rows from the shared database of earlier versions into their own, and
 * returns how many rows of other people it still holds. A moved row keeps its attempts and is
 * marked as leased before, so it is looked up before it is sent (it may have reached the log).
 */
async function adoptLegacyRows(legacy: string, own: string, reader: string): Promise<number> {
  const from = await openOutboxDb(legacy);
  const to = await openOutboxDb(own);
  try {
    const rows = await from.getAll('rows');
    const mine = rows.filter((r) => norm(r.record.reader) === norm(reader));
    if (mine.length) {
      const tx = to.transaction('rows', 'readwrite');
      for (const r of mine)
        if (!(await tx.store.get(r.key))) await tx.store.put({ ...r, leaseUntil: 0, leaseOwner: 'adopted' });
      await tx.done;
      const del = from.transaction('rows', 'readwrite');
      for (const r of mine) await del.store.delete(r.key);
      await del.done;
    }
    return rows.length - mine.length;
  } finally {
    from.close();
    to.close();
  }
}

/** Rows waiting in other people's outboxes on this computer; counted, never read for sending. */
async function countOthers(names: readonly string[], own: string, mode: string): Promise<number> {
  let total = 0;
  for (const name of names) {
    if (name === own || !name.startsWith(prefix(mode))) continue;
    const db = await openOutboxDb(name);
    try {
      total += await db.count('rows');
    } finally {
      db.close();
    }
  }
  return total;
}

/** Opens the signed-in person's own outbox, after taking over their rows from the shared one. */
export async function createPersonalOutbox(
  person: Person,
  options: Omit<OutboxOptions, 'dbName' | 'reader' | 'othersElsewhere'>,
  factory: IDBFactory = indexedDB,
): Promise<Outbox> {
  const own = outboxDbName(person);
  const names = await databaseNames(factory);
  const legacy = legacyDbName(person.mode);
  // Where the browser cannot list databases, the shared one is opened anyway (an empty one
  // costs nothing) so that nobody's rows are left behind in it.
  const legacyOthers =
    names === null || names.includes(legacy) ? await adoptLegacyRows(legacy, own, person.reader) : 0;
  const others = names === null ? 0 : await countOthers(names, own, person.mode);
  return createOutbox({
    ...options,
    dbName: own,
    reader: person.reader,
    othersElsewhere: legacyOthers + others,
  });
}
