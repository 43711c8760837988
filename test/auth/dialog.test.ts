import { createDialogAuth, DIALOG_CLOSED_BY_USER, parseReply } from '../../src/auth/dialog-fallback';
import { runAuthDialog } from '../../src/auth/dialog-page';
import type { DialogReply } from '../../src/auth/dialog-fallback';
import { fakeDialogUi } from './fakes';

const EVENTS = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
const URL_ = 'https://triage.example.org/auth-dialog.html';

function setup(open: { failCode?: number } = {}) {
  const ui = fakeDialogUi(open);
  const auth = createDialogAuth({ ui, eventTypes: EVENTS, dialogUrl: URL_ });
  return { ui, auth };
}

const ALEX = 'alex.handler@force.example.police.uk';
const WHO = { loginHint: ALEX };
const reply = (r: object): string => JSON.stringify({ type: 'cst-auth', username: ALEX, ...r });

describe('the Office dialog fallback (taskpane side)', () => {
  it('opens our dialog page for the scopes and returns the token it sends back', async () => {
    const { ui, auth } = setup();
    const pending = auth.acquire(['Mail.ReadWrite', 'Sites.ReadWrite.All'], WHO);
    expect(ui.opened).toEqual([
      `${URL_}?scopes=Mail.ReadWrite+Sites.ReadWrite.All&loginHint=${encodeURIComponent(ALEX)}`,
    ]);
    ui.emit(EVENTS.DialogMessageReceived, {
      message: reply({ status: 'success', accessToken: 'tok', expiresOn: '2030-01-01T00:00:00.000Z' }),
      origin: 'https://triage.example.org',
    });
    await expect(pending).resolves.toEqual({
      accessToken: 'tok',
      expiresOn: new Date('2030-01-01T00:00:00.000Z'),
    });
    expect(ui.closed).toBe(1);
  });

  it('treats 12006 as the user closing the window', async () => {
    const { ui, auth } = setup();
    const pending = auth.acquire(['Mail.ReadWrite'], WHO);
    ui.emit(EVENTS.DialogEventReceived, { error: DIALOG_CLOSED_BY_USER });
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('explains a dialog that cannot open', async () => {
    const { auth } = setup({ failCode: 12009 });
    await expect(auth.acquire(['Mail.ReadWrite'], WHO)).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/allow pop-up windows/),
    });
  });

  it('ignores messages from another origin and fails on unreadable ones', async () => {
    const { ui, auth } = setup();
    const pending = auth.acquire(['Mail.ReadWrite'], WHO);
    ui.emit(EVENTS.DialogMessageReceived, {
      message: reply({ status: 'success', accessToken: 'evil' }),
      origin: 'https://attacker.example.com',
    });
    ui.emit(EVENTS.DialogMessageReceived, { message: 'not json' });
    await expect(pending).rejects.toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/unreadable/),
    });
  });

  it('passes on the error the dialog page reports', async () => {
    const { ui, auth } = setup();
    const pending = auth.acquire(['Mail.ReadWrite'], WHO);
    ui.emit(EVENTS.DialogMessageReceived, {
      message: reply({ status: 'error', message: 'AADSTS65001: consent' }),
    });
    await expect(pending).rejects.toThrow(/AADSTS65001/);
  });

  it('accepts only well-formed replies', () => {
    expect(parseReply(reply({ status: 'success', accessToken: '' }))).toBeNull();
    expect(parseReply(JSON.stringify({ status: 'success', accessToken: 'x' }))).toBeNull();
    expect(parseReply(reply({ status: 'error' }))).toBeNull();
    expect(parseReply(undefined)).toBeNull();
  });
});

describe('the dialog page', () => {
  function page(
    result: { accessToken: string; expiresOn: Date | null } | null,
    search = '?scopes=Mail.ReadWrite',
  ) {
    const sent: DialogReply[] = [];
    const redirects: string[][] = [];
    const pca = {
      handleRedirectPromise: jest.fn(async () => result as never),
      acquireTokenRedirect: jest.fn(async (r: { scopes: string[] }) => {
        redirects.push(r.scopes);
      }),
    };
    return { sent, redirects, run: () => runAuthDialog({ pca, search, send: (r) => sent.push(r) }) };
  }

  it('starts a redirect sign-in for the scopes it was opened with', async () => {
    const p = page(null, '?scopes=Mail.ReadWrite%20Sites.ReadWrite.All');
    await expect(p.run()).resolves.toBe('redirecting');
    expect(p.redirects).toEqual([['Mail.ReadWrite', 'Sites.ReadWrite.All']]);
    expect(p.sent).toEqual([]);
  });

  it('sends the token back when the identity platform returns', async () => {
    const p = page({ accessToken: 'tok', expiresOn: new Date('2030-01-01T00:00:00Z') });
    await expect(p.run()).resolves.toBe('sent');
    expect(p.sent).toEqual([
      { type: 'cst-auth', status: 'success', accessToken: 'tok', expiresOn: '2030-01-01T00:00:00.000Z' },
    ]);
  });

  it('reports errors instead of leaving the window hanging', async () => {
    const noScopes = page(null, '');
    await noScopes.run();
    expect(noScopes.sent[0]).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/without scopes/),
    });

    const sent: DialogReply[] = [];
    const failing = {
      handleRedirectPromise: async () => {
        throw Object.assign(new Error('state mismatch'), { errorCode: 'state_mismatch' });
      },
      acquireTokenRedirect: async () => undefined,
    };
    await runAuthDialog({ pca: failing, search: '', send: (r) => sent.push(r) });
    expect(sent).toEqual([{ type: 'cst-auth', status: 'error', message: 'state_mismatch: state mismatch' }]);
  });
});
