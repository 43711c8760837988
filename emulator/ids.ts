// Identifier formats: SharePoint GUIDs and site ids, Outlook REST and immutable ids.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A GUID derived from text, so seeded sites and lists keep their ids across restarts and reseeds. */
export function hashGuid(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const newGuid = (): string => randomUUID();

export function siteIdFor(hostname: string, path: string): string {
  const key = `${hostname.toLowerCase()}${path.toLowerCase()}`;
  return `${hostname.toLowerCase()},${hashGuid(`site:${key}`)},${hashGuid(`web:${key}`)}`;
}

const b64url = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * Outlook REST ids are URL-safe base64. Each one here holds a `-` and a `_`, so its EWS form
 * (`-`→`/`, `_`→`+`, what Office.js `item.itemId` gives on desktop and web) always differs and
 * an unconverted id is always detectable.
 */
export function newRestId(): string {
  return `AAMkAD${b64url(randomBytes(12))}-${b64url(randomBytes(15))}_${b64url(randomBytes(6))}AAA=`;
}

/** Immutable ids have their own prefix so tests can tell the two kinds apart. */
export function newImmutableId(): string {
  return `AAkALg${b64url(randomBytes(12))}-${b64url(randomBytes(15))}_${b64url(randomBytes(6))}AAA=`;
}

export function newFolderId(): string {
  return `AAMkAF${b64url(randomBytes(12))}-${b64url(randomBytes(9))}_AQAAAA==`;
}

export function newCategoryId(): string {
  return randomUUID();
}

/** EWS ids (what `item.itemId` gives before `convertToRestId`) use the standard base64 alphabet. */
export function looksLikeEwsId(id: string): boolean {
  return id.includes('/') || id.includes('+');
}
