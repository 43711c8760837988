// The pane's side of the register dialog: opens register.html with the Office dialog API, and when
// the page says it is ready sends it the rows (messageChild, DialogApi 1.2); later it answers the
// page's requests for a review pack or a person's log. The rows are built while the page loads.
// Errors come back as sentences for the supervisor.
import { type Table, reviewPackTable } from '../../core/register/exports';
import type { RegisterRow } from '../../core/register/register';
import type { ReviewPack } from '../../core/supervisor';
import type { DialogEventArg, DialogLike, DialogUi } from '../../office/office-api';
import { type Request, type ToDialog, readFromDialog } from './protocol';

/** Where the pane gets what the dialog shows (the dialog itself has no Graph). */
export interface RegisterSource {
  rows(): Promise<RegisterRow[]>;
  pack(strategyId: string): Promise<ReviewPack>;
  /** Everything the contact log holds about the strategy's person, as core exports it. */
  personLog(strategyId: string): Promise<{ personName: string; table: Table }>;
}

export interface OpenRegisterOptions {
  ui: DialogUi;
  eventTypes: { DialogMessageReceived: string; DialogEventReceived: string };
  /** Absolute https URL of register.html on the add-in's own origin. */
  url: string;
  source: RegisterSource;
  /** Why something could not be read, in words. */
  describe: (err: unknown) => string;
}

const OPEN_ERRORS: Record<number, string> = {
  12007: 'A dialog from this add-in is already open: close it first.',
  12009: 'The register window was blocked: allow pop-up windows for Outlook and try again.',
  12011: "The browser's settings block the register window: allow pop-ups for this site and try again.",
};

async function answer(source: RegisterSource, request: Request): Promise<ToDialog> {
  if (request.kind === 'pack') {
    const pack = await source.pack(request.id);
    return { type: 'cst-register', kind: 'pack', id: request.id, pack, table: reviewPackTable(pack) };
  }
  const { personName, table } = await source.personLog(request.id);
  return { type: 'cst-register', kind: 'person-log', id: request.id, personName, table };
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
        // Closed by the supervisor (12006) or unloaded: nothing more is sent; the next click opens
        // it again.
        dialog.addEventHandler(options.eventTypes.DialogEventReceived, () => {
          closed = true;
        });
        resolve();
      },
    );
  });
}
