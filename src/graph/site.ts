// Where the add-in's lists are: addressed by the site's path and the list's title, so reading a
// list needs no look-up first. The site id is looked up (once, lazily; a failure is not
// remembered) only when something asks for it, e.g. to explain a 404.
import type { GraphClient } from './client';
import { isGraphError } from './errors';
import { segment } from './odata';

export interface SiteLocation {
  siteHostname: string;
  /** Server-relative path, e.g. `/sites/complaints`. */
  sitePath: string;
}

export interface SiteResolver {
  siteId(): Promise<string>;
  /** The path of a list by its display name (under which its items, columns and delta are). */
  listPath(displayName: string): Promise<string>;
  /**
   * What a request on a list that failed should say: a 404 becomes ListMissingError when the site
   * exists (so the message names the list and how to provision it), else the site's own error;
   * any other error is returned as it is.
   */
  explainNotFound(displayName: string, err: unknown): Promise<unknown>;
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

/** `/sites/{hostname}:/{path}:/lists/{title}`: a list addressed by its site's path and its title. */
export function listPathUrl(loc: SiteLocation, displayName: string): string {
  return `${sitePathUrl(loc)}:/lists/${segment(displayName)}`;
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
  return {
    siteId,
    // Addressed by path and title, so no request precedes the first read of a list: start-up
    // is one round trip, not three (site, then lists, then items).
    listPath: async (displayName) => listPathUrl(loc, displayName),
    async explainNotFound(displayName, err) {
      // Only on a 404: was it the site (its own error stands) or the list (say how to create it)?
      if (!isGraphError(err, 404)) return err;
      try {
        await siteId();
      } catch (siteErr) {
        return siteErr;
      }
      return new ListMissingError(displayName, `${loc.siteHostname}${loc.sitePath}`);
    },
  };
}
