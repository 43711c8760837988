// The taskpane in a real browser (Chromium) inside the sandbox, against the local Graph emulator:
//   load   from pointing the pinned iframe at taskpane.html to the pane showing the selected
//          message (Office handshake, config, strategy snapshot, settings, history, evaluation,
//          render). Target: "load in 500 ms or less" (office-platform.md). Baseline, same loads:
//          the frame's own DOMContentLoaded (fetching and running the bundle, nothing else).
//   switch from a click on another message to the pinned pane showing it (ItemChanged, item read,
//          evaluation, render). Target: under 1 s, ideally "instant" (≤ 100 ms). Baseline, same
//          clicks: the sandbox page's own reading pane showing that message.
// Local emulator, no network latency: real Graph adds its round trips on top of the load figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { startSandbox } from '../sandbox/start';
import { loadSamples } from '../sandbox/seed';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';

const LOADS = 8;
const SWITCHES = 24;
const SUBJECTS = loadSamples()
  .messages.filter((m) => !m.mailbox)
  .map((m) => m.message.subject)
  .filter((s, i, all) => all.indexOf(s) === i)
  .slice(0, 6);

// Runs in every frame before its scripts: notes when the pane first shows a message's subject.
// `__name`: tsx (esbuild keepNames) wraps named functions in the callbacks passed to evaluate().
const INIT_SCRIPT = `(() => {
  window.__name = window.__name || ((f) => f);
  const seen = () => performance.timeOrigin + performance.now();
  const watch = () => {
    const check = () => {
      if (!window.__cstShown && document.body && document.body.textContent.includes('Subject: ')) {
        window.__cstShown = seen();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  };
  watch();
})();`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function p90(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)] as number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

async function paneFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('#taskpane')).contentFrame();
  if (!frame) throw new Error('no taskpane frame');
  return frame;
}

async function measureLoad(page: Page, subject: string): Promise<{ pane: number; domReady: number }> {
  const start = await page.evaluate(() => {
    const frame = document.getElementById('taskpane') as HTMLIFrameElement;
    const t0 = performance.timeOrigin + performance.now();
    frame.src = `taskpane.html?load=${t0}`;
    return t0;
  });
  const frame = await paneFrame(page);
  await frame.waitForFunction((s) => document.body?.textContent?.includes(`Subject: ${s}`), subject, {
    polling: 'raf',
    timeout: 30_000,
  });
  const times = await frame.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      shown: (window as unknown as { __cstShown: number }).__cstShown,
      domReady: performance.timeOrigin + (nav?.domContentLoadedEventEnd ?? 0),
    };
  });
  return { pane: times.shown - start, domReady: times.domReady - start };
}

async function measureSwitch(page: Page, subject: string): Promise<{ pane: number; readingPane: number }> {
  const frame = await paneFrame(page);
  const paneShown = frame.evaluate(
    (s) =>
      new Promise<number>((resolve) => {
        const done = () => {
          if (document.body.textContent?.includes(`Subject: ${s}`)) {
            observer.disconnect();
            resolve(performance.timeOrigin + performance.now());
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
    subject,
  );
  const result = await page.evaluate(async (s) => {
    const reading = document.getElementById('reading') as HTMLElement;
    const readingShown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (reading.querySelector('h2')?.textContent === s) {
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      });
      observer.observe(reading, { childList: true, subtree: true });
    });
    const button = [...document.querySelectorAll<HTMLButtonElement>('#messages button')].find(
      (b) => b.querySelector('.subject')?.textContent === s,
    );
    if (!button) throw new Error(`no message "${s}" in the list`);
    const t0 = performance.timeOrigin + performance.now();
    button.click();
    return { t0, reading: await readingShown };
  }, subject);
  const pane = await paneShown;
  return { pane: pane - result.t0, readingPane: result.reading - result.t0 };
}

export default async function browserBench(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cst-bench-'));
  const sandbox = await startSandbox(
    { port: 0, host: '127.0.0.1', keep: false, build: true, dataDir, buildMode: 'production' },
    () => undefined,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1500, height: 1000 },
    });
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    await page.goto(sandbox.url);
    await page.waitForSelector('#messages button');
    const first = SUBJECTS[0] as string;
    // Warm-up: the first selection also fills the taskpane's snapshot and history caches.
    await measureSwitch(page, first);

    const loads: Array<{ pane: number; domReady: number }> = [];
    for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(page, first));

    await measureSwitch(page, SUBJECTS[1] as string);
    const switches: Array<{ pane: number; readingPane: number }> = [];
    for (let i = 0; i < SWITCHES; i++) {
      switches.push(await measureSwitch(page, SUBJECTS[(i + 2) % SUBJECTS.length] as string));
    }

    const loadPane = loads.map((l) => l.pane);
    const loadDom = loads.map((l) => l.domReady);
    const switchPane = switches.map((s) => s.pane);
    const switchReading = switches.map((s) => s.readingPane);
    return {
      loads: LOADS,
      switches: SWITCHES,
      loadMedianMs: round(median(loadPane)),
      loadP90Ms: round(p90(loadPane)),
      loadBaselineDomContentLoadedMedianMs: round(median(loadDom)),
      loadRatio: round(median(loadPane) / median(loadDom)),
      loadTargetMs: 500,
      switchMedianMs: round(median(switchPane)),
      switchP90Ms: round(p90(switchPane)),
      switchBaselineReadingPaneMedianMs: round(median(switchReading)),
      switchRatio: round(median(switchPane) / median(switchReading)),
      switchTargetMs: 100,
      note: 'Chromium, production build, local Graph emulator (no network latency)',
    };
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
