#!/usr/bin/env node
// Screenshots of the main screens for the docs: docs/screenshots/<screen>-<width>-<scheme>.png at
// 375 and 1000 px wide, light and dark. Two steps: the react test project runs each screen's story
// against the emulator (test/screenshots.capture.test.tsx, skipped in normal runs) and writes it as
// a standalone HTML page with styles.css inlined; then Chromium (playwright-core, the system's
// /usr/bin/chromium or CHROMIUM_PATH) photographs each page. Usage: node scripts/screenshots.mjs [filter]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs/screenshots');
const filter = process.argv[2] ?? '';
const html = mkdtempSync(path.join(tmpdir(), 'ck-screens-'));

execFileSync(
  'npx',
  [
    '--yes',
    'pnpm@10.34.8',
    'vitest',
    'run',
    '--project',
    'react',
    'test/screenshots.capture',
    ...(filter ? ['-t', filter] : []),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CK_SCREENSHOTS: html } },
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
  const pages = readdirSync(html).filter((f) => f.endsWith('.html'));
  for (const file of pages) {
    const name = file.replace(/\.html$/, '');
    for (const width of [375, 1000]) {
      for (const colorScheme of ['light', 'dark']) {
        const context = await browser.newContext({
          viewport: { width, height: 640 },
          colorScheme,
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        await page.goto(`file://${path.join(html, file)}`);
        const shot = path.join(outDir, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        await context.close();
        console.log(path.relative(root, shot));
      }
    }
  }
} finally {
  await browser.close();
  rmSync(html, { recursive: true, force: true });
}
