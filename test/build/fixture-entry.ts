// A stand-in taskpane entry for the build test: the test is about the HTML, manifest and bundle
// settings the webpack config produces, not about the app, so it builds in seconds.
import { readRuntimeConfig } from '../../src/office/config';

void Office.onReady(() => {
  const root = document.getElementById('root');
  if (root) root.textContent = `Contact Strategy Triage (${readRuntimeConfig().clientId})`;
});
