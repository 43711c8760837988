// Browser tests of the whole add-in: the sandbox (emulated Outlook page, local Office host, Graph
// emulator) with the real taskpane, in Debian's Chromium through playwright-core.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import type { RunningSandbox } from '../../sandbox/server';
import { startSandbox, type StartedSandbox } from '../../sandbox/start';
import { loadSamples } from '../../sandbox/seed';

export const SHARED = 'psd@force.example.police.uk';
export const SAMPLES = loadSamples();

export interface Harness {
  sandbox: StartedSandbox;
  browser: Browser;
  page: Page;
  /** Alerts, confirms or prompts any page opened (a hostile body must open none). */
  dialogs: string[];
  close(): Promise<void>;
}

export async function startHarness(
  options: { bypassCSP?: boolean; buildMode?: 'development' | 'production' } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cst-e2e-'));
  const sandbox = await startSandbox(
    {
      port: 0,
      host: '127.0.0.1',
      keep: false,
      build: true,
      dataDir,
      ...(options.buildMode ? { buildMode: options.buildMode } : {}),
    },
    () => undefined,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context: BrowserContext = await browser.newContext({
    ignoreHTTPSErrors: true,
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: 1500, height: 1000 },
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(sandbox.url);
  await page.waitForSelector('#messages button');
  return {
    sandbox,
    browser,
    page,
    dialogs,
    close: async () => {
      await browser.close();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One sandbox and browser for a test file: started before its tests, closed after them. The
 * returned object is filled in by `beforeAll`, so tests use it as the harness itself.
 */
export function useHarness(
  options: { bypassCSP?: boolean; buildMode?: 'development' | 'production' } = {},
): Harness {
  const harness = {} as Harness;
  beforeAll(
    async () => {
      Object.assign(harness, await startHarness(options));
      // A production build from a cold cache takes minutes on the 2-core CI machine.
    },
    options.buildMode === 'production' ? 400_000 : 180_000,
  );
  afterAll(async () => {
    await harness.close?.();
  });
  return harness;
}

/** The taskpane iframe's document. */
export async function pane(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('#taskpane')).contentFrame();
  if (!frame) throw new Error('the taskpane iframe has no document');
  return frame;
}

export function sample(key: string) {
  const found = SAMPLES.messages.find((m) => m.key === key);
  if (!found) throw new Error(`no sample ${key}`);
  return found;
}

/** Selects a sample in its mailbox's Inbox and waits until the pinned pane shows it. */
export async function open(page: Page, key: string): Promise<Frame> {
  const { message, mailbox } = sample(key);
  await page.locator(`#folders button[data-mailbox="${mailbox ?? SHARED}"][data-folder="inbox"]`).click();
  // The whole subject: "CO/01234/24" must not pick "CO/01234/24 - update".
  const subject = page.locator('.subject', { hasText: new RegExp(`^${escapeRegExp(message.subject)}$`) });
  await page.locator('#messages button', { has: subject }).click();
  const frame = await pane(page);
  await frame.getByText(`Subject: ${message.subject}`, { exact: true }).waitFor();
  return frame;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function answer(frame: Frame, answers: Array<'Yes' | 'No'>): Promise<void> {
  const groups = frame.locator('[role=radiogroup]');
  for (const [i, a] of answers.entries()) await groups.nth(i).getByLabel(a, { exact: true }).check();
}

// The read's button; a supervisor's pane also has "Record review" for the strategy.
export const recordButton = (frame: Frame) => frame.getByRole('button', { name: /^Record(?! review)/ });

/** Records the read and waits until the log row is saved and the mail action done. */
export async function record(frame: Frame): Promise<string> {
  const button = recordButton(frame);
  const label = (await button.textContent()) ?? '';
  await button.click();
  await frame.getByText('Your decision is saved for the contact log and the message is updated.').waitFor();
  return label;
}

export function logRows(sandbox: RunningSandbox) {
  const siteId =
    sandbox.store.siteId(SAMPLES.organisation.site.hostname, SAMPLES.organisation.site.path) ?? '';
  return sandbox.store.listItems(siteId, 'Contact Log');
}

export function stored(sandbox: RunningSandbox, internetMessageId: string, mailbox = SHARED) {
  const message = sandbox.store.messages(mailbox).find((m) => m.internetMessageId === internetMessageId);
  if (!message) throw new Error(`${internetMessageId} is not in ${mailbox}`);
  const folder = sandbox.store
    .folders(mailbox)
    .find((f) => f.id === message.folder || f.displayName === message.folder);
  return { ...message, folderName: folder?.displayName ?? message.folder };
}

export const AXE_SOURCE = (): string => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Waits until `check` holds, looking every 50 ms, for state outside the browser (the emulator's
 * store, the sandbox's counters). Fails with `what` when it does not hold within `timeoutMs`.
 */
export async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once the record button is enabled (the read is complete and history is in). */
export async function recordable(frame: Frame): Promise<void> {
  await frame.waitForFunction(() =>
    [...document.querySelectorAll('button')].some(
      (b) => /^Record(?! review)/.test(b.textContent ?? '') && !b.disabled,
    ),
  );
}
