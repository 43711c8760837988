// Entry point: once Office is ready, ask for the first token, then run the pane. The pane's code
// (React, Fluent, its state) is a chunk the page preloads (pane.tsx), evaluated only once the token
// request is with the host: evaluating it is the longest task of the open, and run first it held
// the sign-in, and every start-up request behind it, up by that much (docs/decisions/cold-open.md).
import { readRuntimeConfig } from '../office/config';
import { startServices, type Booting } from './bootstrap';

const loadPane = () => import(/* webpackChunkName: "pane" */ './pane');

/** Without the pane's chunk (a failed download) there is no React to show the error with. */
function showUnloaded(el: HTMLElement, err: unknown): void {
  console.error('The contact strategy pane could not load:', err);
  el.textContent =
    'The contact strategy pane could not load. Close and reopen the pane; read and handle the message in Outlook as usual meanwhile.';
}

function begin(): Booting {
  try {
    return startServices(readRuntimeConfig());
  } catch (err) {
    return { services: Promise.reject(err), tokenAsked: Promise.resolve() };
  }
}

const el = document.getElementById('root');
if (el) {
  if (typeof Office === 'undefined') {
    loadPane().then(
      (pane) => pane.showOfficeMissing(el),
      (err: unknown) => showUnloaded(el, err),
    );
  } else {
    void Office.onReady().then(() => {
      const booting = begin();
      booting.services.catch(() => undefined); // reported by the pane
      return booting.tokenAsked.then(loadPane).then(
        (pane) => pane.runPane(el, booting.services),
        (err: unknown) => showUnloaded(el, err),
      );
    });
  }
}
