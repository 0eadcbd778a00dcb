import { isRecord } from '../cognito/guards.js';
import { CognitoError } from '../errors/index.js';
import type { JwksCacheRecord } from './token-store.js';

/** `fetch` as the library takes it (the emulator's in-process fetch fits). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options of {@link createJwksKeys}. */
export interface JwksKeysOptions {
  /** Where the key set is served: `<issuer>/.well-known/jwks.json`. */
  url: string;
  fetch: FetchLike;
  /** Record read (when fresh) instead of a first fetch, and updated in place after each fetch. */
  cache: JwksCacheRecord;
  /** Shortest time between two fetches caused by an unknown `kid`, ms. */
  cooldown: number;
  /** How long a fetched key set is used before it is fetched again, ms. */
  maxAge: number;
}

/**
 * Finds the verification key of a token's `kid` (`undefined`: the pool has no such key); see
 * {@link createJwksKeys}.
 */
export type JwksKeys = (kid: unknown) => Promise<CryptoKey | undefined>;

/** RS256 is the only algorithm Cognito signs with (COGNITO-PROTOCOL §5). */
const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
/** A key endpoint that has not answered after this long counts as unreachable. */
const FETCH_TIMEOUT_MS = 5_000;

const isKeySet = (v: unknown): v is Required<JwksCacheRecord>['jwks'] =>
  isRecord(v) && Array.isArray(v.keys) && v.keys.every(isRecord);

const unusable = (why: string, cause?: unknown): CognitoError =>
  new CognitoError({
    code: 'ProtocolError',
    message: `The signing keys (JWKS) of the user pool are unusable: ${why}.`,
    cause,
  });

/**
 * The key source of one pool: fetches its JWKS (without credentials) when none is loaded or
 * the loaded one is older than `maxAge`, fetches again for an unknown `kid` unless the last
 * fetch is younger than `cooldown`, and shares one fetch between concurrent callers. Freshness
 * is judged on the wall clock (`Date.now()`), like the `uat` of the persisted record.
 *
 * Fails with `NetworkError` when the keys cannot be fetched, `ProtocolError` when the answer
 * is not a usable key set.
 *
 * @example
 * const keys = createJwksKeys({ url, fetch, cache: {}, cooldown: 30_000, maxAge: 3_600_000 });
 * const key = await keys('k1'); // CryptoKey, or undefined for an unknown kid
 */
export function createJwksKeys(options: JwksKeysOptions): JwksKeys {
  const { cache } = options;
  let loaded: { at: number; keys: Record<string, unknown>[] } | null = null;
  let pending: Promise<void> | null = null;
  // Imported on first use, per JWK object (so they go with the set that held them).
  const imported = new WeakMap<object, Promise<CryptoKey>>();
  const fresh = (at: number | undefined, duration: number) =>
    at !== undefined && Number.isFinite(at) && Date.now() < at + duration;

  async function download(): Promise<void> {
    let response: Response;
    try {
      response = await options.fetch(options.url, {
        method: 'GET',
        // A public key set needs no cookies; `omit` also keeps CORS simple.
        credentials: 'omit',
        redirect: 'manual',
        headers: { accept: 'application/json, application/jwk-set+json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (cause) {
      // fetch rejects (TypeError, or TimeoutError) only when there is no HTTP answer at all.
      throw new CognitoError({
        code: 'NetworkError',
        message: 'The signing keys (JWKS) of the user pool could not be fetched.',
        cause,
      });
    }
    if (response.status !== 200) throw unusable(`HTTP ${response.status}, not 200`);
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      throw unusable('the answer is not JSON', cause);
    }
    if (!isKeySet(json)) throw unusable('the answer is not a JSON Web Key Set');
    const at = Date.now();
    loaded = { at, keys: json.keys };
    cache.uat = at;
    cache.jwks = json;
  }

  const reload = async (): Promise<void> => {
    pending ??= download().finally(() => (pending = null));
    await pending;
  };

  const find = (kid: unknown): Promise<CryptoKey> | undefined => {
    // The first usable RSA key with the token's kid (Cognito's kids are unique in a set).
    const jwk = loaded?.keys.find(
      (k) =>
        k.kty === 'RSA' &&
        k.kid === kid &&
        (k.alg === undefined || k.alg === 'RS256') &&
        (k.use === undefined || k.use === 'sig'),
    );
    if (jwk === undefined) return undefined;
    let key = imported.get(jwk);
    if (key === undefined) {
      // WebCrypto refuses private keys for 'verify', and `key_ops` without it.
      key = crypto.subtle
        .importKey('jwk', jwk as JsonWebKey, RS256, false, ['verify'])
        .catch((cause: unknown) => {
          imported.delete(jwk);
          throw unusable(`the key "${String(kid)}" cannot be imported`, cause);
        });
      imported.set(jwk, key);
    }
    return key;
  };

  return async (kid) => {
    // Read lazily: the owner may fill a persisted record after creating the verifier.
    if (loaded === null && fresh(cache.uat, options.maxAge) && isKeySet(cache.jwks)) {
      loaded = { at: cache.uat as number, keys: cache.jwks.keys };
    }
    if (!fresh(loaded?.at, options.maxAge)) await reload();
    return (
      find(kid) ??
      (fresh(loaded?.at, options.cooldown) ? undefined : reload().then(() => find(kid)))
    );
  };
}
