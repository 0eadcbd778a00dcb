import { PASSWORD, POOL_ID, seed } from '../lib/env.mjs';
import { check, expectHeading, expectSignedIn, submitSignIn } from '../lib/steps.mjs';

/** 1. Sign up → confirm with the code from the emulator's outbox → signed in. */
export const signUp = {
  name: 'sign-up',
  seed: seed(),
  async run(env) {
    const page = await env.open();
    await page.getByRole('button', { name: 'Create an account' }).click();
    await expectHeading(page, 'Create an account');
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Email').fill('sam@example.com');
    await page.getByLabel('First name').fill('Sam');
    await env.screen(page, 'sign-up');
    await page.getByRole('button', { name: 'Sign up' }).click();

    await expectHeading(page, 'Confirm your account');
    check(
      env.api.getUser(POOL_ID, 'sam')?.status === 'UNCONFIRMED',
      'the new user is not UNCONFIRMED',
    );
    await env.screen(page, 'confirm-sign-up');
    await page.getByRole('textbox', { name: 'Code' }).fill(env.code('sam'));
    await page.getByRole('button', { name: 'Verify' }).click();
    // Confirmed: the Authenticator goes back to sign-in.
    await submitSignIn(page, 'sam');
    await expectSignedIn(page);
    check(env.api.getUser(POOL_ID, 'sam')?.status === 'CONFIRMED', 'sam is not CONFIRMED');
    check(
      (await page.getByTestId('signed-in-user').textContent()) === 'Sam',
      'not signed in as Sam',
    );
  },
};
