import { AuthError, createTokenProvider } from '../../src/auth';
import type { DialogAuth } from '../../src/auth/dialog-fallback';
import { EXPIRY_SKEW_MS } from '../../src/auth/token-cache';
import type { RuntimeConfig } from '../../src/runtime-config';
import { fakeHost, fakeNaa, inOneHour, PRODUCTION } from './fakes';

const SANDBOX: RuntimeConfig = {
  ...PRODUCTION,
  mode: 'sandbox',
  graphBaseUrl: 'https://localhost:3443/v1.0',
};
const MAIL = ['Mail.ReadWrite'];
const LISTS = ['Sites.ReadWrite.All'];

function fakeDialog(token = 'dialog-token'): DialogAuth & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    acquire: async (scopes) => {
      calls.push(scopes.join(' '));
      return { accessToken: token, expiresOn: new Date(Date.now() + 3600_000) };
    },
  };
}

describe('sandbox tokens', () => {
  it('are dev tokens for whoever the sandbox says is signed in', async () => {
    const host = fakeHost({ upn: 'Sam.Supervisor@force.example.police.uk' });
    const tokens = createTokenProvider(SANDBOX, host);
    await expect(tokens.getToken(MAIL)).resolves.toBe('dev:sam.supervisor@force.example.police.uk');
    host.upn = 'alex.handler@force.example.police.uk';
    await expect(tokens.getToken(MAIL)).resolves.toBe('dev:alex.handler@force.example.police.uk');
  });

  it('refuse to make one without a user or without scopes', async () => {
    await expect(createTokenProvider(SANDBOX, fakeHost({ upn: ' ' })).getToken(MAIL)).rejects.toThrow(
      /no signed-in user/,
    );
    await expect(createTokenProvider(SANDBOX, fakeHost()).getToken([])).rejects.toThrow(/without scopes/);
  });

  it('never load MSAL', async () => {
    const loadNaa = jest.fn();
    await createTokenProvider(SANDBOX, fakeHost(), { loadNaa, dialog: null }).getToken(MAIL);
    expect(loadNaa).not.toHaveBeenCalled();
  });
});

describe('production tokens with nested app authentication', () => {
  it("come silently from MSAL every time: MSAL's cache is the only one, the pane keeps no copy", async () => {
    let issued = 0;
    // MSAL answers from its own cache; this fake issues a new token each time to show it is asked.
    const naa = fakeNaa({ silent: async () => ({ accessToken: `t${++issued}`, expiresOn: inOneHour(0) }) });
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), { loadNaa: async () => naa, dialog: null });
    await expect(tokens.getToken(MAIL)).resolves.toBe('t1');
    await expect(tokens.getToken(MAIL)).resolves.toBe('t2');
    expect(naa.calls).toEqual(['silent Mail.ReadWrite', 'silent Mail.ReadWrite']);
  });

  it('ask for each scope set separately (least privilege per call)', async () => {
    const naa = fakeNaa({
      silent: async (s) => ({ accessToken: `for ${s.join(',')}`, expiresOn: inOneHour(Date.now()) }),
    });
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), { loadNaa: async () => naa, dialog: null });
    await expect(tokens.getToken(MAIL)).resolves.toBe('for Mail.ReadWrite');
    await expect(tokens.getToken(LISTS)).resolves.toBe('for Sites.ReadWrite.All');
  });

  it('fall back to a popup when silent sign-in needs interaction', async () => {
    const naa = fakeNaa({
      popup: async () => ({ accessToken: 'popup-token', expiresOn: inOneHour(Date.now()) }),
    });
    const dialog = fakeDialog();
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), { loadNaa: async () => naa, dialog });
    await expect(tokens.getToken(MAIL)).resolves.toBe('popup-token');
    expect(naa.calls).toEqual(['silent Mail.ReadWrite', 'popup Mail.ReadWrite']);
    expect(dialog.calls).toEqual([]);
  });

  it('stop when the user closes the popup, without opening another window', async () => {
    const cancelled = Object.assign(new Error('User cancelled the flow.'), { errorCode: 'user_cancelled' });
    const naa = fakeNaa({ popup: async () => Promise.reject(cancelled) });
    const dialog = fakeDialog();
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), { loadNaa: async () => naa, dialog });
    const error = await tokens.getToken(MAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).kind).toBe('cancelled');
    expect(dialog.calls).toEqual([]);
  });

  it('use the Office dialog when the popup fails', async () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const naa = fakeNaa({ popup: async () => Promise.reject(new Error('popup_window_error')) });
    const dialog = fakeDialog();
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), { loadNaa: async () => naa, dialog });
    await expect(tokens.getToken(MAIL)).resolves.toBe('dialog-token');
    expect(dialog.calls).toEqual(['Mail.ReadWrite']);
    expect(spy.mock.calls.join(' ')).toMatch(/popup_window_error/);
    spy.mockRestore();
  });

  it('share one sign-in between simultaneous requests for the same scopes', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const naa = fakeNaa({
      popup: async () => {
        await gate;
        return { accessToken: 'shared', expiresOn: inOneHour(Date.now()) };
      },
    });
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), { loadNaa: async () => naa, dialog: null });
    const all = Promise.all([tokens.getToken(MAIL), tokens.getToken(MAIL), tokens.getToken(MAIL)]);
    await new Promise((r) => setTimeout(r, 5));
    release();
    await expect(all).resolves.toEqual(['shared', 'shared', 'shared']);
    expect(naa.calls.filter((c) => c.startsWith('popup'))).toHaveLength(1);
  });

  it('never have two sign-in windows open at once', async () => {
    let open = 0;
    let most = 0;
    const naa = fakeNaa({
      popup: async (s) => {
        most = Math.max(most, ++open);
        await new Promise((r) => setTimeout(r, 5));
        open--;
        return { accessToken: s.join(), expiresOn: inOneHour(Date.now()) };
      },
    });
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), { loadNaa: async () => naa, dialog: null });
    await expect(Promise.all([tokens.getToken(MAIL), tokens.getToken(LISTS)])).resolves.toEqual([
      'Mail.ReadWrite',
      'Sites.ReadWrite.All',
    ]);
    expect(most).toBe(1);
  });
});

describe('production tokens without nested app authentication', () => {
  it('go straight to the Office dialog and never load MSAL in the taskpane', async () => {
    const loadNaa = jest.fn();
    const dialog = fakeDialog();
    const tokens = createTokenProvider(PRODUCTION, fakeHost({ naa: false }), { loadNaa, dialog });
    await expect(tokens.getToken(MAIL)).resolves.toBe('dialog-token');
    expect(loadNaa).not.toHaveBeenCalled();
  });

  it('use the dialog when MSAL cannot start', async () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dialog = fakeDialog();
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), {
      loadNaa: () => Promise.reject(new Error('bridge unavailable')),
      dialog,
    });
    await expect(tokens.getToken(MAIL)).resolves.toBe('dialog-token');
    spy.mockRestore();
  });

  it("keep the dialog's token in memory until near expiry, so one sign-in window serves every call", async () => {
    let now = 1_000_000;
    let issued = 0;
    const calls: string[] = [];
    const dialog: DialogAuth = {
      acquire: async (scopes) => {
        calls.push(scopes.join(' '));
        return { accessToken: `d${++issued}`, expiresOn: inOneHour(now) };
      },
    };
    const tokens = createTokenProvider(PRODUCTION, fakeHost({ naa: false }), { dialog, now: () => now });
    await expect(tokens.getToken(MAIL)).resolves.toBe('d1');
    await expect(tokens.getToken([...MAIL].reverse())).resolves.toBe('d1');
    now += 60 * 60 * 1000 - EXPIRY_SKEW_MS;
    await expect(tokens.getToken(MAIL)).resolves.toBe('d2');
    await tokens.refresh?.(MAIL);
    await expect(tokens.getToken(MAIL)).resolves.toBe('d3');
    expect(calls).toHaveLength(3);
  });

  it('say that sign-in is impossible when there is neither NAA nor a dialog API', async () => {
    const tokens = createTokenProvider(PRODUCTION, fakeHost({ naa: false }), { dialog: null });
    await expect(tokens.getToken(MAIL)).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

// The pane's code is evaluated once ready() settles (src/taskpane/index.tsx): it must wait for
// MSAL's client, never for the host's answer (a consent popup would leave the pane blank).
describe('ready: when a token asked for goes straight to the host', () => {
  it('settles once the NAA client exists, before the host has answered', async () => {
    let made!: (client: ReturnType<typeof fakeNaa>) => void;
    const naa = fakeNaa({ silent: () => new Promise(() => undefined) }); // the host never answers
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), {
      loadNaa: () => new Promise((resolve) => (made = resolve)),
      dialog: null,
    });
    void tokens.getToken(LISTS);
    let settled = false;
    const ready = tokens.ready?.().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false); // MSAL still loading
    made(naa);
    await ready;
    expect(settled).toBe(true);
    await Promise.resolve();
    expect(naa.calls).toEqual(['silent Sites.ReadWrite.All']);
  });

  it('settles when MSAL cannot start, and at once without NAA', async () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = createTokenProvider(PRODUCTION, fakeHost(), {
      loadNaa: () => Promise.reject(new Error('bridge unavailable')),
      dialog: fakeDialog(),
    });
    await expect(failing.ready?.()).resolves.toBeUndefined();
    const loadNaa = jest.fn();
    const noNaa = createTokenProvider(PRODUCTION, fakeHost({ naa: false }), {
      loadNaa,
      dialog: fakeDialog(),
    });
    await expect(noNaa.ready?.()).resolves.toBeUndefined();
    expect(loadNaa).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
