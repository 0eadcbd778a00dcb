import { CognitoError, protocolError } from '../errors/index.js';
import { importRs256Key } from './jws.js';
import type { JwksCacheRecord } from './token-store.js';
import type { FetchLike } from './verify.js';

/** No key of the set fits the token's `kid` (or more than one does). */
export class NoMatchingKeyError extends Error {
  override name = 'NoMatchingKeyError';
}

/** Options of {@link createRemoteKeySet}. */
export interface RemoteKeySetOptions {
  url: string;
  fetch: FetchLike;
  /** Shortest time between two fetches caused by an unknown `kid`, ms. */
  cooldown: number;
  /** How long a fetched key set is used before it is fetched again, ms. */
  maxAge: number;
  /** Longest wait for the key endpoint, ms. */
  timeout: number;
  /** Read and updated in place (`uat` = fetched at, epoch ms); persist it to skip the fetch. */
  cache: JwksCacheRecord;
}

const unusable = (why: string) =>
  protocolError(`The signing keys (JWKS) of the user pool are unusable: ${why}.`);

function isKeySet(value: unknown): value is { keys: Record<string, unknown>[] } {
  const keys = (value as { keys?: unknown } | null)?.keys;
  return (
    Array.isArray(keys) &&
    keys.every((k) => typeof k === 'object' && k !== null && !Array.isArray(k))
  );
}

/**
 * A pool's signing keys, fetched from its JWKS endpoint: used for `maxAge`, fetched again for
 * an unknown `kid` at most once per `cooldown` (a pool rotating its keys), one fetch at a time.
 * Resolves the RS256 verification key of a `kid`; rejects `NoMatchingKeyError` when the set has
 * no such key, `NetworkError` when the endpoint cannot be reached, `ProtocolError` for an
 * unusable answer. Cache ages are read from the system clock, as the key endpoint sees time.
 *
 * @example
 * const keyFor = createRemoteKeySet({ url, fetch, cooldown: 30_000, maxAge: 3_600_000,
 *   timeout: 5_000, cache: {} });
 * const key = await keyFor(header.kid);
 */
export function createRemoteKeySet(
  options: RemoteKeySetOptions,
): (kid: string) => Promise<CryptoKey> {
  const { cache } = options;
  let cooldownStarted: number | undefined;
  let pending: Promise<void> | undefined;
  // Imported once per key object (a reload brings new objects, and new keys).
  const imported = new WeakMap<object, Promise<CryptoKey>>();

  const fresh = () =>
    cache.uat !== undefined && isKeySet(cache.jwks) && Date.now() <= cache.uat + options.maxAge;
  const coolingDown = () =>
    cooldownStarted !== undefined && Date.now() < cooldownStarted + options.cooldown;

  async function fetchKeys(): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeout);
    let response: Response;
    try {
      response = await options.fetch(options.url, { signal: controller.signal });
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      throw new CognitoError({
        code: 'NetworkError',
        message: 'The signing keys (JWKS) of the user pool did not arrive in time.',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
    if (response.status !== 200)
      throw unusable(`the key endpoint answered HTTP ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw unusable('the answer is not JSON');
    }
    if (!isKeySet(body)) throw unusable('the answer is not a key set');
    cache.jwks = body;
    cache.uat = Date.now();
    cooldownStarted = Date.now();
  }

  function reload(): Promise<void> {
    pending ??= fetchKeys().finally(() => (pending = undefined));
    return pending;
  }

  function local(kid: string): Promise<CryptoKey> {
    const found = (cache.jwks?.keys ?? []).filter(
      (k) =>
        k['kty'] === 'RSA' &&
        k['kid'] === kid &&
        (typeof k['alg'] !== 'string' || k['alg'] === 'RS256') &&
        (typeof k['use'] !== 'string' || k['use'] === 'sig') &&
        (!Array.isArray(k['key_ops']) || k['key_ops'].includes('verify')),
    );
    const [key] = found;
    if (key === undefined || found.length > 1) throw new NoMatchingKeyError(kid);
    const { n, e } = key;
    if (typeof n !== 'string' || typeof e !== 'string') throw unusable('an RSA key lacks n or e');
    let promise = imported.get(key);
    if (promise === undefined) {
      promise = importRs256Key({ n, e }).catch((cause: unknown) => {
        const error = unusable('an RSA key cannot be imported');
        throw new CognitoError({ code: error.code, message: error.message, cause });
      });
      imported.set(key, promise);
    }
    return promise;
  }

  return async (kid) => {
    if (!fresh()) await reload();
    try {
      return await local(kid);
    } catch (error) {
      if (!(error instanceof NoMatchingKeyError) || coolingDown()) throw error;
      await reload();
      return local(kid);
    }
  };
}
