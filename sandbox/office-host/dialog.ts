// The sandbox's Office dialog API (DialogApi 1.2), the part the add-in uses: displayDialogAsync from
// the pane, messageParent and DialogParentMessageReceived inside the dialog, messageChild back.
// As Microsoft documents it ("Handle errors and events in the Office dialog box", sources in
// docs/decisions/register.md): a page not on HTTPS is refused (12005), one not on the add-in's own
// domain too (12004); one dialog per host page (12007); messages are strings; a dialog closed by
// the user raises DialogEventReceived 12006, and close() from the parent raises nothing. The
// dialog is not modal: Outlook shows it as a window of its own (a pop-up window on the web, a
// window on the desktop), so the pane stays usable and can be asked to open it again. Here it is
// an iframe beside the pane, never over it, joined to the pane by a MessageChannel, so no other
// page's messages reach either side.
import type { AsyncCallback, DialogEventArg, DialogLike } from '../../src/office/office-api';

export const DIALOG_EVENT = {
  DialogMessageReceived: 'dialogMessageReceived',
  DialogEventReceived: 'dialogEventReceived',
  DialogParentMessageReceived: 'dialogParentMessageReceived',
} as const;

const CONNECT = 'cst-sandbox-dialog-connect';
export const DIALOG_CLOSED_BY_USER = 12006;
const ALREADY_OPEN = 12007;
const NOT_TRUSTED = 12004;
const NOT_HTTPS = 12005;
/** The sandbox page's pane column (sandbox/page/index.html): the dialog keeps clear of it. */
const PANE_PX = 380;

type Wire = { type: 'message'; message: string };
const isWire = (v: unknown): v is Wire =>
  typeof v === 'object' &&
  v !== null &&
  (v as Wire).type === 'message' &&
  typeof (v as Wire).message === 'string';

export interface SandboxDialog extends DialogLike {
  messageChild(message: string): void;
}

/** The pane's side: `Office.context.ui.displayDialogAsync`, drawing the dialog in `host`. */
export function createDialogOpener(host: () => Document, origin: string) {
  let open: { close(): void } | null = null;
  // Office answers asynchronously, always.
  const answer = <T>(cb: AsyncCallback<T> | undefined, result: Parameters<AsyncCallback<T>>[0]): void => {
    setTimeout(() => cb?.(result), 0);
  };

  function displayDialogAsync(startAddress: string, a?: unknown, b?: unknown): void {
    const options = (typeof a === 'object' && a !== null ? a : {}) as { width?: number; height?: number };
    const cb = (typeof a === 'function' ? a : b) as AsyncCallback<DialogLike> | undefined;
    const fail = (code: number, message: string) =>
      answer(cb, {
        status: 'failed',
        value: undefined as unknown as DialogLike,
        error: { code, name: 'DialogError', message },
      });
    let url: URL;
    try {
      url = new URL(startAddress);
    } catch {
      return fail(NOT_TRUSTED, 'The dialog address is not a URL.');
    }
    if (url.protocol !== 'https:')
      return fail(NOT_HTTPS, 'The dialog page must be on a secure (HTTPS) address.');
    if (url.origin !== origin)
      return fail(NOT_TRUSTED, 'The dialog page must be on the add-in’s own domain.');
    if (open) return fail(ALREADY_OPEN, 'A dialog is already open from this page.');

    const doc = host();
    const handlers = new Map<string, Array<(arg: DialogEventArg) => void>>();
    const emit = (type: string, arg: DialogEventArg) => {
      for (const h of handlers.get(type) ?? []) h(arg);
    };
    const overlay = doc.createElement('div');
    overlay.setAttribute('data-sandbox-dialog', '');
    const pct = (n: number | undefined, fallback: number) => Math.min(100, Math.max(10, n ?? fallback));
    // Its size is a share of the screen, as Office's is, less the pane it must not cover.
    overlay.style.cssText = `position:fixed;z-index:1000;top:${(100 - pct(options.height, 80)) / 2}vh;left:8px;width:min(${pct(options.width, 80)}vw,calc(100vw - ${PANE_PX + 24}px));height:${pct(options.height, 80)}vh;display:flex;flex-direction:column;background:#fff;border:1px solid #616161;box-shadow:0 8px 32px rgba(0,0,0,.4)`;
    const bar = doc.createElement('div');
    bar.style.cssText = 'display:flex;justify-content:flex-end;padding:4px;background:#f0f0f0';
    const closeButton = doc.createElement('button');
    closeButton.type = 'button';
    closeButton.textContent = 'Close dialog';
    bar.append(closeButton);
    const frame = doc.createElement('iframe');
    frame.title = 'Add-in dialog';
    frame.style.cssText = 'flex:1;border:0;width:100%';
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      if (isWire(event.data))
        emit(DIALOG_EVENT.DialogMessageReceived, { message: event.data.message, origin });
    };
    frame.addEventListener('load', () => {
      frame.contentWindow?.postMessage({ type: CONNECT }, origin, [channel.port2]);
      frame.focus();
    });
    frame.src = url.href;
    overlay.append(bar, frame);
    doc.body.append(overlay);

    const remove = () => {
      channel.port1.close();
      overlay.remove();
      open = null;
    };
    closeButton.addEventListener('click', () => {
      remove();
      emit(DIALOG_EVENT.DialogEventReceived, { error: DIALOG_CLOSED_BY_USER });
    });
    open = { close: remove };
    const dialog: SandboxDialog = {
      addEventHandler(type, handler) {
        handlers.set(type, [...(handlers.get(type) ?? []), handler]);
      },
      close: remove,
      messageChild(message: string) {
        if (typeof message !== 'string') throw new TypeError('messageChild sends a string');
        channel.port1.postMessage({ type: 'message', message } satisfies Wire);
      },
    };
    answer(cb, { status: 'succeeded', value: dialog });
  }
  return { displayDialogAsync };
}

/**
 * The dialog page's side: `messageParent` and `addHandlerAsync(DialogParentMessageReceived)`.
 * A message from the pane that arrives before a handler is added is dropped (the stricter reading):
 * the dialog says it is ready with messageParent first, as Microsoft's samples do.
 */
export function createDialogChild(win: Window) {
  const origin = win.location.origin;
  let port: MessagePort | null = null;
  const queued: string[] = [];
  const handlers: Array<(arg: { message: string; origin: string }) => void> = [];
  win.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (event.origin !== origin || data?.type !== CONNECT || !event.ports[0] || port) return;
    port = event.ports[0];
    port.onmessage = (e: MessageEvent<unknown>) => {
      if (isWire(e.data)) for (const h of [...handlers]) h({ message: e.data.message, origin });
    };
    for (const m of queued.splice(0)) port.postMessage({ type: 'message', message: m } satisfies Wire);
  });
  return {
    messageParent(message: string) {
      if (typeof message !== 'string') throw new TypeError('messageParent sends a string');
      if (port) port.postMessage({ type: 'message', message } satisfies Wire);
      else queued.push(message);
    },
    addHandlerAsync(type: string, handler: (arg: { message: string; origin: string }) => void, cb?: unknown) {
      const done = typeof cb === 'function' ? (cb as AsyncCallback<void>) : undefined;
      if (type !== DIALOG_EVENT.DialogParentMessageReceived) {
        setTimeout(
          () =>
            done?.({
              status: 'failed',
              value: undefined,
              error: { code: 5000, name: 'InvalidEventType', message: type },
            }),
          0,
        );
        return;
      }
      handlers.push(handler);
      setTimeout(() => done?.({ status: 'succeeded', value: undefined }), 0);
    },
  };
}
