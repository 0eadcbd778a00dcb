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

/** Types the MFA code into the challenge screen and submits it. */
export async function answerTotp(page, secret) {
  await expectHeading(page, 'Enter your code');
  await page.getByLabel('Code').fill(totp(secret));
  await page
    .getByRole('button', { name: /Verify|Submit|Continue/ })
    .first()
    .click();
}
