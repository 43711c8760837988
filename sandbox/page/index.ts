// The sandbox page: an emulated Outlook reading pane. Mail folders and messages on the left (read
// from the Graph emulator as the signed-in sandbox user, so moves and categories show), the
// selected message in the middle as TEXT (never HTML), and the real taskpane pinned on the right.
// Everything user-supplied is put on the page with textContent.
import type { RuntimeConfig } from '../../src/runtime-config';
import type { AttachmentData, ItemData, HostRequest } from '../office-host/protocol';
import type { SandboxInfo, SandboxUser } from '../seed';
import { mountCompose } from '../compose/compose';
import { prefixSubject } from '../compose/subject';
import { startBridge } from './bridge';
import { createMessageList } from './message-list';
import { bodyText, readingPaneText } from './text';
import {
  attachmentsOf,
  createPageGraph,
  seg,
  type GraphAddress,
  type GraphFolder,
  type GraphMessage,
} from './graph';

interface SandboxWindow {
  __CST_CONFIG__?: RuntimeConfig;
  __CST_SANDBOX__?: SandboxInfo;
}

interface FolderRef {
  mailbox: string;
  shared: boolean;
  id: string;
  label: string;
}

const POLL_MS = 3000;
/** What the message list shows (and the pane's first item needs before a message is opened). */
const LIST_FIELDS =
  'id,internetMessageId,conversationId,subject,from,toRecipients,ccRecipients,receivedDateTime,categories,isRead,hasAttachments';
const sandboxWindow = window as unknown as SandboxWindow;
const info = sandboxWindow.__CST_SANDBOX__;
const config = sandboxWindow.__CST_CONFIG__;

const byId = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`sandbox page: #${id} is missing`);
  return found as T;
};

/** A DOM element with text children only: nothing here is ever parsed as HTML. */
function el(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const formatWhen = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

const person = (a?: GraphAddress): { displayName: string; emailAddress: string } | null =>
  a ? { displayName: a.emailAddress.name ?? '', emailAddress: a.emailAddress.address } : null;

const describeAddress = (a?: GraphAddress): string =>
  a
    ? a.emailAddress.name
      ? `${a.emailAddress.name} <${a.emailAddress.address}>`
      : a.emailAddress.address
    : '';

function start(info: SandboxInfo, config: RuntimeConfig): void {
  let user: SandboxUser = info.users[0] as SandboxUser;
  const shared: FolderRef = { mailbox: info.sharedMailbox.upn, shared: true, id: 'inbox', label: 'Inbox' };
  let folder: FolderRef = shared;
  let folderGroups: Array<{ title: string; folders: FolderRef[] }> = [];
  let messages: GraphMessage[] = [];
  let selected: {
    message: GraphMessage;
    folder: FolderRef;
    gone: boolean;
    attachments?: AttachmentData[];
  } | null = null;
  const graph = createPageGraph(config.graphBaseUrl, () => user.upn);
  const status = byId('status');
  const frameHolder = byId('pane');

  let frame = makeFrame();
  function makeFrame(): HTMLIFrameElement {
    const f = el('iframe', {
      id: 'taskpane',
      title: 'Contact Strategy Triage taskpane',
      src: 'taskpane.html',
    });
    frameHolder.append(f);
    return f as HTMLIFrameElement;
  }

  const masterCache = new Map<string, Promise<{ displayName: string; color: string }[]>>();
  const masterCategories = (mailbox: string, fresh = false) => {
    let pending = masterCache.get(mailbox);
    if (!pending || fresh) {
      pending = fetch(`sandbox/api/master-categories?mailbox=${encodeURIComponent(mailbox)}`).then((r) =>
        r.ok ? (r.json() as Promise<{ displayName: string; color: string }[]>) : [],
      );
      masterCache.set(mailbox, pending);
    }
    return pending;
  };

  const itemData = (message: GraphMessage, where: FolderRef, attachments?: AttachmentData[]): ItemData => {
    const data: ItemData = {
      restId: message.id,
      mailbox: where.mailbox,
      shared: where.shared,
      internetMessageId: message.internetMessageId,
      subject: message.subject,
      from: person(message.from),
      to: message.toRecipients.map((a) => person(a) as NonNullable<ReturnType<typeof person>>),
      cc: message.ccRecipients.map((a) => person(a) as NonNullable<ReturnType<typeof person>>),
      received: message.receivedDateTime,
      body: bodyText(message),
    };
    if (message.conversationId) data.conversationId = message.conversationId;
    if (attachments?.length) data.attachments = attachments;
    return data;
  };

  const bridge = startBridge({
    frame: () => frame,
    graph,
    init: () => ({
      user: { displayName: user.displayName, emailAddress: user.upn },
      item:
        selected && !selected.gone ? itemData(selected.message, selected.folder, selected.attachments) : null,
      requirementSets: { Mailbox: '1.8' },
    }),
    masterCategories,
    showReply,
    changed: () => void refresh(),
  });

  // ---- rendering ------------------------------------------------------------------------------

  function renderFolders(): void {
    const nav = byId('folders');
    // Redrawn on every refresh: a folder button that had focus gets it back.
    const focused = document.activeElement;
    const hadFocus =
      focused instanceof HTMLElement && nav.contains(focused)
        ? `${focused.dataset['mailbox'] ?? ''}\n${focused.dataset['folder'] ?? ''}`
        : null;
    nav.replaceChildren(
      ...folderGroups.flatMap((group) => [
        el('h2', {}, group.title),
        ...group.folders.map((f) => {
          const current = f.mailbox === folder.mailbox && f.id === folder.id;
          const button = el(
            'button',
            {
              type: 'button',
              'aria-current': String(current),
              'data-mailbox': f.mailbox,
              'data-folder': f.id,
            },
            f.label,
          );
          button.addEventListener('click', () => {
            folder = f;
            void refresh();
          });
          return button;
        }),
      ]),
    );
    if (hadFocus !== null)
      [...nav.querySelectorAll<HTMLElement>('button')]
        .find((b) => `${b.dataset['mailbox'] ?? ''}\n${b.dataset['folder'] ?? ''}` === hadFocus)
        ?.focus({ preventScroll: true });
  }

  const messageList = createMessageList(byId('messages'), (id) => {
    const m = messages.find((x) => x.id === id);
    if (m) void select(m);
  });
  function renderMessages(): void {
    messageList.render(
      messages.map((m) => ({
        id: m.id,
        unread: m.isRead === false,
        when: formatWhen(m.receivedDateTime, info.timeZone),
        from: m.from?.emailAddress.name || m.from?.emailAddress.address || '(no sender)',
        subject: m.subject || '(no subject)',
        categories: m.categories,
      })),
      selected?.message.id ?? null,
    );
  }

  function renderReading(): void {
    const pane = byId('reading');
    if (!selected) {
      pane.replaceChildren(el('p', { class: 'empty' }, 'Select a message to read it.'));
      return;
    }
    const m = selected.message;
    const fields: Array<[string, string]> = [
      ['From', describeAddress(m.from)],
      ['To', m.toRecipients.map(describeAddress).join('; ')],
      ['Cc', m.ccRecipients.map(describeAddress).join('; ')],
      ['Received', formatWhen(m.receivedDateTime, info.timeZone)],
      ['Categories', m.categories.join(', ')],
    ];
    pane.replaceChildren(
      ...(selected.gone
        ? [
            el(
              'p',
              { class: 'banner' },
              `This message is no longer in ${selected.folder.label} (filed or moved).`,
            ),
          ]
        : []),
      el('h2', {}, m.subject || '(no subject)'),
      el('dl', {}, ...fields.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el('pre', { id: 'body' }, readingPaneText(bodyText(m))),
    );
  }

  function showReply(request: Extract<HostRequest, { op: 'replyForm' }>): void {
    const panel = byId('reply');
    const head = panel.querySelector('.head') as HTMLElement;
    const to = request.item.from
      ? `${request.item.from.displayName} <${request.item.from.emailAddress}>`
      : '';
    head.replaceChildren(
      el('div', {}, el('strong', {}, 'To: '), to),
      el('div', {}, el('strong', {}, 'Subject: '), prefixSubject('reply', request.item.subject)),
    );
    // The draft is shown formatted (large print and the like), in a sandboxed frame with no
    // script allowed, so even a bad template cannot run anything.
    (panel.querySelector('iframe') as HTMLIFrameElement).srcdoc = request.htmlBody;
    panel.hidden = false;
  }
  byId('reply-close').addEventListener('click', () => {
    byId('reply').hidden = true;
  });

  // ---- data -----------------------------------------------------------------------------------

  async function loadFolders(): Promise<void> {
    const groups: Array<{ title: string; mailbox: string; shared: boolean }> = [
      { title: info.sharedMailbox.displayName, mailbox: info.sharedMailbox.upn, shared: true },
      { title: `${user.displayName} (own mailbox)`, mailbox: user.upn, shared: false },
    ];
    folderGroups = await Promise.all(
      groups.map(async (g) => {
        const base = `/users/${seg(g.mailbox)}/mailFolders`;
        const [children, sent] = await Promise.all([
          graph.get<{ value: GraphFolder[] }>(`${base}/inbox/childFolders?$top=50`),
          graph.get<GraphFolder>(`${base}/sentitems`),
        ]);
        const ref = (id: string, label: string): FolderRef => ({
          mailbox: g.mailbox,
          shared: g.shared,
          id,
          label,
        });
        return {
          title: g.title,
          folders: [
            ref('inbox', 'Inbox'),
            ...children.value.map((c) => ref(c.id, `  ${c.displayName}`)),
            ref(sent.id, 'Sent Items'),
          ],
        };
      }),
    );
  }

  async function loadMessages(): Promise<void> {
    // The list without bodies, as Outlook's list: a 10 MB message is fetched once, when opened.
    const page = await graph.get<{ value: Array<Omit<GraphMessage, 'body'>> }>(
      `/users/${seg(folder.mailbox)}/mailFolders/${seg(folder.id)}/messages?$top=100&$select=${LIST_FIELDS}`,
    );
    messages = page.value
      .map((m) => ({ ...m, body: { contentType: 'text', content: '' } }))
      .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
    if (selected && selected.folder.mailbox === folder.mailbox && selected.folder.id === folder.id) {
      const fresh = messages.find((m) => m.id === selected?.message.id);
      selected = fresh
        ? { ...selected, message: { ...fresh, body: selected.message.body }, gone: false }
        : { ...selected, gone: true };
    }
  }

  let refreshing: Promise<void> | null = null;
  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      try {
        await Promise.all([loadFolders(), loadMessages()]);
        status.textContent = '';
      } catch (err) {
        status.textContent = `Could not read the mailbox: ${err instanceof Error ? err.message : String(err)}`;
      }
      renderFolders();
      renderMessages();
      renderReading();
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** Opens a message: its body is fetched now (the list has none). */
  let selecting = 0;
  async function select(listed: GraphMessage): Promise<void> {
    const where = folder;
    const mine = ++selecting;
    // The body as stored (HTML or text): the page makes its own text of HTML, keeping paragraphs.
    const m = await graph
      .getAsStored<GraphMessage>(`/users/${seg(where.mailbox)}/messages/${seg(listed.id)}`)
      .catch(() => listed);
    // Arrow keys select quickly: only the last selection made is shown.
    if (where !== folder || mine !== selecting) return;
    const chosen: NonNullable<typeof selected> = { message: m, folder, gone: false };
    selected = chosen;
    renderMessages();
    renderReading();
    if (m.hasAttachments) {
      // Outlook knows an item's attachments when it is selected; the sandbox asks Graph first.
      // (Only when Graph says there are some: inline-only messages show none in the sandbox.)
      void attachmentsOf(graph, folder.mailbox, m.id).then((attachments) => {
        if (selected !== chosen) return;
        chosen.attachments = attachments;
        bridge.select(itemData(m, chosen.folder, attachments));
      });
    } else bridge.select(itemData(m, folder));
    if (m.isRead === false) {
      // Outlook marks a message read when it is opened in the reading pane.
      void graph
        .patch(`/users/${seg(folder.mailbox)}/messages/${seg(m.id)}`, { isRead: true })
        .then(() => refresh())
        .catch(() => undefined);
    }
  }

  // ---- user switcher, reset, polling --------------------------------------------------------------

  const userSelect = byId<HTMLSelectElement>('user');
  userSelect.replaceChildren(
    ...info.users.map((u) => {
      const option = el('option', { value: u.upn }, `${u.displayName} (${u.role})`) as HTMLOptionElement;
      return option;
    }),
  );
  userSelect.addEventListener('change', () => {
    user = info.users.find((u) => u.upn === userSelect.value) ?? user;
    folder = shared;
    selected = null;
    byId('reply').hidden = true;
    // A different person is a different Outlook session: the pane starts again.
    frame.remove();
    frame = makeFrame();
    void refresh();
  });

  byId('reset').addEventListener('click', () => {
    status.textContent = 'Resetting…';
    void fetch('_admin/reset', { method: 'POST' }).then(() => window.location.reload());
  });

  // The send guard's demonstration: a compose form whose Send runs the Smart Alerts handler.
  mountCompose({
    toolbar: byId('compose-actions'),
    user: () => user,
    selected: () =>
      selected && {
        from: person(selected.message.from),
        subject: selected.message.subject,
        body: bodyText(selected.message),
      },
    onSent: () => void refresh(),
  });

  setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, POLL_MS);
  renderReading();
  void refresh();
}

if (!info || !config) {
  document.body.replaceChildren(
    el(
      'p',
      { class: 'empty' },
      'The sandbox configuration did not load: start the sandbox with `npm start`.',
    ),
  );
} else {
  start(info, config);
}
