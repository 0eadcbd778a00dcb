import { POOL_ID, seed, user } from '../lib/env.mjs';
import {
  answerTotp,
  check,
  eventually,
  expectHeading,
  expectSignedIn,
  navigate,
  signOut,
  submitSignIn,
} from '../lib/steps.mjs';

const SECRET = 'KRUGS4ZAMFZGK3TPORRWC3DMMVZCA2LU';

/** 4. Remember the device → the next sign-in skips MFA → forget it → MFA is asked again. */
export const rememberDevice = {
  name: 'remember-device',
  seed: seed({ users: [user('dora', { mfa: { totpSecret: SECRET, preferred: 'TOTP' } })] }),
  async run(env) {
    const page = await env.open();
    await expectHeading(page, 'Sign in');
    await page.getByLabel('Remember this device').check();
    await submitSignIn(page, 'dora');
    await answerTotp(page, SECRET);
    await expectSignedIn(page);
    const remembered = () =>
      Object.values(env.api.getUser(POOL_ID, 'dora')?.devices ?? {}).filter(
        (d) => d.rememberedStatus === 'remembered',
      ).length;
    // The device is confirmed and marked remembered in the background after sign-in.
    await eventually(
      () => remembered() === 1,
      () => `the emulator has ${remembered()} remembered device(s), not 1`,
    );
    await signOut(page);

    // The remembered device answers for the second factor.
    await submitSignIn(page, 'dora');
    await expectSignedIn(page);

    await navigate(page, 'Security');
    const forget = page.getByRole('button', { name: /^Forget: / });
    await forget.waitFor();
    check((await forget.count()) === 1, 'the device list does not show one device');
    await env.screen(page, 'security-remembered-device');
    await forget.click();
    await page.getByText('No remembered devices.').waitFor();
    check(remembered() === 0, 'the device is still remembered');
    await signOut(page);

    await submitSignIn(page, 'dora');
    await expectHeading(page, 'Enter your code');
  },
};
