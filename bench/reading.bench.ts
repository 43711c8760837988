// Reading speed and the pane's main thread. Node part: each format the add-in reads (a long body,
// and PDF, DOCX, RTF and HTML attachments of the same letters), extraction and scanning together,
// in MB/s of input, each beside the same text read as a plain .txt attachment in the same run
// (the cost of the format itself). The body's reading (scan, matter references, fingerprint) is
// beside the scan alone. Browser part: the longest main-thread task in the pane while a 10 MB
// body (in a freshly loaded pane, until its first part is all in the page) and a PDF are read,
// beside a short message opened in the same run and beside how long the
// 10 MB reading would have blocked the main thread had it run there (the Node figure).
// Times are wall time for the async readers (pdf.js, mammoth) and CPU time for the body: best of
// a few runs, on a shared machine.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Frame, Page } from 'playwright-core';
import { seededRandom } from '../emulator/prng';
import { docx, rtf, textPdf } from '../sandbox/samples/files';
import { readBodyFacts } from '../src/core/body-facts';
import { scanBody, scanIndicators } from '../src/core/indicators';
import { readAttachment, type ReadContext } from '../src/reading/read';
import type { AttachmentInfo } from '../src/reading/types';
import { open, pane, sample, startHarness } from '../test/e2e/harness';
import { watchLongTasks } from '../test/e2e/long-tasks';
import { nodeLibs } from '../test/reading/libs';
import { DEMAND, SECOND_DEMAND, UNRELATED } from '../test/core/repeat.fixtures';

const ATTACHMENT_CHARS = 1_000_000;
const BODY_CHARS = 10 * 1024 * 1024;

/** Invented letters, paragraphs shuffled, to about `size` characters. */
function paragraphs(size: number, seed: number): string[] {
  const random = seededRandom(seed);
  const all = [DEMAND, SECOND_DEMAND, ...UNRELATED].flatMap((l) => l.split(/\n+/u)).filter(Boolean);
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const p = all[Math.floor(random() * all.length)] ?? DEMAND;
    out.push(p);
    length += p.length + 1;
  }
  return out;
}

const htmlOf = (ps: readonly string[]): Uint8Array =>
  new TextEncoder().encode(
    `<!doctype html><html><head><style>p{margin:0}</style></head><body>${ps
      .map(
        (p) => `<p>${p.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)}</p>`,
      )
      .join('\n')}</body></html>`,
  );

const FORMATS: Record<string, { name: string; type: string; make: (ps: readonly string[]) => Uint8Array }> = {
  text: { name: 'letter.txt', type: 'text/plain', make: (ps) => new TextEncoder().encode(ps.join('\n')) },
  pdf: { name: 'letter.pdf', type: 'application/pdf', make: (ps) => textPdf(ps) },
  docx: {
    name: 'letter.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    make: (ps) => docx(ps),
  },
  rtf: { name: 'letter.rtf', type: 'application/rtf', make: (ps) => rtf(ps) },
  html: { name: 'letter.html', type: 'text/html', make: htmlOf },
};

const ctx: ReadContext = {
  libs: { ...nodeLibs, pdf: () => Promise.resolve(pdfjs) },
  scan: (t) => scanIndicators(t),
};

async function bestWall(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function bestCpu(runs: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const mbps = (bytes: number, ms: number): number => Number((bytes / 1e6 / (ms / 1000)).toFixed(2));
const round = (x: number): number => Math.round(x);

async function formats(): Promise<Record<string, unknown>> {
  const ps = paragraphs(ATTACHMENT_CHARS, 11);
  const out: Record<string, unknown> = {};
  let plain = NaN;
  for (const [format, f] of Object.entries(FORMATS)) {
    const bytes = f.make(ps);
    const info: AttachmentInfo = {
      id: format,
      name: f.name,
      contentType: f.type,
      size: bytes.length,
      isInline: false,
      kind: 'file',
    };
    let reading: Awaited<ReturnType<typeof readAttachment>> | null = null;
    const ms = await bestWall(3, async () => {
      reading = await readAttachment(info, { format: 'bytes', bytes }, ctx);
    });
    const r = reading as Awaited<ReturnType<typeof readAttachment>> | null;
    if (!r || r.status !== 'read') throw new Error(`${format}: not read (${JSON.stringify(r)})`);
    const speed = mbps(bytes.length, ms);
    if (format === 'text') plain = speed;
    out[format] = {
      inputBytes: bytes.length,
      textChars: r.chars,
      ms: round(ms),
      MBps: speed,
      plainTextMBps: plain,
      ratioOverPlainText: Number((speed / plain).toFixed(3)),
    };
  }
  return out;
}

function body(): { figures: Record<string, unknown>; inPlaceMs: number } {
  const text = paragraphs(BODY_CHARS, 13).join('\n').slice(0, BODY_CHARS);
  const readMs = bestCpu(2, () => readBodyFacts('Everything, again', text));
  const scanMs = bestCpu(2, () => scanBody(text));
  return {
    inPlaceMs: readMs,
    figures: {
      chars: text.length,
      readMs: round(readMs),
      readMBps: mbps(text.length, readMs),
      scanOnlyMs: round(scanMs),
      scanOnlyMBps: mbps(text.length, scanMs),
    },
  };
}

/**
 * Longest main-thread task in the pane while a message is selected and its reading finishes.
 * Only locators scoped to small elements wait in the pane: Playwright's text search runs on the
 * pane's thread, and over the whole pane it would be measured as the pane's own long task.
 */
async function longestTask(page: Page, from: Frame, key: string, done: (f: Frame) => Promise<void>) {
  const longest = await watchLongTasks(from);
  const { message } = sample(key);
  const subject = page.locator('.subject', { hasText: new RegExp(`^${escape(message.subject)}$`) });
  await page.locator('#messages button', { has: subject }).click();
  const frame = await pane(page);
  await frame
    .locator('p', { hasText: new RegExp(`^Subject: ${escape(message.subject)}$`) })
    .waitFor({ timeout: 120_000 });
  await done(frame);
  const ms = await longest();
  return {
    pane: round(ms.pane),
    officeJsDelivery: round(ms.officeDelivery),
    emulatedOutlookPage: round(ms.page),
  };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function browser(inPlaceMs: number): Promise<Record<string, unknown>> {
  // The production build, as Outlook runs it (React's development build is several times slower).
  const h = await startHarness({ buildMode: 'production' });
  try {
    const page = h.page;
    const verdict = async (f: Frame) => {
      await f
        .locator('p', { hasText: /^Highlighted: |^No phrases highlighted/ })
        .waitFor({ timeout: 120_000 });
    };
    // The verdict, and the whole first part of the text in the page.
    const bodyShown = async (f: Frame) => {
      await verdict(f);
      await f.locator('[data-testid="message-text"][aria-busy="false"]').waitFor({ timeout: 120_000 });
    };
    const readingDone = async (f: Frame) => {
      await f
        .getByTestId('attachments')
        .getByText(/Read as PDF/)
        .waitFor({ timeout: 120_000 });
    };
    // Each from the same short message, in the shared mailbox's Inbox.
    const short = await longestTask(page, await open(page, 'paul-compliant'), 'hostile-text', verdict);
    // The 10 MB body in a freshly loaded pane, as the browser test opens it: a pane that has
    // already run the same code does the same work in about half the time.
    await page.reload();
    await page.waitForSelector('#messages button', { timeout: 120_000 });
    const long = await longestTask(page, await open(page, 'paul-compliant'), 'long-10mb', bodyShown);
    const pdf = await longestTask(page, await open(page, 'paul-compliant'), 'casey-pdf', readingDone);
    return {
      longestTaskMs: { body10MB: long, pdfAttachment: pdf, shortMessageBaseline: short },
      body10MBInPlaceWouldBlockMs: round(inPlaceMs),
    };
  } finally {
    await h.close();
  }
}

export default async function bench(): Promise<Record<string, unknown>> {
  const b = body();
  const out: Record<string, unknown> = { body: b.figures, attachments: await formats() };
  if (process.env.CST_BENCH_READING_NODE_ONLY !== '1') out.pane = await browser(b.inPlaceMs);
  return out;
}
