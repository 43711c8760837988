// The sandbox page's compose form (new, reply, forward) and Outlook's side of Smart Alerts. Send
// runs the send guard's own bundle in a hidden event runtime (send-guard.html with the compose
// host), waits for event.completed, and then does what Outlook does with the answer: send, or
// show the Smart Alerts dialog with the add-in's message and the buttons its send mode allows
// (promptUser: Send anyway / Don't send; softBlock, the manifest's mode: Don't send). Sent mail is
// put in the user's Sent Items in the emulator, as Exchange would. Everything typed is shown with
// textContent only.
import type { PersonData } from '../office-host/protocol';
import { createSmartAlert, type AlertChoice } from './dialog';
import { prefixSubject } from './subject';
import {
  COMPOSE_CHANNEL,
  onComposeChannel,
  type CompletedOptions,
  type ComposeType,
  type FromRuntime,
  type SendRequest,
} from './protocol';

/** The manifest's SendMode for OnMessageSend (manifest.xml; a test keeps the two the same). */
export const MANIFEST_SEND_MODE = 'softBlock';
/** What the emulated Outlook supports: Mailbox 1.14 is what lets the add-in offer Send anyway. */
export const REQUIREMENT_SETS: Record<string, string> = { Mailbox: '1.14' };
const ADDIN_NAME = 'Contact Strategy Triage';

export interface ComposeOptions {
  /** Where the New email / Reply / Forward buttons go. */
  toolbar: HTMLElement;
  user(): { upn: string; displayName: string };
  /** The message open in the reading pane, for Reply and Forward. */
  selected(): { from?: PersonData | null; subject: string; body: string } | null;
  onSent(): void;
}

/** Send → decision times (ms), for the closing note's median; the page's tests read them. */
export const decisionTimes: number[] = [];

function el(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** "Ann <a@x>, b@y; c@z" → people; what does not look like an address is refused by name. */
export function parseRecipients(text: string): { people: PersonData[]; bad: string[] } {
  const people: PersonData[] = [];
  const bad: string[] = [];
  for (const part of text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))$/.exec(part);
    const address = m?.[2] ?? m?.[3] ?? '';
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) bad.push(part);
    else people.push({ displayName: (m?.[1] ?? '').trim(), emailAddress: address });
  }
  return { people, bad };
}

/** The hidden event runtime: loaded once, kept while the page lives (a warm runtime). */
function eventRuntime(): { send(request: SendRequest): Promise<FromRuntime> } {
  let frame: HTMLIFrameElement | null = null;
  let ready: Promise<void> | null = null;
  let nextId = 1;
  const waiting = new Map<number, (answer: FromRuntime) => void>();
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== window.location.origin || !frame || event.source !== frame.contentWindow) return;
    if (!onComposeChannel(event.data)) return;
    const answer = event.data as FromRuntime;
    if (answer.type === 'ready') return;
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  const load = (): Promise<void> =>
    (ready ??= new Promise<void>((resolve) => {
      const onReady = (event: MessageEvent<unknown>) => {
        if (event.source !== frame?.contentWindow || !onComposeChannel(event.data)) return;
        if (event.data.type !== 'ready') return;
        window.removeEventListener('message', onReady);
        resolve();
      };
      window.addEventListener('message', onReady);
      frame = el('iframe', {
        id: 'send-guard-runtime',
        title: 'Send guard event runtime',
        src: 'send-guard.html',
      }) as HTMLIFrameElement;
      frame.hidden = true;
      document.body.append(frame);
    }));
  return {
    async send(request) {
      await load();
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        frame?.contentWindow?.postMessage(
          { channel: COMPOSE_CHANNEL, type: 'send', id, request },
          window.location.origin,
        );
      });
    },
  };
}

/** What Outlook shows for the handler's answer (SmartAlertsEventCompletedOptions). */
export function outlookAnswer(
  options: CompletedOptions,
): { send: true } | { send: false; message: string; sendAnyway: boolean } {
  if (options['allowEvent'] !== false) return { send: true };
  const text = options['errorMessage'];
  const message =
    typeof text === 'string' && text.trim() !== '' && text.length <= 500
      ? text
      : `${ADDIN_NAME} is preventing this email from being sent.`;
  // sendModeOverride exists from Mailbox 1.14 and can only lower the mode to promptUser.
  const override = options['sendModeOverride'] === 'promptUser' && REQUIREMENT_SETS['Mailbox'] === '1.14';
  const mode = override ? 'promptUser' : MANIFEST_SEND_MODE;
  return { send: false, message, sendAnyway: mode === 'promptUser' };
}

export function mountCompose(options: ComposeOptions): void {
  const runtime = eventRuntime();
  const form = el('section', { id: 'compose', role: 'dialog', 'aria-label': 'New message' });
  // Shown as a grid; `hidden` alone would lose to an inline display.
  const showForm = (on: boolean) => {
    form.hidden = !on;
    form.style.display = on ? 'grid' : 'none';
  };
  showForm(false);
  Object.assign(form.style, {
    position: 'fixed',
    right: '400px',
    bottom: '16px',
    width: '520px',
    background: '#fff',
    border: '1px solid #8a8a8a',
    boxShadow: '0 4px 16px rgba(0,0,0,.25)',
    padding: '12px',
    gap: '6px',
    zIndex: '10',
  });
  const field = (label: string, id: string, multiline = false) => {
    const input = el(multiline ? 'textarea' : 'input', {
      id,
      name: id,
      ...(multiline ? { rows: '6' } : { type: 'text' }),
    });
    return { input: input as HTMLInputElement, row: el('label', { for: id }, `${label} `, input) };
  };
  const to = field('To', 'compose-to');
  const cc = field('Cc', 'compose-cc');
  const bcc = field('Bcc', 'compose-bcc');
  const subject = field('Subject', 'compose-subject');
  const body = field('Message', 'compose-body', true);
  const note = el('p', { id: 'compose-status', role: 'status' });
  const send = el('button', { type: 'button', id: 'compose-send' }, 'Send') as HTMLButtonElement;
  const discard = el('button', { type: 'button', id: 'compose-discard' }, 'Discard');
  form.append(to.row, cc.row, bcc.row, subject.row, body.row, el('div', {}, send, ' ', discard), note);
  document.body.append(form);
  const alert = createSmartAlert(ADDIN_NAME);
  let kind: ComposeType = 'newMail';

  const open = (type: ComposeType) => {
    const original = options.selected();
    kind = type;
    to.input.value =
      type === 'reply' && original?.from
        ? `${original.from.displayName} <${original.from.emailAddress}>`
        : '';
    cc.input.value = '';
    bcc.input.value = '';
    subject.input.value =
      type === 'newMail'
        ? ''
        : prefixSubject(type === 'reply' ? 'reply' : 'forward', original?.subject ?? '');
    body.input.value =
      type === 'forward' && original ? `\n\n-----Original Message-----\n${original.body}` : '';
    note.textContent = '';
    form.setAttribute(
      'aria-label',
      type === 'newMail' ? 'New message' : type === 'reply' ? 'Reply' : 'Forward',
    );
    showForm(true);
    (type === 'reply' ? body.input : to.input).focus();
  };

  async function deliver(people: { to: PersonData[]; cc: PersonData[]; bcc: PersonData[] }): Promise<void> {
    const user = options.user();
    const now = new Date().toISOString();
    const asGraph = (list: PersonData[]) =>
      list.map((p) => ({
        emailAddress: { address: p.emailAddress, ...(p.displayName ? { name: p.displayName } : {}) },
      }));
    const response = await fetch('_admin/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        mailbox: user.upn,
        message: {
          folder: 'sentitems',
          subject: subject.input.value,
          from: { emailAddress: { address: user.upn, name: user.displayName } },
          toRecipients: asGraph(people.to),
          ccRecipients: asGraph(people.cc),
          bccRecipients: asGraph(people.bcc),
          sentDateTime: now,
          receivedDateTime: now,
          isRead: true,
          body: { contentType: 'text', content: body.input.value },
        },
      }),
    });
    if (!response.ok) throw new Error(`the emulator did not take the sent mail (${response.status})`);
    showForm(false);
    options.onSent();
  }

  async function onSend(): Promise<void> {
    const parsed = [to, cc, bcc].map((f) => parseRecipients(f.input.value));
    const bad = parsed.flatMap((p) => p.bad);
    if (bad.length > 0) {
      note.textContent = `Not an email address: ${bad.join(', ')}`;
      return;
    }
    const [pTo, pCc, pBcc] = parsed.map((p) => p.people) as [PersonData[], PersonData[], PersonData[]];
    if (pTo.length + pCc.length + pBcc.length === 0) {
      note.textContent = 'Add at least one recipient.';
      return;
    }
    const user = options.user();
    send.disabled = true;
    note.textContent = 'Checking…';
    const started = performance.now();
    const answer = await runtime.send({
      user: { displayName: user.displayName, emailAddress: user.upn },
      compose: { type: kind, to: pTo, cc: pCc, bcc: pBcc },
      requirementSets: REQUIREMENT_SETS,
    });
    const ms = Math.round(performance.now() - started);
    decisionTimes.push(ms);
    form.dataset['decisionMs'] = String(ms);
    form.dataset['decisions'] = String(decisionTimes.length);
    send.disabled = false;
    const people = { to: pTo, cc: pCc, bcc: pBcc };
    const outcome =
      answer.type === 'completed'
        ? outlookAnswer(answer.options)
        : { send: false as const, message: `${ADDIN_NAME} couldn't check this email.`, sendAnyway: true };
    if (outcome.send) {
      note.textContent = '';
      await deliver(people);
      return;
    }
    note.textContent = '';
    const choice: AlertChoice = await alert.show(outcome.message, outcome.sendAnyway);
    if (choice === 'send-anyway') await deliver(people);
    else send.focus();
  }

  send.addEventListener('click', () => {
    void onSend().catch((err: unknown) => {
      send.disabled = false;
      note.textContent = err instanceof Error ? err.message : String(err);
    });
  });
  discard.addEventListener('click', () => showForm(false));
  const button = (id: string, label: string, type: ComposeType) => {
    const b = el('button', { type: 'button', id }, label);
    b.addEventListener('click', () => {
      if (type !== 'newMail' && !options.selected()) {
        note.textContent = 'Select a message first.';
        return;
      }
      open(type);
    });
    return b;
  };
  options.toolbar.append(
    button('compose-new', 'New email', 'newMail'),
    button('compose-reply', 'Reply', 'reply'),
    button('compose-forward', 'Forward', 'forward'),
  );
}
