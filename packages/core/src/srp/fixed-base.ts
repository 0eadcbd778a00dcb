/**
 * g^e mod N for the fixed generator g = 2.
 */
import { modPow2 } from './bigint.js';
import { SRP_N } from './group.js';

/** g^exp mod N. */
export function powG(exp: bigint): bigint {
  return modPow2(exp, SRP_N);
}
