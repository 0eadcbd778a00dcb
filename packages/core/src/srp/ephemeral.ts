import { invalidInput } from '../errors/index.js';
import { bytesToBigInt } from './bigint.js';
import { srpError } from './errors.js';
import { powG } from './fixed-base.js';
import { SRP_N } from './group.js';

/** Private value a and public A = g^a mod N, computable ahead of the submit (e.g. while the form is shown). */
export interface SrpEphemeral {
  /** The private value a. Secret: never log or send it. */
  readonly a: bigint;
  /** The public value A = g^a mod N. */
  readonly A: bigint;
  /** A as lowercase hex, unpadded: the SRP_A parameter */
  readonly srpA: string;
}

/** A source of random bytes: returns exactly `byteLength` bytes. */
export type RandomBytes = (byteLength: number) => Uint8Array;

/** `crypto.getRandomValues`, looked up at call time so importing stays SSR-safe. */
export const webCryptoRandom: RandomBytes = (byteLength) => {
  const api = globalThis.crypto;
  if (api === undefined || typeof api.getRandomValues !== 'function') {
    throw srpError('crypto.getRandomValues is not available');
  }
  // getRandomValues fills at most 65536 bytes per call; SRP asks for far less.
  return api.getRandomValues(new Uint8Array(byteLength));
};

/** Draws `byteLength` bytes from `random`, checking the source kept its promise. */
export function drawBytes(random: RandomBytes, byteLength: number): Uint8Array {
  const bytes = random(byteLength);
  if (!(bytes instanceof Uint8Array) || bytes.length !== byteLength) {
    throw invalidInput(`random source must return ${byteLength} bytes`);
  }
  return bytes;
}

const PRIVATE_VALUE_BYTES = 128;
const MAX_DRAWS = 8;

/**
 * The ephemeral for a given private value a (1 ≤ a < N). For tests and for callers that
 * manage randomness themselves; {@link createSrpEphemeral} is the normal entry point.
 *
 * @example
 * const ephemeral = srpEphemeralFrom(0x1234n); // ephemeral.srpA === (2n ** 0x1234n % SRP_N).toString(16)
 */
export function srpEphemeralFrom(a: bigint): SrpEphemeral {
  if (typeof a !== 'bigint' || a <= 0n || a >= SRP_N) {
    throw srpError('private value a must be in [1, N)');
  }
  const A = powG(a);
  // N is prime and g generates a large subgroup, so A ≡ 0 cannot happen for a valid a;
  // checked anyway because the protocol requires it of every client.
  if (A % SRP_N === 0n) throw srpError('public value A is 0 mod N');
  const ephemeral = { A, srpA: A.toString(16) } as SrpEphemeral;
  // a is non-enumerable so logging or spreading an ephemeral does not reveal it.
  Object.defineProperty(ephemeral, 'a', { value: a, enumerable: false });
  return Object.freeze(ephemeral);
}

/**
 * Draws a = 128 random bytes and computes A = g^a mod N. Redraws when a is 0 or A would be
 * unusable; a source that keeps producing such values is reported as `SrpError`.
 *
 * @example
 * const ephemeral = createSrpEphemeral();          // while the sign-in form is shown
 * await initiateAuth({ SRP_A: ephemeral.srpA, … });
 */
export function createSrpEphemeral(random: RandomBytes = webCryptoRandom): SrpEphemeral {
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const a = bytesToBigInt(drawBytes(random, PRIVATE_VALUE_BYTES));
    if (a === 0n) continue;
    const ephemeral = srpEphemeralFrom(a);
    if (ephemeral.A > 1n) return ephemeral;
  }
  throw srpError('random source produced no usable private value');
}
