import { POOL_ID, seed, user } from '../lib/env.mjs';
import { check, expectSignedIn, navigate, submitSignIn } from '../lib/steps.mjs';

const PAGES = ['Home', 'Profile', 'Security', 'Protected API'];

/**
 * Every signed-in page in the light and the dark theme (axe + screenshots), and the profile page's
 * own flow: change the e-mail, then verify it with the code from the outbox.
 */
export const tour = {
  name: 'tour',
  seed: seed({ users: [user('paula')] }),
  async run(env) {
    const page = await env.open();
    await submitSignIn(page, 'paula');
    await expectSignedIn(page);
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      for (const label of PAGES) {
        await navigate(page, label);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await env.screen(page, `${label.toLowerCase().replace(/ /g, '-')}-${theme}`);
      }
    }
    await page.getByRole('button', { name: 'Light theme' }).click();

    await navigate(page, 'Profile');
    await page.getByLabel('E-mail', { exact: true }).fill('paula.new@example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Send a verification code' }).click();
    // Read the outbox only once the new code was sent (it replaces the one the update sent).
    await page.getByText('We sent a code to paula.new@example.com').waitFor();
    await page.getByLabel('Verification code').fill(env.code('paula'));
    await env.screen(page, 'profile-verify-email');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('paula.new@example.com is verified.').waitFor();
    const attributes = env.api.getUser(POOL_ID, 'paula')?.attributes ?? {};
    check(attributes.email === 'paula.new@example.com', 'the e-mail did not change');
    check(attributes.email_verified === 'true', 'the e-mail is not verified');

    // The signed-out screens in the dark theme too.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await env.screen(page, 'sign-in-dark');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await env.screen(page, 'sign-up-dark');
  },
};
