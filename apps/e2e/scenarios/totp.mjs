import { seed, user } from '../lib/env.mjs';
import {
  answerTotp,
  expectSignedIn,
  setUpTotp,
  signOut,
  submitSignIn,
  totp,
} from '../lib/steps.mjs';

/** 3. TOTP set up from the security page, then asked for (and answered) at the next sign-in. */
export const totpScenario = {
  name: 'totp',
  seed: seed({ users: [user('tom')] }),
  async run(env) {
    const page = await env.open();
    await submitSignIn(page, 'tom');
    await expectSignedIn(page);
    const secret = await setUpTotp(env, page);
    await env.screen(page, 'security-totp-on');
    await signOut(page);

    await submitSignIn(page, 'tom');
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await env.screen(page, 'mfa-challenge');
    // A wrong code is refused and announced; the right one signs in.
    await page
      .getByRole('textbox', { name: 'Code' })
      .fill(totp(secret) === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not right' }).waitFor();
    await answerTotp(page, secret);
    await expectSignedIn(page);
  },
};
