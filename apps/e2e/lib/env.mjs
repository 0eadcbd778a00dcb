/**
 * One scenario's world: its own emulator (fresh state from a seed), the demo server pointed at
 * it, a fresh browser profile, and helpers to drive and check the demo (axe on every screen,
 * screenshots, outbox codes, Cognito request counts).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { freshContext } from './browser.mjs';
import { root, startNextDemo } from './build.mjs';

export const POOL_ID = 'us-east-1_E2eTest01';
export const CLIENT_ID = 'e2eWebClient';
export const PASSWORD = 'Corr3ct-Horse!';
const SHOTS = join(root, '.artifacts/screenshots');

/** The seed of every scenario: TOTP optional, devices remembered on opt-in. */
export function seed({ users = [], tokenValidity } = {}) {
  return {
    pools: [
      {
        id: POOL_ID,
        name: 'e2e',
        aliasAttributes: ['email'],
        autoVerifiedAttributes: ['email'],
        mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
        deviceTracking: 'opt-in',
        clients: [
          {
            id: CLIENT_ID,
            explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            ...(tokenValidity ? { tokenValidity } : {}),
          },
        ],
        users,
      },
    ],
  };
}

/** A confirmed user with the shared password and a verified e-mail. */
export function user(username, extra = {}) {
  return {
    username,
    password: PASSWORD,
    attributes: { email: `${username}@example.com`, email_verified: true, given_name: 'Erin' },
    ...extra,
  };
}

/**
 * Starts a scenario's servers and browser.
 * @param {{ emulatorModule: any, demoServerModule: any, distDir: string, chromium: string }} shared
 */
export async function startEnv(shared, name, seedValue, demoConfig = {}, app = 'demo') {
  const requests = [];
  const requestTimes = [];
  // A seed may depend on the demo's URL (OAuth callback URLs are matched exactly): it is then a
  // function of that URL, applied again once the demo server has its port.
  const seedFor = typeof seedValue === 'function' ? seedValue : () => seedValue;
  const emulator = await shared.emulatorModule.startEmulatorServer({
    port: 0,
    seed: seedFor('http://127.0.0.1:0'),
    log: (line) => {
      requests.push(line);
      requestTimes.push(Date.now());
    },
  });
  const cognito = { endpoint: emulator.url, userPoolId: POOL_ID, clientId: CLIENT_ID };
  // `app: 'next'` scenarios run apps/next-demo; the others the Vite demo.
  const demo =
    app === 'next'
      ? await startNextDemo(cognito)
      : await shared.demoServerModule.startDemoServer({
          distDir: shared.distDir,
          cognito: {
            ...cognito,
            ...(typeof demoConfig === 'function' ? demoConfig(emulator.url) : demoConfig),
          },
        });
  if (typeof seedValue === 'function') emulator.emulator.api.seed(seedFor(demo.url));
  const browser = await freshContext(shared.chromium);
  const screens = [];
  const consoleErrors = [];
  let shot = 0;

  const env = {
    name,
    emulator,
    demo,
    context: browser.context,
    api: emulator.emulator.api,
    /** Errors the pages logged (console errors, uncaught exceptions), in order. */
    consoleErrors,
    /** Lines the emulator logged (`200 InitiateAuth`, `204 OPTIONS /`…), in order. */
    requests,
    /** When each of `requests` arrived (epoch ms). */
    requestTimes,
    /** Times of the token refreshes since request number `from`. */
    refreshesSince(from = 0) {
      return requests
        .map((line, i) => ({ line, at: requestTimes[i], i }))
        .filter((r) => r.i >= from && /^200 (InitiateAuth|GetTokensFromRefreshToken)$/.test(r.line))
        .map((r) => r.at);
    },
    /** The newest code the emulator "sent" to `username`. */
    code(username) {
      const code = emulator.emulator.api.outbox.lastCode(username, POOL_ID);
      if (!code) throw new Error(`no code in the outbox for ${username}`);
      return code;
    },
    /** Opens a tab on the demo. */
    async open(path = '/') {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`console: ${message.text()}`);
      });
      await page.goto(demo.url + path);
      return page;
    },
    /** Runs axe on the page (zero violations allowed) and saves a screenshot. */
    async screen(page, label) {
      await page.waitForLoadState('networkidle').catch(() => {});
      const result = await new AxeBuilder({ page }).analyze();
      shot += 1;
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({
        path: join(SHOTS, `${name}-${String(shot).padStart(2, '0')}-${label}.png`),
        fullPage: true,
      });
      screens.push(label);
      if (result.violations.length) {
        const text = result.violations
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          )
          .join('\n    ');
        throw new Error(`axe on "${label}":\n    ${text}`);
      }
    },
    /** Screenshots of every open tab, for a failed scenario. */
    async failureShots() {
      if (consoleErrors.length)
        console.log(`  browser errors:\n    ${consoleErrors.join('\n    ')}`);
      await mkdir(SHOTS, { recursive: true });
      let i = 0;
      for (const page of browser.context.pages()) {
        i += 1;
        await page.screenshot({ path: join(SHOTS, `${name}-failure-tab${i}.png`), fullPage: true });
      }
    },
    async close() {
      await browser.close();
      await demo.close();
      await emulator.close();
    },
  };
  return env;
}
