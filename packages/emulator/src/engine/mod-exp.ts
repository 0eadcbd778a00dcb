/**
 * Cognito's SRP group and the one costly operation on it, modular exponentiation, as a port.
 *
 * Every expensive step of server-side SRP (the verifier g^x, the ephemeral g^b, the shared
 * secret (A·v^u)^b, the same for devices) is `base^exponent mod N` for this fixed N. The engine
 * asks a {@link ModularExponentiation} for it instead of calling BigInt code directly, so a host
 * can plug in something faster: the Node host uses OpenSSL (see `node/openssl-mod-exp.ts`),
 * while the engine's default — {@link bigIntModExp}, native BigInt — runs anywhere, including
 * the in-process emulator in browsers (Storybook), which has no OpenSSL to call.
 */

/** RFC 5054 3072-bit group prime (identical to RFC 3526 group 15). */
export const N = BigInt(
  '0x' +
    'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74' +
    '020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437' +
    '4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed' +
    'ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05' +
    '98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb' +
    '9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b' +
    'e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf695581718' +
    '3995497cea956ae515d2261898fa051015728e5a8aaac42dad33170d04507a33' +
    'a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7' +
    'abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864' +
    'd87602733ec86a64521f2b18177b200cbbe117577a615d6c770988c0bad946e2' +
    '08e24fa074e5ab3143db5bfce0fd108e4b82d120a93ad2caffffffffffffffff',
);
/** Generator. */
export const g = 2n;

/** base^exponent mod modulus by square-and-multiply (BigInt has no modPow). */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (exponent < 0n) throw new RangeError('modPow needs a non-negative exponent');
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result % modulus;
}

/**
 * `base^exponent mod N` in Cognito's SRP group. Implementations must agree with {@link modPow}
 * for every `base` (any integer; it is reduced mod N) and every `exponent` ≥ 0, and reject a
 * negative exponent. The engine only awaits the answer, so an implementation may compute it on
 * another thread; it never touches engine state.
 */
export interface ModularExponentiation {
  /** What computes the powers (shown by benchmarks and logs), e.g. `BigInt`, `OpenSSL`. */
  readonly name: string;
  power(base: bigint, exponent: bigint): Promise<bigint>;
}

/** The portable implementation: native BigInt on the calling thread (~10× slower than OpenSSL). */
export const bigIntModExp: ModularExponentiation = {
  name: 'BigInt',
  power: (base, exponent) => Promise.resolve().then(() => modPow(base, exponent, N)),
};
