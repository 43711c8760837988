// A stand-in taskpane entry for the build test: the test is about the HTML, manifest and bundle
// settings the webpack config produces, not about the app, so it builds in seconds. It reads the
// configuration and makes the token provider as the pane does, so that what each mode compiles in
// or out of those two is in its bundle.
import { createTokenProvider } from '../../src/auth';
import { readRuntimeConfig } from '../../src/office/config';
import type { MailboxHost } from '../../src/office/types';

const tokensFor = (host: MailboxHost) => createTokenProvider(readRuntimeConfig(), host);
Object.assign(window, { cstTokensFor: tokensFor });

void Office.onReady(() => {
  const root = document.getElementById('root');
  if (root) root.textContent = `Contact Strategy Triage (${readRuntimeConfig().clientId})`;
});
