// Entry of compose-host.js: the sandbox's stand-in for office.js in the send guard's event runtime
// (send-guard.html). It offers what an OnMessageSend handler may use, as Outlook on the web does:
// Office.actions.associate, the compose item's to/cc/bcc.getAsync and getComposeTypeAsync (always
// asynchronous, at most 3 calls at once), userProfile and requirement sets. A Send from the page
// runs the associated handler with an event whose completed() answers the page. No UI here: event
// runtimes have none (displayDialogAsync and the like are not offered).
import { HANDLER_NAME } from '../../src/send-guard/names';
import { MAX_CONCURRENT, TOO_MANY_CALLS } from '../office-host/host';
import type { PersonData } from '../office-host/protocol';
import { compareVersions } from '../../src/office/versions';
import {
  COMPOSE_CHANNEL,
  onComposeChannel,
  type CompletedOptions,
  type FromRuntime,
  type SendRequest,
  type ToRuntime,
} from './protocol';

type Handler = (event: { type: string; completed(options?: CompletedOptions): void }) => unknown;
type Result<T> = { status: 'succeeded' | 'failed'; value: T; error?: typeof TOO_MANY_CALLS };

const parentWindow = window.parent;
const handlers = new Map<string, Handler>();
let current: SendRequest | null = null;
let running = 0;

const post = (message: FromRuntime): void => parentWindow.postMessage(message, window.location.origin);

/** An async Office call: answered on a later task, refused beyond 3 at once. */
function asyncCall<T>(value: () => T, callback: (result: Result<T>) => void): void {
  if (running >= MAX_CONCURRENT) {
    setTimeout(() => callback({ status: 'failed', value: undefined as T, error: TOO_MANY_CALLS }), 0);
    return;
  }
  running++;
  setTimeout(() => {
    running--;
    callback({ status: 'succeeded', value: value() });
  }, 0);
}

const details = (people: PersonData[]) =>
  people.map((p) => ({ displayName: p.displayName, emailAddress: p.emailAddress }));

const recipients = (field: 'to' | 'cc' | 'bcc') => ({
  getAsync: (callback: (result: Result<ReturnType<typeof details>>) => void) =>
    asyncCall(() => details(current?.compose[field] ?? []), callback),
});

const office = {
  actions: {
    associate(name: string, handler: Handler): void {
      handlers.set(name, handler);
    },
  },
  context: {
    mailbox: {
      get item() {
        if (!current) return null;
        return {
          itemType: 'message',
          to: recipients('to'),
          cc: recipients('cc'),
          bcc: recipients('bcc'),
          getComposeTypeAsync: (
            callback: (r: Result<{ composeType: string; coercionType: string }>) => void,
          ) =>
            asyncCall(
              () => ({ composeType: current?.compose.type ?? 'newMail', coercionType: 'html' }),
              callback,
            ),
        };
      },
      get userProfile() {
        return {
          emailAddress: current?.user.emailAddress ?? '',
          displayName: current?.user.displayName ?? '',
        };
      },
    },
    requirements: {
      isSetSupported(name: string, minVersion = '1.1'): boolean {
        const supported = current?.requirementSets[name];
        return supported !== undefined && compareVersions(supported, minVersion) >= 0;
      },
    },
  },
};

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== window.location.origin || event.source !== parentWindow) return;
  if (!onComposeChannel(event.data) || event.data.type !== 'send') return;
  const { id, request } = event.data as ToRuntime;
  current = request;
  const handler = handlers.get(HANDLER_NAME);
  if (!handler) {
    post({
      channel: COMPOSE_CHANNEL,
      type: 'failed',
      id,
      message: `no handler associated as ${HANDLER_NAME}`,
    });
    return;
  }
  let done = false;
  try {
    void handler({
      type: 'messageSend',
      completed(options = {}) {
        if (done) return;
        done = true;
        post({ channel: COMPOSE_CHANNEL, type: 'completed', id, options });
      },
    });
  } catch (err) {
    post({
      channel: COMPOSE_CHANNEL,
      type: 'failed',
      id,
      message: err instanceof Error ? err.message : String(err),
    });
  }
});

(window as unknown as { Office: unknown }).Office = office;
// The bundle after this one associates its handler as it loads; say so once that has happened.
window.addEventListener('load', () => post({ channel: COMPOSE_CHANNEL, type: 'ready' }));
