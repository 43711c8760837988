// The taskpane at its real size in Outlook on a 1366×768 laptop: 350 px wide, 700 px tall. The
// sandbox page lays the pane out in a wider column; these helpers narrow it so a browser test
// sees what a handler sees without scrolling.
import type { Frame, Page } from 'playwright-core';
import { pane } from './harness';

export const PANE = { width: 350, height: 700 } as const;

/** Sizes the pinned taskpane iframe to 350 × 700 CSS pixels (the page grows to fit it). */
export async function paneAt350x700(page: Page): Promise<void> {
  await page.evaluate(({ width }) => {
    const main = document.querySelector('main');
    if (main) main.style.gridTemplateColumns = `360px 1fr ${width + 1}px`;
  }, PANE);
  // The iframe fills the column under the page header and the pane's title bar.
  const chrome = await page.evaluate(() => {
    const frame = document.getElementById('taskpane');
    return frame ? frame.getBoundingClientRect().top : 0;
  });
  await page.setViewportSize({ width: 1500, height: Math.ceil(chrome) + PANE.height });
  await page.waitForFunction(({ width, height }) => {
    const r = document.getElementById('taskpane')?.getBoundingClientRect();
    return !!r && Math.round(r.width) === width && Math.round(r.height) === height;
  }, PANE);
}

/** Whether an element of the pane lies wholly inside the first 700 px, with the pane unscrolled. */
export async function aboveTheFold(frame: Frame, selector: string): Promise<boolean> {
  return frame.evaluate(
    ({ selector, height }) => {
      const el = document.querySelector(selector);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return window.scrollY === 0 && r.height > 0 && r.top >= 0 && r.bottom <= height;
    },
    { selector, height: PANE.height },
  );
}

/** A screenshot of the pane as it stands, unscrolled, at 350 × 700. */
export async function shootPane(page: Page, path: string): Promise<void> {
  const frame = await pane(page);
  await frame.evaluate(() => window.scrollTo(0, 0));
  await (await page.waitForSelector('#taskpane')).screenshot({ path });
}
