// Renders assets/icon.svg to the PNG sizes the manifest uses (public/icon/<size>.png). Run after
// changing the SVG: `node scripts/icons.mjs`. Needs a Chromium (see scripts/chromium.mjs).
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium, chromiumHelp } from './chromium.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(chromiumHelp());
  process.exit(1);
}
const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const outDir = new URL('../public/icon/', import.meta.url);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: new URL(`${size}.png`, outDir).pathname, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log('Wrote public/icon/{16,32,48,128}.png');
