import { seed, user } from '../lib/env.mjs';
import { check, expectSignedIn, submitSignIn } from '../lib/steps.mjs';

/** 2. A wrong password shows an announced error; the right one signs in. */
export const wrongPassword = {
  name: 'wrong-password',
  seed: seed({ users: [user('wendy')] }),
  async run(env) {
    const page = await env.open();
    await env.screen(page, 'sign-in');
    await submitSignIn(page, 'wendy', 'Not-The-Passw0rd!');
    const alert = page.getByRole('alert').filter({ hasText: 'Incorrect username or password' });
    await alert.waitFor();
    // role=alert is what screen readers announce; it must be the visible error, not a copy.
    check(await alert.isVisible(), 'the error is not visible');
    await env.screen(page, 'sign-in-error');
    await submitSignIn(page, 'wendy');
    await expectSignedIn(page);
    check(
      (await page.getByTestId('signed-in-user').textContent()) === 'Erin',
      'not signed in as wendy',
    );
    await env.screen(page, 'home');
  },
};
