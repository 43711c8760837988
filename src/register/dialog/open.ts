// The pane's side of the register dialog: opens register.html with the Office dialog API, and when
// the page says it is ready sends it the rows (messageChild, DialogApi 1.2). The rows are built
// while the page loads. Errors come back as sentences for the supervisor.
import type { RegisterRow } from '../../core/register/register';
import type { DialogEventArg, DialogLike, DialogUi } from '../../office/office-api';
import { isReady, type ToDialog } from './protocol';

export interface OpenRegisterOptions {
  ui: DialogUi;
  eventTypes: { DialogMessageReceived: string; DialogEventReceived: string };
  /** Absolute https URL of register.html on the add-in's own origin. */
  url: string;
  rows: () => Promise<RegisterRow[]>;
  /** Why the rows could not be built, in words. */
  describe: (err: unknown) => string;
}

const OPEN_ERRORS: Record<number, string> = {
  12007: 'A dialog from this add-in is already open: close it first.',
  12009: 'The register window was blocked: allow pop-up windows for Outlook and try again.',
  12011: "The browser's settings block the register window: allow pop-ups for this site and try again.",
};

/** Resolves once the dialog is open (it then lives on its own); rejects with a sentence. */
export function openRegister(options: OpenRegisterOptions): Promise<void> {
  const origin = new URL(options.url).origin;
  const rows = options.rows();
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
        const send = (message: ToDialog) => dialog.messageChild?.(JSON.stringify(message));
        dialog.addEventHandler(options.eventTypes.DialogMessageReceived, (arg: DialogEventArg) => {
          if (arg.origin !== undefined && arg.origin !== origin) return; // not our page
          if (!isReady(arg.message ?? '')) return;
          rows.then(
            (r) => send({ type: 'cst-register', kind: 'rows', rows: r }),
            (err: unknown) =>
              send({
                type: 'cst-register',
                kind: 'failed',
                message: `The register could not be built: ${options.describe(err)}.`,
              }),
          );
        });
        // Closed by the supervisor: nothing to tidy, the next click opens it again.
        dialog.addEventHandler(options.eventTypes.DialogEventReceived, () => undefined);
        resolve();
      },
    );
  });
}
