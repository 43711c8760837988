/** @jest-environment jsdom */
import './jsdom-setup';
import { screen } from '@testing-library/react';
import { createServices } from '../../src/taskpane/bootstrap';
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

  test('without IndexedDB the pane still starts, with a direct outbox and a warning', async () => {
    const config = {
      mode: 'sandbox' as const,
      graphBaseUrl: 'https://localhost:3100/v1.0',
      siteHostname: 'contoso.example.com',
      sitePath: '/sites/psd',
      clientId: 'x',
      authority: 'https://login.example.com',
    };
    // The Graph SDK insists on a fetch at construction; nothing is requested here.
    (globalThis as { fetch?: unknown }).fetch = jest.fn();
    const { services, outboxWarning } = await createServices(config, new FakeHost(message()));
    expect(outboxWarning).toMatch(/cannot keep decisions while offline/);
    expect(services.outbox.state()).toEqual({ pending: 0, lastError: null, nextRetryAt: null });
    expect(typeof services.mailFor).toBe('function');
  });
});
