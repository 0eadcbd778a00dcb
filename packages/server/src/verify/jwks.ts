/**
 * The JWKS cache of aws-jwt-verify's `SimpleJwksCache` + `SimplePenaltyBox`, on jose keys: one
 * JWKS per URI kept until a token names a `kid` it lacks; then one refetch (concurrent misses
 * share it); a refetch that still lacks the `kid` blocks further fetches of that URI for the
 * cooldown (default 10 s), during which unknown kids fail at once while known kids still verify.
 * A failed fetch starts no cooldown. Imported keys are cached per kid and algorithm.
 */
import type { JWK } from 'jose';
import { CognitoError, protocolError } from '../low-level.js';
import { reject } from './errors.js';
import type { SignatureBackend } from './signature.js';

/** A JSON Web Key Set as served at `/.well-known/jwks.json`. */
export interface Jwks {
  keys: JWK[];
}

export interface JwksCacheOptions {
  fetch: typeof fetch;
  /** Seconds during which no refetch is made after one that lacked the wanted `kid`. */
  cooldownSeconds: number;
  /** Timeout of one JWKS request in ms. */
  timeoutMs: number;
  /** Epoch ms. */
  now: () => number;
  signatures: SignatureBackend;
}

interface UriEntry {
  jwks?: Jwks;
  pending?: Promise<Jwks>;
  blockedUntil: number;
  keys: Map<string, Promise<unknown>>;
  /** Keys whose import finished, for a verification without awaiting anything. */
  ready: Map<string, unknown>;
}

/** Checks the shape of a JWKS: an object with a `keys` array of objects with a string `kty`. */
export function checkJwks(value: unknown): Jwks {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (
    !Array.isArray(keys) ||
    !keys.every((k) => typeof k === 'object' && k !== null && typeof (k as JWK).kty === 'string')
  ) {
    throw protocolError('The JWKS is not an object with a "keys" array of JWKs.');
  }
  return value as Jwks;
}

const keyId = (jwk: JWK, alg: string) => `${jwk.kid ?? ''}\u0000${alg}`;

export interface JwksCache {
  /** The cached JWK with `kid`, without fetching. */
  cachedJwk(uri: string, kid: string): JWK | undefined;
  /** The imported key of `jwk` for `alg` when its import has finished. */
  readyKey(uri: string, jwk: JWK, alg: string): unknown;
  /** The JWK with `kid`, fetching the JWKS on a miss (subject to the cooldown). */
  getJwk(uri: string, kid: string): Promise<JWK>;
  /** The imported public key of `jwk` for `alg`, cached. */
  getKey(uri: string, jwk: JWK, alg: string): Promise<unknown>;
  /** Loads a JWKS without fetching (cold starts); clears that URI's imported keys. */
  cache(uri: string, jwks: Jwks): void;
  /** Fetches the JWKS now, bypassing the cache and the cooldown. */
  fetchNow(uri: string): Promise<Jwks>;
}

export function createJwksCache(options: JwksCacheOptions): JwksCache {
  const entries = new Map<string, UriEntry>();
  const entry = (uri: string): UriEntry => {
    let e = entries.get(uri);
    if (!e) {
      e = { blockedUntil: 0, keys: new Map(), ready: new Map() };
      entries.set(uri, e);
    }
    return e;
  };

  async function download(uri: string): Promise<Jwks> {
    let response: Response;
    try {
      response = await options.fetch(uri, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (cause) {
      throw new CognitoError({
        code: 'NetworkError',
        message: 'The JWKS of the user pool could not be fetched.',
        cause,
      });
    }
    if (response.status !== 200) {
      throw protocolError(`The JWKS request answered HTTP ${response.status}, expected 200.`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw protocolError('The JWKS is not JSON.');
    }
    return checkJwks(body);
  }

  function store(uri: string, jwks: Jwks): void {
    const e = entry(uri);
    e.jwks = jwks;
    e.keys.clear();
    e.ready.clear();
  }

  function fetchShared(uri: string): Promise<Jwks> {
    const e = entry(uri);
    e.pending ??= download(uri)
      .then((jwks) => {
        store(uri, jwks);
        return jwks;
      })
      .finally(() => {
        e.pending = undefined;
      });
    return e.pending;
  }

  const find = (jwks: Jwks | undefined, kid: string) => jwks?.keys.find((k) => k.kid === kid);

  return {
    cachedJwk: (uri, kid) => find(entries.get(uri)?.jwks, kid),
    readyKey: (uri, jwk, alg) => entries.get(uri)?.ready.get(keyId(jwk, alg)),
    async getJwk(uri, kid) {
      const e = entry(uri);
      const cached = find(e.jwks, kid);
      if (cached) return cached;
      if (e.pending === undefined && options.now() < e.blockedUntil) {
        throw reject(
          'unknown-kid',
          'No key of the user pool has the token’s kid (refetch cooling down).',
        );
      }
      const jwks = await fetchShared(uri);
      const found = find(jwks, kid);
      if (found) return found;
      e.blockedUntil = options.now() + options.cooldownSeconds * 1000;
      throw reject('unknown-kid', 'No key of the user pool has the token’s kid.');
    },
    getKey(uri, jwk, alg) {
      const e = entry(uri);
      const id = keyId(jwk, alg);
      let key = e.keys.get(id);
      if (!key) {
        key = Promise.resolve().then(() => options.signatures.importKey(jwk, alg));
        key.then(
          (imported) => e.keys.get(id) === key && e.ready.set(id, imported),
          () => e.keys.delete(id),
        );
        e.keys.set(id, key);
      }
      return key;
    },
    cache(uri, jwks) {
      store(uri, checkJwks(jwks));
    },
    fetchNow: (uri) => fetchShared(uri),
  };
}
