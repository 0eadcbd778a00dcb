/**
 * Debian's Chromium through playwright-core: installed on demand, launched with the flags the
 * project asks for and a fresh profile per scenario.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium binary, installing Debian's package when it is missing. */
export function chromiumPath() {
  const found = () => {
    try {
      return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/bash' }).trim();
    } catch {
      return '';
    }
  };
  let path = found();
  if (!path) {
    console.log('chromium is missing: apt-get install -y chromium');
    execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
    path = found();
  }
  if (!path || !existsSync(path)) throw new Error('chromium could not be installed');
  return path;
}

/**
 * A browser context on a fresh user-data directory (its own storage, cookies, devices).
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close(): Promise<void> }>}
 */
export async function freshContext(executablePath, options = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ck-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1200, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
