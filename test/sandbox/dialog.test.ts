/** @jest-environment jsdom */
// The sandbox's Office dialog API refuses what Office refuses, with Office's codes (Microsoft Learn,
// "Handle errors and events in the Office dialog box"): a page not on HTTPS (12005), one on another
// domain (12004), a second dialog while one is open (12007); closed by its X, the dialog raises
// DialogEventReceived 12006, after which a new one opens.
import { DIALOG_EVENT, createDialogOpener } from '../../sandbox/office-host/dialog';
import type { AsyncResultLike, DialogEventArg, DialogLike } from '../../src/office/office-api';
import { MessageChannel } from 'node:worker_threads';

// jsdom has no MessageChannel; Node's has the same ports.
beforeAll(() => {
  Object.assign(globalThis, { MessageChannel });
});

const ORIGIN = 'https://addin.example.org';

function opener() {
  const { displayDialogAsync } = createDialogOpener(() => document, ORIGIN);
  return (url: string) =>
    new Promise<AsyncResultLike<DialogLike>>((resolve) => displayDialogAsync(url, { width: 50 }, resolve));
}

afterEach(() => document.body.replaceChildren());

describe('the sandbox dialog', () => {
  it('refuses an HTTP page (12005) and a page on another domain (12004)', async () => {
    const open = opener();
    await expect(open('http://addin.example.org/register.html')).resolves.toMatchObject({
      status: 'failed',
      error: { code: 12005 },
    });
    await expect(open('https://elsewhere.example.com/register.html')).resolves.toMatchObject({
      status: 'failed',
      error: { code: 12004 },
    });
    expect(document.querySelector('[data-sandbox-dialog]')).toBeNull();
  });

  it('opens one dialog at a time (12007), raises 12006 when its X closes it, then opens again', async () => {
    const open = opener();
    const first = await open(`${ORIGIN}/register.html`);
    expect(first.status).toBe('succeeded');
    const events: DialogEventArg[] = [];
    first.value.addEventHandler(DIALOG_EVENT.DialogEventReceived, (arg) => events.push(arg));
    await expect(open(`${ORIGIN}/register.html`)).resolves.toMatchObject({
      status: 'failed',
      error: { code: 12007 },
    });
    expect(document.querySelectorAll('[data-sandbox-dialog]')).toHaveLength(1);
    const close = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Close dialog');
    close?.click();
    expect(events).toEqual([{ error: 12006 }]);
    expect(document.querySelector('[data-sandbox-dialog]')).toBeNull();
    const again = await open(`${ORIGIN}/register.html`);
    expect(again.status).toBe('succeeded');
    again.value.close();
  });

  it('closed by the pane (close()), raises nothing', async () => {
    const open = opener();
    const dialog = (await open(`${ORIGIN}/register.html`)).value;
    const events: DialogEventArg[] = [];
    dialog.addEventHandler(DIALOG_EVENT.DialogEventReceived, (arg) => events.push(arg));
    dialog.close();
    expect(events).toEqual([]);
    expect(document.querySelector('[data-sandbox-dialog]')).toBeNull();
  });
});
