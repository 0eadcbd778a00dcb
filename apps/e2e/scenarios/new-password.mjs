import { POOL_ID, seed } from '../lib/env.mjs';
import { check, expectHeading, expectSignedIn, submitSignIn } from '../lib/steps.mjs';

const TEMPORARY = 'Temp-Passw0rd-1!';
const CHOSEN = 'Chosen-Passw0rd-2!';

/** 5. An administrator-created user signs in with the temporary password and must pick a new one. */
export const newPassword = {
  name: 'new-password',
  seed: seed({
    users: [
      {
        username: 'nina',
        password: TEMPORARY,
        status: 'FORCE_CHANGE_PASSWORD',
        attributes: { email: 'nina@example.com', email_verified: true, given_name: 'Nina' },
      },
    ],
  }),
  async run(env) {
    const page = await env.open();
    await submitSignIn(page, 'nina', TEMPORARY);
    await expectHeading(page, 'Choose a new password');
    await env.screen(page, 'new-password');
    await page.getByLabel('New password', { exact: true }).fill(CHOSEN);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectSignedIn(page);
    check(env.api.getUser(POOL_ID, 'nina')?.status === 'CONFIRMED', 'nina is not CONFIRMED');
    // The new password is the one that works from now on.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await submitSignIn(page, 'nina', CHOSEN);
    await expectSignedIn(page);
  },
};
