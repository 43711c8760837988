// Entry of office-host.js: loaded by the sandbox's taskpane.html where production loads office.js
// from Microsoft's CDN. Talks to the sandbox page (the parent window, same origin).
import { isOnChannel, OFFICE_DELIVERY, type FromPage } from './protocol';
import { createSandboxOffice } from './host';
import { createNaaBroker } from './naa-broker';
import { createDialogOpener } from './dialog';

const parentWindow = window.parent;
if (parentWindow === window) {
  console.error('The sandbox Office host runs inside the sandbox page: open it from `npm start`.');
}

// `?naaLatencyMs=N` on the pane's address: answer nested app authentication as Outlook does, the
// broker taking N ms per token (the bench's production path: production bundle, MSAL and all).
const naaLatency = new URLSearchParams(window.location.search).get('naaLatencyMs');

const office = createSandboxOffice(
  {
    send: (message) => parentWindow.postMessage(message, window.location.origin),
    listen: (handler) =>
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        // Only the sandbox page, on our own origin, may drive the host.
        if (event.origin !== window.location.origin || event.source !== parentWindow) return;
        // The browser copies a message into this frame when it is first read: a 10 MB body takes
        // tens of milliseconds. That is Office.js receiving Outlook's answer, not the add-in's
        // work, so it is measured by name for the long-task figures (test/e2e/long-tasks.ts).
        const start = performance.now();
        const data = event.data;
        performance.measure(OFFICE_DELIVERY, { start });
        if (isOnChannel(data)) handler(data as FromPage);
      }),
  },
  window.location.origin,
  // DialogApi 1.2: displayDialogAsync with messageChild (./dialog.ts).
  naaLatency === null ? { DialogApi: '1.2' } : { NestedAppAuth: '1.1', DialogApi: '1.2' },
);
// The dialog is drawn over the sandbox page, as Outlook on the web draws one over the mailbox.
office.context.ui = createDialogOpener(() => parentWindow.document, window.location.origin);

if (naaLatency !== null) {
  (window as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = createNaaBroker({
    user: () => office.context.mailbox.userProfile.emailAddress,
    latencyMs: Math.max(0, Number(naaLatency) || 0),
  });
}

(window as unknown as { Office: unknown }).Office = office;
