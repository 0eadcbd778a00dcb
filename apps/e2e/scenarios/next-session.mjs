/**
 * apps/next-demo (Next.js App Router) in Chromium: the session in cookies, seen by a server
 * component, a route handler and the proxy. Every page is checked for console errors (a
 * hydration mismatch is one) and with axe.
 */
import { seed, user } from '../lib/env.mjs';
import { check, expectHeading, submitSignIn } from '../lib/steps.mjs';

/** Access and ID tokens live this long, so a scenario can outlive them. */
const LIFETIME_S = 4;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails when a page logged an error: hydration mismatches, uncaught exceptions. */
function expectNoPageErrors(env) {
  check(
    env.consoleErrors.length === 0,
    `the pages logged errors:\n${env.consoleErrors.join('\n')}`,
  );
}

/** Opens `/`, is sent to /sign-in, signs in, and waits for the server-rendered account page. */
async function signInThroughProxy(env, username) {
  const page = await env.open('/');
  await expectHeading(page, 'Sign in');
  check(new URL(page.url()).pathname === '/sign-in', `expected /sign-in, at ${page.url()}`);
  await submitSignIn(page, username);
  await expectHeading(page, 'Your account');
  await page.getByTestId('server-user').getByText(username, { exact: true }).waitFor();
  return page;
}

/** Sign in → the server page shows the user; the route handler knows them too. */
export const nextSignIn = {
  name: 'next-sign-in',
  app: 'next',
  seed: seed({ users: [user('nora')] }),
  async run(env) {
    const page = await signInThroughProxy(env, 'nora');
    const text = await page.getByTestId('server-user').innerText();
    check(text.includes('nora@example.com'), `the server page shows: ${text}`);
    await page.getByRole('button', { name: 'Call the route handler' }).click();
    await page.getByTestId('route-answer').getByText('hello, nora').waitFor();
    // A full server render of the page (no client navigation) shows the user as well.
    await page.reload();
    await page.getByTestId('server-user').getByText('nora', { exact: true }).waitFor();
    await env.screen(page, 'next-account');
    expectNoPageErrors(env);
  },
};

/** Expired tokens, no page open to refresh them: the proxy refreshes them for the next request. */
export const nextServerRefresh = {
  name: 'next-server-refresh',
  app: 'next',
  seed: seed({
    users: [user('omar')],
    tokenValidity: { accessToken: LIFETIME_S, idToken: LIFETIME_S, refreshToken: 3600 },
  }),
  async run(env) {
    const page = await signInThroughProxy(env, 'omar');
    const before = await page.locator('time').getAttribute('datetime');
    // No script runs any more: whatever refreshes now is the server.
    await page.close();
    await sleep(LIFETIME_S * 1000 + 1500);
    const from = env.requests.length;
    const again = await env.open('/');
    await again.getByTestId('server-refreshed').waitFor();
    await again.getByTestId('server-user').getByText('omar', { exact: true }).waitFor();
    const after = await again.locator('time').getAttribute('datetime');
    check(Date.parse(after) > Date.parse(before), `token expiry went from ${before} to ${after}`);
    check(Date.parse(after) > Date.now(), `the page shows an expired token (${after})`);
    const refreshes = env.refreshesSince(from);
    check(refreshes.length >= 1, 'no refresh reached the emulator');
    // The browser got the new cookies: the route handler accepts them without a refresh of its own.
    const answer = await again.request.get(`${env.demo.url}/api/me`);
    check(answer.ok(), `the route handler answered ${answer.status()} ${await answer.text()}`);
    await env.screen(again, 'next-refreshed-by-server');
    expectNoPageErrors(env);
  },
};

/** Sign-out → the server page sends the visitor to /sign-in, and so does the route handler. */
export const nextSignOut = {
  name: 'next-sign-out',
  app: 'next',
  seed: seed({ users: [user('pia')] }),
  async run(env) {
    const page = await signInThroughProxy(env, 'pia');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading(page, 'Sign in');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    const cookies = await env.context.cookies();
    check(
      !cookies.some((c) => c.name.startsWith('cognito-kit.')),
      `session cookies left: ${cookies.map((c) => c.name).join(', ')}`,
    );
    await page.goto(`${env.demo.url}/`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    const answer = await page.request.get(`${env.demo.url}/api/me`);
    check(answer.status() === 401, `the route handler answered ${answer.status()} signed out`);
    await env.screen(page, 'next-signed-out');
    expectNoPageErrors(env);
  },
};
