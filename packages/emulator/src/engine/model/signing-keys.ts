/**
 * RSA key material for the pools' token signing keys, and an opt-in cache that lets several
 * emulators in one process reuse it. Generating a 2048-bit pair is by far the slowest thing the
 * engine does (two pairs per pool), so test suites that create many emulators share a cache.
 */

/** RS256 key generation parameters (Cognito signs ID and access tokens with RS256). */
export const RSA_PARAMS: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/** One generated pair, as live keys and as JWKs (what the state stores). */
export interface SigningKeyMaterial {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

/**
 * Pairs generated once and handed out again to later emulators. Within one emulator every
 * key is still distinct (the emulator takes pair 0, 1, 2, … in order), so a token signed for one
 * pool never verifies with another pool's key; only separate emulators repeat the same pairs.
 * Meant for tests and development — a real deployment wants fresh keys.
 */
export interface SigningKeyCache {
  /** The `index`-th pair, generated on first request. */
  pair(index: number): Promise<SigningKeyMaterial>;
}

/** Generates a fresh RS256 pair. */
export async function generateSigningKeyMaterial(): Promise<SigningKeyMaterial> {
  const pair = (await globalThis.crypto.subtle.generateKey(RSA_PARAMS, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return {
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    privateJwk: await globalThis.crypto.subtle.exportKey('jwk', pair.privateKey),
    publicJwk: await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey),
  };
}

/**
 * Creates a cache to pass as `signingKeys` to several `createEmulator` calls.
 *
 * @example
 * const keys = createSigningKeyCache();
 * const a = createEmulator(seed, { signingKeys: keys });
 * const b = createEmulator(seed, { signingKeys: keys }); // reuses a's pairs, no new RSA work
 */
export function createSigningKeyCache(): SigningKeyCache {
  const pairs: (Promise<SigningKeyMaterial> | undefined)[] = [];
  return {
    pair(index) {
      const existing = pairs[index];
      if (existing) return existing;
      const made = generateSigningKeyMaterial();
      // A failed generation must not poison the slot for later callers.
      made.catch(() => {
        if (pairs[index] === made) pairs[index] = undefined;
      });
      pairs[index] = made;
      return made;
    },
  };
}
