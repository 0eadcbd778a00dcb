/** Every scenario, in the order they run. Each is `{ name, seed, run(env) }`. */
import { admin } from './admin.mjs';
import { forgotPassword } from './forgot-password.mjs';
import { newPassword } from './new-password.mjs';
import { nextServerRefresh, nextSignIn, nextSignOut } from './next-session.mjs';
import { offlineRefresh } from './offline-refresh.mjs';
import {
  emailCodeAfterReload,
  emailCodeSignIn,
  passkeyCancelled,
  passkeySignIn,
  signUpSignedIn,
} from './passwordless.mjs';
import { reload } from './reload.mjs';
import { scheduledRefresh } from './scheduled-refresh.mjs';
import { rememberDevice } from './remember-device.mjs';
import { signUp } from './sign-up.mjs';
import { totpScenario } from './totp.mjs';
import { tour } from './tour.mjs';
import { twoTabsSignOut } from './two-tabs-sign-out.mjs';
import { wrongPassword } from './wrong-password.mjs';
import { federatedSignIn, hostedPageTotp, machineToken, tamperedState } from './federation.mjs';

export const scenarios = [
  signUp,
  wrongPassword,
  totpScenario,
  newPassword,
  forgotPassword,
  reload,
  twoTabsSignOut,
  rememberDevice,
  scheduledRefresh,
  offlineRefresh,
  tour,
  federatedSignIn,
  hostedPageTotp,
  tamperedState,
  machineToken,
  nextSignIn,
  nextServerRefresh,
  nextSignOut,
  passkeySignIn,
  passkeyCancelled,
  emailCodeSignIn,
  emailCodeAfterReload,
  signUpSignedIn,
  admin,
];
