/** Every scenario, in the order they run. Each is `{ name, seed, run(env) }`. */
import { forgotPassword } from './forgot-password.mjs';
import { newPassword } from './new-password.mjs';
import { reload } from './reload.mjs';
import { signUp } from './sign-up.mjs';
import { wrongPassword } from './wrong-password.mjs';

export const scenarios = [signUp, wrongPassword, newPassword, forgotPassword, reload];
