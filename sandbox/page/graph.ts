// The sandbox page's own Graph calls (the emulated Outlook reading mailboxes), as the signed-in
// sandbox user with a dev token. Lists ask for bodies as text; an opened message comes as stored,
// and the page makes its own text of an HTML body (text.ts) and never renders it.
import type { AttachmentData } from '../office-host/protocol';

export interface GraphAddress {
  emailAddress: { name?: string; address: string };
}

export interface GraphMessage {
  id: string;
  internetMessageId: string;
  conversationId?: string;
  subject: string;
  from?: GraphAddress;
  toRecipients: GraphAddress[];
  ccRecipients: GraphAddress[];
  receivedDateTime: string;
  body: { contentType: string; content: string };
  categories: string[];
  isRead?: boolean;
  hasAttachments?: boolean;
}

export interface GraphFolder {
  id: string;
  displayName: string;
}

export class PageGraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PageGraphError';
  }
}

export interface PageGraph {
  get<T>(path: string): Promise<T>;
  /** A GET with the body as stored (HTML stays HTML), for the page's own text of it. */
  getAsStored<T>(path: string): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  /** A text answer (an attached mail's MIME from /$value). */
  text(path: string): Promise<string>;
}

export function createPageGraph(baseUrl: string, upn: () => string): PageGraph {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    raw = false,
    asText = true,
  ): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer dev:${upn()}` };
    if (asText) headers['Prefer'] = 'outlook.body-content-type="text"';
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (raw && res.ok) return text as T;
    const json: unknown = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw new PageGraphError(
        res.status,
        error?.code ?? '',
        error?.message ?? `${method} ${path}: ${res.status}`,
      );
    }
    return json as T;
  }
  return {
    get: (path) => call('GET', path),
    getAsStored: (path) => call('GET', path, undefined, false, false),
    patch: (path, body) => call('PATCH', path, body),
    text: (path) => call<string>('GET', path, undefined, true),
  };
}

/** A path segment for a UPN or id. */
export const seg = (value: string): string => encodeURIComponent(value);

/** A message's attachments as Outlook lists them on selection (no content); none if Graph fails. */
export async function attachmentsOf(
  graph: PageGraph,
  mailbox: string,
  id: string,
): Promise<AttachmentData[]> {
  type Listed = {
    '@odata.type': string;
    id: string;
    name: string;
    contentType: string;
    size: number;
    isInline: boolean;
  };
  const page = await graph
    .get<{ value: Listed[] }>(
      `/users/${seg(mailbox)}/messages/${seg(id)}/attachments?$select=id,name,contentType,size,isInline`,
    )
    .catch(() => ({ value: [] as Listed[] }));
  return page.value.map((a) => ({
    id: a.id,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    isInline: a.isInline,
    attachmentType: a['@odata.type'].endsWith('itemAttachment') ? 'item' : 'file',
  }));
}
