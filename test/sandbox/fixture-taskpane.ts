// A stand-in taskpane for the sandbox's own smoke test: the real adapter (src/office/outlook.ts)
// over whatever Office the page loaded, showing who is signed in and what is selected, and
// re-reading on ItemChanged. It lets the test check the sandbox without depending on the app.
import { createOutlookHost } from '../../src/office/outlook';

const root = document.getElementById('root');

async function show(host: ReturnType<typeof createOutlookHost>, changes: number): Promise<void> {
  const message = await host.currentMessage();
  if (!root) return;
  root.setAttribute('data-user', host.user().emailAddress);
  root.setAttribute('data-changes', String(changes));
  root.setAttribute('data-subject', message?.subject ?? '');
  root.setAttribute('data-rest-id', message?.restId ?? '');
  root.setAttribute('data-item-id', message?.itemId ?? '');
  root.setAttribute('data-owner', message?.mailboxOwner ?? '');
  root.textContent = message ? `${message.subject} from ${message.from.address}` : 'Nothing selected';
}

void Office.onReady().then(async () => {
  const host = createOutlookHost();
  let changes = 0;
  await host.onItemChanged(() => void show(host, ++changes));
  await show(host, changes);
  root?.setAttribute('data-ready', 'true');
});
