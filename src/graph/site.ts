// Finds the SharePoint site and the add-in's lists once, lazily, and remembers them. A failed
// lookup is not remembered, so the next call tries again.
import type { GraphClient } from './client';
import { segment } from './odata';

export interface SiteLocation {
  siteHostname: string;
  /** Server-relative path, e.g. `/sites/complaints`. */
  sitePath: string;
}

export interface SiteResolver {
  siteId(): Promise<string>;
  /** `/sites/{site-id}/lists/{list-id}` for a list's display name. */
  listPath(displayName: string): Promise<string>;
}

export class ListMissingError extends Error {
  constructor(
    readonly list: string,
    site: string,
  ) {
    super(
      `The SharePoint list "${list}" does not exist on ${site}. An administrator runs: npm run provision -- --site <site url>`,
    );
    this.name = 'ListMissingError';
  }
}

interface Memo<T> {
  (): Promise<T>;
  forget(): void;
}

/** One load shared by every caller; a failure is forgotten so the next call loads again. */
function memo<T>(load: () => Promise<T>): Memo<T> {
  let pending: Promise<T> | undefined;
  const get = (): Promise<T> => {
    if (!pending) {
      const p = load();
      pending = p;
      p.catch(() => {
        if (pending === p) pending = undefined;
      });
    }
    return pending;
  };
  return Object.assign(get, { forget: () => (pending = undefined) });
}

/** `/sites/{hostname}:/{path}` with each path segment encoded (site paths may hold spaces). */
export function sitePathUrl(loc: SiteLocation): string {
  const path = loc.sitePath.split('/').filter(Boolean).map(segment).join('/');
  return `/sites/${segment(loc.siteHostname)}:/${path}`;
}

export function createSiteResolver(
  client: GraphClient,
  loc: SiteLocation,
  scopes: readonly string[],
): SiteResolver {
  const siteId = memo(async () => {
    const site = await client.request<{ id: string }>({ url: sitePathUrl(loc), scopes });
    return site.id;
  });
  const lists = memo(async () => {
    const id = await siteId();
    const byName = new Map<string, string>();
    for await (const page of client.pages<{ id: string; displayName: string }>({
      url: `/sites/${id}/lists?$select=id,displayName`,
      scopes,
    })) {
      for (const l of page.value) byName.set(l.displayName.toLowerCase(), l.id);
    }
    return { id, byName };
  });
  return {
    siteId,
    async listPath(displayName) {
      const { id, byName } = await lists();
      const listId = byName.get(displayName.toLowerCase());
      if (!listId) {
        // Maybe provisioned since we looked: look again next time.
        lists.forget();
        throw new ListMissingError(displayName, `${loc.siteHostname}${loc.sitePath}`);
      }
      return `/sites/${id}/lists/${listId}`;
    },
  };
}
