// Entry of auth-dialog.html (second webpack entry): the Office dialog fallback for sign-in.
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { readRuntimeConfig } from '../office/config';
import { globalOffice } from '../office/office-api';
import { runAuthDialog } from './dialog-page';
import type { DialogReply } from './dialog-fallback';
import { errorDetail } from '../common/error-detail';
import { msalConfiguration } from './msal-config';

const office = globalOffice();
const send = (reply: DialogReply): void => office.context.ui?.messageParent?.(JSON.stringify(reply));

void office.onReady().then(async () => {
  try {
    // The redirect comes back to this same page (registered as a SPA redirect URI).
    const redirectUri = `${globalThis.location.origin}${globalThis.location.pathname}`;
    const pca = await createStandardPublicClientApplication(
      msalConfiguration(readRuntimeConfig(), redirectUri),
    );
    await runAuthDialog({ pca, search: globalThis.location.search, send });
  } catch (err) {
    send({ type: 'cst-auth', status: 'error', message: errorDetail(err) });
  }
});
