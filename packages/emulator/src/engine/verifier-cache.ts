/**
 * A bounded memo of SRP password verifiers v = g^x mod N, keyed by x itself.
 *
 * x = H(salt ‖ H(realm ‖ identity ‖ ":" ‖ password)) already depends on everything a verifier
 * depends on, so keying by x means a password change, a new salt, a renamed user or another pool
 * all miss the cache by construction: an entry can never outlive the password it was made from,
 * and nothing needs to be invalidated. The 3072-bit-modulus exponentiation is the costly part of
 * a sign-in (it ran twice per USER_SRP_AUTH: at InitiateAuth and at PASSWORD_VERIFIER); x costs
 * two SHA-256 and is recomputed every time. No password is stored here, only x and v.
 * The cache does not depend on how v is computed (BigInt or OpenSSL give the same number).
 */

/** Memo of g^x mod N for SRP verifiers; see the module comment for why x is a safe key. */
export class VerifierCache {
  readonly #entries = new Map<bigint, bigint>();
  readonly #maxEntries: number;

  /**
   * @param maxEntries - most verifiers kept; the least recently used goes first, so entries of
   *   old passwords (whose x is never asked for again) age out and the memory stays bounded.
   * @example
   * const verifiers = new VerifierCache(4096);
   * const v = await verifiers.get(x, (x) => modExp.power(g, x));
   */
  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError('VerifierCache needs room for at least one entry');
    }
    this.#maxEntries = maxEntries;
  }

  /**
   * The verifier for x: remembered, or computed by `power` (g^x mod N) and remembered. Two
   * concurrent misses for the same x both compute it (same value; not worth a pending map).
   */
  async get(x: bigint, power: (x: bigint) => Promise<bigint>): Promise<bigint> {
    const known = this.#entries.get(x);
    if (known !== undefined) {
      // Re-insert so Map order stays least-recently-used first.
      this.#entries.delete(x);
      this.#entries.set(x, known);
      return known;
    }
    const v = await power(x);
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
