/** @jest-environment jsdom */
import './jsdom-setup';
import { screen, waitFor } from '@testing-library/react';
import { createServices, firstCallTakesOver, startServices } from '../../src/taskpane/bootstrap';
import { FakeHost, message } from './fakes';

/**
 * Loads the entry point afresh, as the page does. The isolated module registry gives the entry
 * point its own copy of React, so the render is wrapped in that copy's act(), not the outer one.
 */
async function boot(): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    const { act } = await import('react');
    await act(async () => {
      await import('../../src/taskpane/index');
      await new Promise((r) => setTimeout(r, 20));
    });
  });
}

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  delete (globalThis as { Office?: unknown }).Office;
  delete (window as { __CST_CONFIG__?: unknown }).__CST_CONFIG__;
});

describe('taskpane bootstrap', () => {
  test('office.js missing: a clear error, not a blank pane', async () => {
    await boot();
    expect(screen.getByText('The contact strategy pane could not start')).toBeTruthy();
    expect(screen.getByText(/Office did not load in this pane/)).toBeTruthy();
  });

  test('a broken configuration is named in the error state', async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: 'Outlook' }),
      context: { officeTheme: { bodyBackgroundColor: '#1f1f1f' } },
    };
    (window as { __CST_CONFIG__?: unknown }).__CST_CONFIG__ = { mode: 'staging' };
    await boot();
    expect(screen.getByText('The contact strategy pane could not start')).toBeTruthy();
    expect(screen.getByText(/__CST_CONFIG__\.mode must be "production" or "sandbox"/)).toBeTruthy();
  });

  const config = {
    mode: 'sandbox' as const,
    graphBaseUrl: 'https://localhost:3100/v1.0',
    siteHostname: 'contoso.example.com',
    sitePath: '/sites/psd',
    clientId: 'x',
    authority: 'https://login.example.com',
  };

  test('without IndexedDB the pane still starts, with a direct outbox and a warning', async () => {
    // The Graph SDK insists on a fetch at construction; the start-up's early reads fail unseen.
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError('offline')));
    const { services, outboxWarning } = await createServices(config, new FakeHost(message()));
    expect(outboxWarning).toMatch(/cannot keep decisions while offline/);
    expect(services.outbox.state()).toEqual({ pending: 0, lastError: null, nextRetryAt: null });
    expect(typeof services.mailFor).toBe('function');
  });

  test('the strategies and settings are asked for with the first token, before the pane runs, and not twice', async () => {
    const asked: string[] = [];
    // SharePoint never answers here: each request is counted once, none is retried.
    (globalThis as { fetch?: unknown }).fetch = jest.fn((input: unknown) => {
      asked.push(decodeURIComponent(String((input as { url?: string }).url ?? input)));
      return new Promise(() => undefined);
    });
    const count = (list: string) => asked.filter((url) => url.includes(`/lists/${list}/items`)).length;
    const booting = startServices(config, new FakeHost(message()));
    await booting.tokenAsked;
    await waitFor(() => expect([count('Contact Strategies'), count('Triage Settings')]).toEqual([1, 1]));
    const { services } = await booting.services;
    // The start-up's first reads take these over; a later settings load (a retry) asks again.
    void services.strategies.sync();
    void services.settings.load();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([count('Contact Strategies'), count('Triage Settings')]).toEqual([1, 1]);
    void services.settings.load();
    await waitFor(() => expect(count('Triage Settings')).toBe(2));
  });

  test('a load begun early goes to the first caller only', async () => {
    const load = jest.fn(() => Promise.resolve('fresh'));
    const early = Promise.reject(new Error('early failure'));
    const get = firstCallTakesOver(early, load);
    await expect(get()).rejects.toThrow('early failure');
    await expect(get()).resolves.toBe('fresh');
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("the pane's code runs only once the first token is asked for, then renders with the services begun", async () => {
    let asked!: () => void;
    const tokenAsked = new Promise<void>((resolve) => (asked = resolve));
    const services = new Promise<never>(() => undefined);
    const runPane = jest.fn(() => Promise.resolve());
    (globalThis as { Office?: unknown }).Office = { onReady: () => Promise.resolve({ host: 'Outlook' }) };
    (window as { __CST_CONFIG__?: unknown }).__CST_CONFIG__ = config;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../../src/taskpane/bootstrap', () => ({
        startServices: () => ({ services, tokenAsked }),
      }));
      jest.doMock('../../src/taskpane/pane', () => ({ runPane }));
      await import('../../src/taskpane/index');
      await new Promise((r) => setTimeout(r, 20));
      expect(runPane).not.toHaveBeenCalled();
      asked();
      await waitFor(() => expect(runPane).toHaveBeenCalledWith(document.getElementById('root'), services));
    });
  });
});
