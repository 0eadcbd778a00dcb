import { PASSWORD, seed, user } from '../lib/env.mjs';
import { expectHeading, expectSignedIn, submitSignIn } from '../lib/steps.mjs';

const NEW = 'Brand-New-Passw0rd!';

/** 6. Forgot password → code from the outbox → the new password works, the old one fails. */
export const forgotPassword = {
  name: 'forgot-password',
  seed: seed({ users: [user('fred')] }),
  async run(env) {
    const page = await env.open();
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await expectHeading(page, 'Reset your password');
    await env.screen(page, 'forgot-password');
    await page.getByLabel('Username').fill('fred');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('New password', { exact: true }).waitFor();
    await env.screen(page, 'reset-password');
    await page.getByRole('textbox', { name: 'Code' }).fill(env.code('fred'));
    await page.getByLabel('New password', { exact: true }).fill(NEW);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('Your password has been reset').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).first().click();

    await submitSignIn(page, 'fred', PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'Incorrect username or password' }).waitFor();
    await submitSignIn(page, 'fred', NEW);
    await expectSignedIn(page);
  },
};
