// Renders assets/icon.svg to the PNG sizes the manifest references (16, 32, 64, 80, 128), with a
// transparent background, in the local Chromium. Run after changing the SVG: `npx tsx scripts/make-icons.ts`.
// The PNGs are committed, so a build never needs a browser.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

async function main(): Promise<void> {
  const assets = join(__dirname, '..', 'assets');
  const svg = readFileSync(join(assets, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
      );
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      writeFileSync(join(assets, `icon-${size}.png`), png);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`make-icons: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
