/** Steps the scenarios share, written against what a user sees (labels, roles, headings). */
import * as OTPAuth from 'otpauth';
import { PASSWORD } from './env.mjs';

/** Fails with `message` unless `condition`. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Waits for the heading named `name`. */
export async function expectHeading(page, name) {
  await page.getByRole('heading', { name }).first().waitFor();
}

/** Fills the sign-in form and submits it. */
export async function submitSignIn(page, username, password = PASSWORD) {
  await expectHeading(page, 'Sign in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits for the signed-in shell. */
export async function expectSignedIn(page) {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Waits for the signed-out screen. */
export async function expectSignedOut(page) {
  await expectHeading(page, 'Sign in');
}

/** The current TOTP code of a base32 secret (`offset` in 30-second steps). */
export function totp(secret, offset = 0) {
  const generator = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
  });
  return generator.generate({ timestamp: Date.now() + offset * 30_000 });
}

/** Codes already accepted, per secret: Cognito refuses a code a second time in its window. */
const spent = new Map();

/** The current TOTP code, waiting for the next 30-second step if this one was already used. */
export async function freshTotp(secret) {
  const used = spent.get(secret) ?? new Set();
  let code = totp(secret);
  while (used.has(code)) {
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
    code = totp(secret);
  }
  used.add(code);
  spent.set(secret, used);
  return code;
}

/** Types a fresh TOTP code into the challenge screen and submits it. */
export async function answerTotp(page, secret) {
  await expectHeading(page, 'Enter your code');
  await page.getByRole('textbox', { name: 'Code' }).fill(await freshTotp(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
}

/** Goes to a page of the signed-in shell through the main navigation. */
export async function navigate(page, label) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
}

/**
 * Sets up TOTP from the security page: reads the key the page shows, answers with a code
 * computed from it. Returns the secret.
 */
export async function setUpTotp(env, page) {
  await navigate(page, 'Security');
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const key = page.locator('.ck-secret code');
  await key.waitFor();
  const secret = (await key.textContent()).replace(/\s+/g, '');
  check(/^[A-Z2-7]{16,}$/.test(secret), 'the setup key is not base32');
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  await env.screen(page, 'totp-setup');
  await page.getByRole('textbox', { name: 'Code' }).fill(await freshTotp(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByText('Your authenticator app is set up.').waitFor();
  return secret;
}

/** Signs out from the header. */
export async function signOut(page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expectSignedOut(page);
}

/** Polls `condition` (up to 10 s) for state that settles in the background; fails with `message`. */
export async function eventually(condition, message) {
  for (let i = 0; i < 100; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(message());
}
