// The pane's side of the register dialog: opens register.html with the Office dialog API, and when
// the page says it is ready sends it the rows (messageChild, DialogApi 1.2); later it answers the
// page's requests for a review pack or a person's log. The rows are built while the page loads.
// Errors come back as sentences for the supervisor.
import { reviewPackTable } from '../../core/register/exports';
import type { RegisterRow } from '../../core/register/register';
import type { ReviewPack } from '../../core/supervisor';
import type { DialogEventArg, DialogLike, DialogUi } from '../../office/office-api';
import { type PersonExport, type Request, type ToDialog, readFromDialog } from './protocol';

/** Where the pane gets what the dialog shows (the dialog itself has no Graph). */
export interface RegisterSource {
  rows(): Promise<RegisterRow[]>;
  pack(strategyId: string): Promise<ReviewPack>;
  /** Everything the contact log holds about the strategy's person, as core exports it. */
  personLog(strategyId: string): Promise<PersonExport>;
}

export interface OpenRegisterOptions {
  ui: DialogUi;
  eventTypes: { DialogMessageReceived: string; DialogEventReceived: string };
  /** Absolute https URL of register.html on the add-in's own origin. */
  url: string;
  source: RegisterSource;
  /** Why something could not be read, in words. */
  describe: (err: unknown) => string;
  /** The dialog closed after it opened: by the supervisor (12006) or because its page failed. */
  onEvent?: (event: RegisterEvent) => void;
}

// Why Office would not open the dialog (Microsoft Learn, "Handle errors and events in the Office
// dialog box": errors from displayDialogAsync), and what the supervisor can do about it.
const OPEN_ERRORS: Record<number, string> = {
  12004:
    'Outlook refused to open the register: its page is not on the add-in’s own web address. Tell your administrator.',
  12005:
    'Outlook refused to open the register: its page is not on a secure (HTTPS) address. Tell your administrator.',
  12007: 'The register is already open in its own window. Switch to it, or close it and open it again.',
  12009: 'The register window was blocked: allow pop-up windows for Outlook and try again.',
  12011: "The browser's settings block the register window: allow pop-ups for this site and try again.",
};

// What the dialog's DialogEventReceived codes mean once it is open (same page: "Errors and events
// in the dialog box"). It is gone in each case.
const DIALOG_EVENTS: Record<number, string> = {
  12002:
    'The register window could not load its page and was closed. Try again; if it happens again, tell your administrator.',
  12003:
    'The register window was sent to an insecure (HTTP) address and was closed. Tell your administrator.',
  12006: 'The register is closed. Open it again with “Register of all strategies”.',
};

/** What happened to the open register, in words: a plain close, or a failure. */
export type RegisterEvent = { kind: 'closed' | 'failed'; message: string };

export function describeDialogEvent(code: number | undefined): RegisterEvent {
  const message = code === undefined ? undefined : DIALOG_EVENTS[code];
  if (code === 12006 && message) return { kind: 'closed', message };
  return {
    kind: 'failed',
    message: message ?? `The register window stopped (Office error ${code ?? 'without a code'}).`,
  };
}

async function answer(source: RegisterSource, request: Request): Promise<ToDialog> {
  if (request.kind === 'pack') {
    const pack = await source.pack(request.id);
    return { type: 'cst-register', kind: 'pack', id: request.id, pack, table: reviewPackTable(pack) };
  }
  return {
    type: 'cst-register',
    kind: 'person-log',
    id: request.id,
    export: await source.personLog(request.id),
  };
}

/** Resolves once the dialog is open (it then lives on its own); rejects with a sentence. */
export function openRegister(options: OpenRegisterOptions): Promise<void> {
  const origin = new URL(options.url).origin;
  const rows = options.source.rows();
  rows.catch(() => undefined); // reported to the dialog when it asks
  return new Promise((resolve, reject) => {
    options.ui.displayDialogAsync(
      options.url,
      { height: 85, width: 85, promptBeforeOpen: false },
      (result) => {
        if (result.status !== 'succeeded') {
          const code = result.error?.code ?? 0;
          reject(new Error(OPEN_ERRORS[code] ?? `The register could not open (Office error ${code}).`));
          return;
        }
        const dialog: DialogLike = result.value;
        let closed = false;
        const send = (message: ToDialog) => {
          if (!closed) dialog.messageChild?.(JSON.stringify(message));
        };
        dialog.addEventHandler(options.eventTypes.DialogMessageReceived, (arg: DialogEventArg) => {
          if (arg.origin !== undefined && arg.origin !== origin) return; // not our page
          const message = readFromDialog(arg.message ?? '');
          if (message?.kind === 'ready')
            rows.then(
              (r) => send({ type: 'cst-register', kind: 'rows', rows: r }),
              (err: unknown) =>
                send({
                  type: 'cst-register',
                  kind: 'failed',
                  message: `The register could not be built: ${options.describe(err)}.`,
                }),
            );
          else if (message?.kind === 'ask')
            answer(options.source, message.request).then(send, (err: unknown) =>
              send({
                type: 'cst-register',
                kind: 'refused',
                request: message.request,
                message: `The contact log could not be read (${options.describe(err)}).`,
              }),
            );
        });
        // Closed by the supervisor (12006) or its page failed (12002, 12003): nothing more is sent;
        // the pane says what happened, and the next click opens it again.
        dialog.addEventHandler(options.eventTypes.DialogEventReceived, (arg: DialogEventArg) => {
          closed = true;
          options.onEvent?.(describeDialogEvent(arg.error));
        });
        resolve();
      },
    );
  });
}
