import { seed, user } from '../lib/env.mjs';
import { check, expectSignedIn, submitSignIn } from '../lib/steps.mjs';

/** 7. A reload keeps the session and sends zero requests to Cognito (counted by the emulator). */
export const reload = {
  name: 'reload',
  seed: seed({ users: [user('rita')] }),
  async run(env) {
    const page = await env.open();
    await submitSignIn(page, 'rita');
    await expectSignedIn(page);
    await page.waitForLoadState('networkidle');
    const before = env.requests.length;
    await page.reload();
    await expectSignedIn(page);
    await page.waitForLoadState('networkidle');
    const during = env.requests.slice(before);
    check(
      during.length === 0,
      `the reload sent ${during.length} Cognito request(s): ${during.join(', ')}`,
    );
    await env.screen(page, 'home-after-reload');
  },
};
