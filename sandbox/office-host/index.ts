// Entry of office-host.js: loaded by the sandbox's taskpane.html where production loads office.js
// from Microsoft's CDN. Talks to the sandbox page (the parent window, same origin).
import { isOnChannel, type FromPage } from './protocol';
import { createSandboxOffice } from './host';

const parentWindow = window.parent;
if (parentWindow === window) {
  console.error('The sandbox Office host runs inside the sandbox page: open it from `npm start`.');
}

const office = createSandboxOffice(
  {
    send: (message) => parentWindow.postMessage(message, window.location.origin),
    listen: (handler) =>
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        // Only the sandbox page, on our own origin, may drive the host.
        if (event.origin !== window.location.origin || event.source !== parentWindow) return;
        if (isOnChannel(event.data)) handler(event.data as FromPage);
      }),
  },
  window.location.origin,
);

(window as unknown as { Office: unknown }).Office = office;
