// `npm start`'s server in Chromium: the sandbox page comes up with the sample inbox, the taskpane
// iframe loads through the local Office host, selecting a message raises ItemChanged in the pane,
// a hostile HTML body runs nothing, and switching user starts a new session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { startSandbox } from '../../sandbox/start';
import type { RunningSandbox } from '../../sandbox/server';

let sandbox: RunningSandbox;
let browser: Browser;
let page: Page;
let dataDir: string;
const dialogs: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cst-sandbox-'));
  sandbox = await startSandbox(
    {
      port: 0,
      host: '127.0.0.1',
      keep: false,
      build: true,
      dataDir,
      taskpaneEntry: './test/sandbox/fixture-taskpane.ts',
    },
    () => undefined,
  );
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(sandbox.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function pane(): Promise<Frame> {
  const handle = await page.waitForSelector('#taskpane');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no taskpane frame');
  await frame.waitForSelector('#root[data-ready="true"]');
  return frame;
}

const attr = (frame: Frame, name: string) => frame.getAttribute('#root', name);

describe('the sandbox', () => {
  it('shows the sample inbox of the shared mailbox', async () => {
    await page.waitForSelector('#messages button');
    const subjects = await page.locator('#messages .subject').allTextContents();
    expect(subjects).toEqual(
      expect.arrayContaining(['CO/01234/24 - update', 'Contact form submission', 'last email']),
    );
  });

  it('loads the taskpane through the local Office host, signed in as the handler', async () => {
    const frame = await pane();
    expect(await attr(frame, 'data-user')).toBe('alex.handler@force.example.police.uk');
    expect(await frame.textContent('#root')).toBe('Nothing selected');
    expect(await frame.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('object');
  });

  it('raises ItemChanged in the pinned pane when another message is selected', async () => {
    const frame = await pane();
    await page.locator('#messages button', { hasText: 'CO/01234/24 - update' }).click();
    await frame.waitForSelector('#root[data-subject="CO/01234/24 - update"]');
    expect(await attr(frame, 'data-changes')).toBe('1');
    const itemId = (await attr(frame, 'data-item-id')) ?? '';
    const restId = (await attr(frame, 'data-rest-id')) ?? '';
    expect(itemId).toMatch(/[/+]/);
    expect(restId).toBe(itemId.replace(/\//g, '-').replace(/\+/g, '_'));
    expect(await attr(frame, 'data-owner')).toBe('psd@force.example.police.uk');
    await page.locator('#messages button', { hasText: 'last email' }).click();
    await frame.waitForSelector('#root[data-subject="last email"]');
    expect(await attr(frame, 'data-changes')).toBe('2');
  });

  it('shows a hostile HTML body as text, and nothing in it runs', async () => {
    await page.locator('#messages button', { hasText: 'Contact form submission' }).click();
    await page.waitForSelector('#reading pre');
    expect(await page.textContent('#reading pre')).toContain('please call me back');
    expect(await page.locator('#reading img, #reading script, #reading b').count()).toBe(0);
    await page.waitForTimeout(500);
    const frame = await pane();
    expect(await page.evaluate(() => (window as { __hostile?: string }).__hostile)).toBeUndefined();
    expect(await frame.evaluate(() => (window as { __hostile?: string }).__hostile)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('shows markup in a plain-text body literally, as text', async () => {
    await page.locator('#messages button', { hasText: 'Code from the website' }).click();
    await page.waitForFunction(() =>
      document.querySelector('#reading pre')?.textContent?.includes('onerror'),
    );
    expect(await page.textContent('#reading pre')).toContain('<img src="x" onerror="window.__hostile');
    expect(await page.locator('#reading img, #reading script').count()).toBe(0);
    const frame = await pane();
    await frame.waitForSelector('#root[data-subject="Code from the website"]');
    expect(await frame.textContent('#root')).toContain('Code from the website');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __hostile?: string }).__hostile)).toBeUndefined();
    expect(await frame.evaluate(() => (window as { __hostile?: string }).__hostile)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('starts a new session when the user is switched', async () => {
    await page.selectOption('#user', 'sam.supervisor@force.example.police.uk');
    const frame = await pane();
    expect(await attr(frame, 'data-user')).toBe('sam.supervisor@force.example.police.uk');
    await page.waitForSelector('#folders h2:has-text("Sam Supervisor")');
  });
});
