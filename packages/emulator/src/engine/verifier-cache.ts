/**
 * A bounded memo of SRP password verifiers v = g^x mod N, keyed by x itself.
 *
 * x = H(salt ‖ H(realm ‖ identity ‖ ":" ‖ password)) already depends on everything a verifier
 * depends on, so keying by x means a password change, a new salt, a renamed user or another pool
 * all miss the cache by construction: an entry can never outlive the password it was made from,
 * and nothing needs to be invalidated. The 768-bit-modulus exponentiation is the costly part of
 * a sign-in (it ran twice per USER_SRP_AUTH: at InitiateAuth and at PASSWORD_VERIFIER); x costs
 * two SHA-256 and is recomputed every time. No password is stored here, only x and v.
 */

/** Memo of `power(x)` for SRP verifiers; see the module comment for why x is a safe key. */
export class VerifierCache {
  readonly #entries = new Map<bigint, bigint>();
  readonly #maxEntries: number;
  readonly #power: (x: bigint) => bigint;

  /**
   * @param maxEntries - most verifiers kept; the least recently used goes first.
   * @param power - computes v from x (g^x mod N).
   * @example
   * const verifiers = new VerifierCache(4096, (x) => modPow(g, x, N));
   * const v = verifiers.get(await computeX(salt, realm, username, password));
   */
  constructor(maxEntries: number, power: (x: bigint) => bigint) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError('VerifierCache needs room for at least one entry');
    }
    this.#maxEntries = maxEntries;
    this.#power = power;
  }

  /** The verifier for x, computed on the first request and remembered. */
  get(x: bigint): bigint {
    const known = this.#entries.get(x);
    if (known !== undefined) {
      // Re-insert so Map order stays least-recently-used first.
      this.#entries.delete(x);
      this.#entries.set(x, known);
      return known;
    }
    const v = this.#power(x);
    this.#entries.set(x, v);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return v;
  }

  /** How many verifiers are remembered. */
  get size(): number {
    return this.#entries.size;
  }
}
