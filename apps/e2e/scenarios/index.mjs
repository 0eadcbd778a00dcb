/** Every scenario, in the order they run. Each is `{ name, seed, run(env) }`. */
import { wrongPassword } from './wrong-password.mjs';

export const scenarios = [wrongPassword];
