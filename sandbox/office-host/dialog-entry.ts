// Entry of dialog-host.js: loaded by the sandbox's dialog pages where production loads office.js.
// Inside an Office dialog only messageParent, DialogParentMessageReceived and requirements exist.
import { DIALOG_EVENT, createDialogChild } from './dialog';

const child = createDialogChild(window);
const info = { host: 'Outlook', platform: 'OfficeOnline' };
(window as unknown as { Office: unknown }).Office = {
  EventType: DIALOG_EVENT,
  context: {
    ui: child,
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        name.toLowerCase() === 'dialogapi' && (version ?? '1.1') <= '1.2',
    },
  },
  onReady(callback?: (i: typeof info) => void) {
    callback?.(info);
    return Promise.resolve(info);
  },
};
