// The page's side of the Office host protocol: answers the taskpane's Office calls the way Outlook
// would, using the signed-in user's Graph access to the mailbox.
import {
  CHANNEL,
  isOnChannel,
  type FromHost,
  type FromPage,
  type HostError,
  type HostRequest,
  type InitData,
  type ItemData,
  type AttachmentContentData,
} from '../office-host/protocol';
import { PageGraphError, seg, type PageGraph } from './graph';

export interface BridgeDeps {
  frame: () => HTMLIFrameElement;
  graph: PageGraph;
  init: () => InitData;
  /** `fresh`: ask again rather than use what was read before (the pane may have added some). */
  masterCategories: (mailbox: string, fresh?: boolean) => Promise<{ displayName: string; color: string }[]>;
  showReply: (request: Extract<HostRequest, { op: 'replyForm' }>) => void;
  /** The page should refresh its lists (a category changed). */
  changed: () => void;
}

export interface Bridge {
  select(item: ItemData | null): void;
}

/** getAttachmentContentAsync through Graph: a file's contentBytes, an attached mail's MIME. */
async function attachmentContent(
  graph: PageGraph,
  request: Extract<HostRequest, { op: 'attachment.content' }>,
): Promise<AttachmentContentData> {
  const path = `/users/${seg(request.item.mailbox)}/messages/${seg(request.item.restId)}/attachments/${seg(request.attachment.id)}`;
  if (request.attachment.attachmentType === 'item') {
    return { format: 'eml', content: await graph.text(`${path}/$value`) };
  }
  const file = await graph.get<{ contentBytes?: string }>(path);
  return { format: 'base64', content: file.contentBytes ?? '' };
}

/**
 * Office faults the sandbox can be told to inject, from the page (tests, demonstrations):
 * `window.cstHostFaults.attachmentContent = true` makes getAttachmentContentAsync fail as Outlook
 * does when Exchange cannot give an attachment (9020 GenericResponseError), so the pane's Graph
 * fallback can be seen at work. `hits` counts the calls that failed.
 */
export interface HostFaults {
  attachmentContent: boolean;
  hits: number;
}

const faults: HostFaults = { attachmentContent: false, hits: 0 };
(window as unknown as { cstHostFaults: HostFaults }).cstHostFaults = faults;

export function startBridge(deps: BridgeDeps): Bridge {
  const post = (message: FromPage): void => {
    deps.frame().contentWindow?.postMessage(message, window.location.origin);
  };

  async function answer(request: HostRequest): Promise<unknown> {
    switch (request.op) {
      case 'categories.get': {
        const [message, master] = await Promise.all([
          deps.graph.get<{ categories: string[] }>(
            `/users/${seg(request.item.mailbox)}/messages/${seg(request.item.restId)}?$select=categories`,
          ),
          deps.masterCategories(request.item.mailbox),
        ]);
        return message.categories.map((displayName) => ({
          displayName,
          color: master.find((c) => c.displayName === displayName)?.color ?? 'none',
        }));
      }
      case 'categories.add': {
        // Outlook checks the list as it is now: the pane adds the user's own categories at start-up.
        const master = new Set(
          (await deps.masterCategories(request.item.mailbox, true)).map((c) => c.displayName),
        );
        const unknown = request.names.filter((n) => !master.has(n));
        if (unknown.length) {
          throw hostError(
            9031,
            'InvalidCategory',
            `Not in the mailbox's master category list: ${unknown.join(', ')}`,
          );
        }
        const path = `/users/${seg(request.item.mailbox)}/messages/${seg(request.item.restId)}`;
        const current = await deps.graph.get<{ categories: string[] }>(`${path}?$select=categories`);
        const merged = [
          ...current.categories,
          ...request.names.filter((n) => !current.categories.includes(n)),
        ];
        await deps.graph.patch(path, { categories: merged });
        deps.changed();
        return null;
      }
      case 'replyForm':
        deps.showReply(request);
        return null;
      case 'headers':
        return '';
      case 'attachment.content':
        if (faults.attachmentContent) {
          faults.hits++;
          throw hostError(9020, 'GenericResponseError', 'The attachment could not be retrieved.');
        }
        return attachmentContent(deps.graph, request);
    }
  }

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const frame = deps.frame();
    if (event.origin !== window.location.origin || event.source !== frame.contentWindow) return;
    if (!isOnChannel(event.data)) return;
    const message = event.data as FromHost;
    if (message.type === 'hello') {
      post({ channel: CHANNEL, type: 'init', data: deps.init() });
      return;
    }
    if (message.type === 'request') {
      answer(message.request).then(
        (value) => post({ channel: CHANNEL, type: 'response', id: message.id, ok: true, value }),
        (err: unknown) =>
          post({ channel: CHANNEL, type: 'response', id: message.id, ok: false, error: toHostError(err) }),
      );
    }
  });

  return { select: (item) => post({ channel: CHANNEL, type: 'itemChanged', item }) };
}

function hostError(code: number, name: string, message: string): HostError {
  return { code, name, message };
}

function toHostError(err: unknown): HostError {
  if (typeof err === 'object' && err !== null && 'code' in err && 'name' in err && !(err instanceof Error)) {
    return err as HostError;
  }
  if (err instanceof PageGraphError && err.status === 404) {
    return hostError(9002, 'ItemNotFound', 'The message was moved or deleted.');
  }
  return hostError(9000, 'InternalError', err instanceof Error ? err.message : String(err));
}
