import { isCognitoError } from '../errors/index.js';
import type { CrossTab } from './cross-tab.js';
import { requestRefresh, type RefreshClient } from './refresh-request.js';
import type { SessionEffect, SessionEvent } from './session-machine.js';
import { measureClockOffset, toSession } from './session-record.js';
import type { Session } from './session-types.js';
import type { StoredSession, TokenStore } from './token-store.js';
import { decodeAccessToken } from './tokens.js';
import type { TokenVerifier } from './verify.js';
import type { StorageErrorReporter } from './device-store.js';

/** What the session's I/O effects need. */
export interface SessionEffectDeps {
  client: RefreshClient;
  store: TokenStore;
  verifier: TokenVerifier;
  crossTab: CrossTab | null;
  clock: { now(): number };
  /** Allowed clock difference, ms: a smaller offset measured from `iat` counts as none. */
  skewMs: number;
  rotation: boolean;
  reportStorageError: StorageErrorReporter;
  /** Runs a storage operation; a StorageError is reported and read as null. */
  quietly<T>(operation: () => Promise<T>): Promise<T | null>;
}

/** The effects the performer handles; the runner keeps the lock, timers and callers itself. */
export type IoEffect = Exclude<
  SessionEffect,
  { type: 'lock' | 'release' | 'waitForNews' | 'settle' | 'join' }
>;

/**
 * Performs the session machine's I/O effects (storage, verification, broadcasts, the refresh
 * request) and reports what they learnt as the event the machine expects, or undefined.
 * Expected failures become events (`LOAD_FAILED`, `REFRESH_FAILED`, `VERIFY_FAILED`); storage
 * failures of writes are reported and otherwise ignored (the session lives on in memory).
 */
export function createSessionEffects(deps: SessionEffectDeps) {
  const { store, verifier, quietly, clock } = deps;
  let jwksLoaded = false;

  async function loadJwksCache(): Promise<void> {
    if (jwksLoaded) return;
    jwksLoaded = true;
    await quietly(async () => {
      const record = await store.loadJwks();
      if (record !== null && verifier.jwksCache.uat === undefined) {
        Object.assign(verifier.jwksCache, record);
      }
    });
  }

  /**
   * Verifies both tokens; persists the JWKS when it was (re)fetched. `fresh`: the tokens just
   * came from Cognito, so their `iat` tells how far the local clock is off.
   */
  async function verify(stored: StoredSession, fresh: boolean): Promise<Session> {
    await loadJwksCache();
    const before = verifier.jwksCache.uat;
    // `exp` is checked against server time: fresh tokens tell the offset by their `iat` (they
    // came straight from Cognito over its TLS connection, the channel this trusts); stored ones
    // carry the offset measured when they arrived. (A wrong `iat` cannot pass the signature.)
    const clockOffset = fresh
      ? measureClockOffset(decodeAccessToken(stored.accessToken).iat, clock.now(), deps.skewMs)
      : (stored.clockOffset ?? 0);
    const [idClaims, accessClaims] = await Promise.all([
      verifier.verifyIdToken(stored.idToken, { clockOffset }),
      verifier.verifyAccessToken(stored.accessToken, { clockOffset }),
    ]);
    const after = verifier.jwksCache;
    if (after.uat !== before && after.uat !== undefined) {
      await quietly(() => store.saveJwks({ uat: after.uat, jwks: after.jwks }));
    }
    return { ...toSession({ ...stored, clockOffset }), idClaims, accessClaims };
  }

  return async function perform(effect: IoEffect): Promise<SessionEvent | undefined> {
    switch (effect.type) {
      case 'loadSession': {
        const { op } = effect;
        try {
          return { type: 'LOADED', op, stored: await store.loadSession(), now: clock.now() };
        } catch (error) {
          // A store that fails or never answers reads as signed out; nothing is deleted.
          if (!isCognitoError(error, 'StorageError')) return { type: 'LOAD_FAILED', op, error };
          deps.reportStorageError(error);
          return { type: 'LOADED', op, stored: null, now: clock.now() };
        }
      }
      case 'loadNews': {
        const stored = await quietly(() => store.loadSession()).catch(() => null);
        return { type: 'NEWS', op: effect.op, stored, now: clock.now() };
      }
      case 'reload':
        return {
          type: 'RELOADED',
          stored: await quietly(() => store.loadSession()),
          now: clock.now(),
        };
      case 'saveSession':
        await quietly(() => store.saveSession(effect.stored));
        return undefined;
      case 'clearSession':
        await quietly(() => store.clearSession());
        return undefined;
      case 'broadcast':
        deps.crossTab?.post(effect.message);
        return undefined;
      case 'requestRefresh': {
        const { op } = effect;
        try {
          const tokens = await requestRefresh(deps.client, effect.base, deps.rotation);
          return { type: 'REFRESHED', op, tokens };
        } catch (error) {
          return { type: 'REFRESH_FAILED', op, error, now: clock.now() };
        }
      }
      case 'verify': {
        const { op, purpose } = effect;
        try {
          return {
            type: 'VERIFIED',
            op,
            purpose,
            session: await verify(effect.stored, effect.fresh),
          };
        } catch (error) {
          return { type: 'VERIFY_FAILED', op, purpose, error };
        }
      }
      default:
        effect satisfies never;
        return undefined;
    }
  };
}
