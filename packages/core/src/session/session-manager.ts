import { CognitoError, isCognitoError, protocolError } from '../errors/index.js';
import { createCrossTab, type CrossTab, type LockGrant } from './cross-tab.js';
import { endsSession, requestRefresh } from './refresh-request.js';
import type {
  Session,
  SessionEndReason,
  SessionListener,
  SessionManager,
  SessionManagerOptions,
} from './session-types.js';
import { DEFAULT_STORAGE_TIMEOUT_MS, memoryStorage, withStorageTimeout } from './storage.js';
import { createTokenStore, type StoredSession } from './token-store.js';
import { readQuietly } from './device-store.js';
import { createSingleFlight } from './single-flight.js';
import { createSubscribable } from '../subscribable.js';
import { measureClockOffset, readableSession, toSession, toStored } from './session-record.js';
import { applyTabMessage } from './tab-sync.js';
import { decodeAccessToken, decodeIdToken, refreshDueAt } from './tokens.js';
import { cognitoIssuer, createTokenVerifier } from './verify.js';

/**
 * How long a tab that waited for the refresh lock waits for the holder's new tokens to arrive
 * before refreshing itself (the holder may also have failed, e.g. offline).
 */
const TAB_NEWS_WAIT_MS = 1_000;

const notSignedIn = () =>
  new CognitoError({ code: 'NotSignedIn', message: 'There is no signed-in session.' });

/**
 * Creates the session manager of one app client: it restores and verifies stored tokens,
 * establishes the tokens of a sign-in, refreshes them (single-flight, one tab at a time),
 * ends the session only when Cognito refuses the refresh token, and keeps tabs in step.
 *
 * @example
 * const client = createCognitoClient({ userPoolId }, { clientId });
 * const sessions = createSessionManager({ client, userPoolId, storage: localStorageAdapter() });
 * const session = await sessions.restore();
 * const token = await sessions.getAccessToken();
 */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { client } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  // Time-boxed: a store that never answers reads as a storage failure (signed out, nothing
  // deleted), not as a restore() that never settles.
  const storage = withStorageTimeout(
    options.storage ?? memoryStorage(),
    options.storageTimeout ?? DEFAULT_STORAGE_TIMEOUT_MS,
  );
  const store = createTokenStore(storage, client.clientId);
  const margin = options.refreshMargin ?? 60_000;
  const rotation = options.refreshTokenRotation ?? false;
  const skewMs = (options.clockSkew ?? 60) * 1000;
  /** The server's idea of now, as far as this session's tokens tell. */
  const serverNow = (session: { clockOffset?: number | undefined }) =>
    clock.now() + (session.clockOffset ?? 0);
  const reportStorageError =
    options.onStorageError ?? ((e: CognitoError) => console.warn(`cognito-kit: ${e.message}`));
  /** Runs a storage operation; a failure is reported and read as `null`, never thrown. */
  const quietly = readQuietly(reportStorageError);
  const verifier = createTokenVerifier({
    issuer: options.issuer ?? cognitoIssuer({ userPoolId: options.userPoolId }),
    clientId: client.clientId,
    fetch: options.fetch,
    clock,
    clockSkew: options.clockSkew,
    jwksCooldown: options.jwksCooldown,
  });

  let current: Session | null = null;
  // Bumped when the session ends or a new sign-in replaces it, so a refresh that was already in
  // flight cannot bring back a signed-out session or overwrite a newer sign-in.
  let generation = 0;
  const refreshes = createSingleFlight<Session>();
  let jwksLoaded = false;
  // Listener errors are rethrown in a microtask (the shared policy): reported, and neither
  // stopping the other listeners nor interrupting the manager halfway through a change.
  const changes = createSubscribable<Parameters<SessionListener>>();
  const emit = (session: Session | null, reason?: SessionEndReason) =>
    changes.notify(session, reason);

  const crossTab: CrossTab | null =
    options.crossTab === false
      ? null
      : createCrossTab({
          name: client.clientId,
          storageKey: storage.kind === 'local' ? store.keys.session : undefined,
          // Storage failures are reported inside; nothing else is expected to throw here.
          onMessage: (message) =>
            void applyTabMessage(
              { storageKind: storage.kind, store, quietly, current: () => current, adopt, end },
              message,
            ).catch(() => {}),
          ...(typeof options.crossTab === 'object' ? options.crossTab : {}),
        });

  function adopt(session: Session): Session {
    current = session;
    emit(session);
    return session;
  }

  /** Makes a session another tab brought this tab's (unchanged when it already is). */
  function adoptFromOtherTab(session: Session): Session {
    return current?.tokens.accessToken === session.tokens.accessToken ? current : adopt(session);
  }

  function end(reason: SessionEndReason): void {
    generation += 1;
    const had = current !== null;
    current = null;
    if (had) emit(null, reason);
  }

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
  async function verify(stored: StoredSession, fresh = false): Promise<Session> {
    await loadJwksCache();
    const before = verifier.jwksCache.uat;
    // `exp` is checked against server time: fresh tokens tell the offset by their `iat` (they
    // came straight from Cognito over its TLS connection, the channel this trusts); stored ones
    // carry the offset measured when they arrived. (A wrong `iat` cannot pass the signature.)
    const clockOffset = fresh
      ? measureClockOffset(decodeAccessToken(stored.accessToken).iat, clock.now(), skewMs)
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

  async function publish(session: Session): Promise<Session> {
    adopt(session);
    await quietly(() => store.saveSession(toStored(session)));
    crossTab?.post({ type: 'session', session: toStored(session) });
    return session;
  }

  /** Resolves at this manager's next session change (e.g. another tab's news), or after `ms`. */
  function nextChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const stop = changes.subscribe(done);
    });
  }

  /** Tokens newer than `base` that another tab brought: by its broadcast, or in shared storage. */
  async function newerThan(base: StoredSession): Promise<StoredSession | null> {
    if (current !== null && current.tokens.accessToken !== base.accessToken) {
      return toStored(current);
    }
    const stored = await quietly(() => store.loadSession());
    return stored !== null && stored.accessToken !== base.accessToken ? stored : null;
  }

  /**
   * The readable session of {@link newerThan}, and when there is none yet and `wait` is set, once
   * more after the next session change or {@link TAB_NEWS_WAIT_MS}: a tab's news can trail its
   * lock, as Chromium hands a localStorage write to other tabs' processes asynchronously and the
   * broadcast travels apart. Throws NotSignedIn when the session ended (another tab signed out)
   * while it waited.
   */
  async function newsFromOtherTab(
    base: StoredSession,
    wait: boolean,
    startGeneration: number,
  ): Promise<Session | null> {
    let fresh = await newerThan(base);
    if (fresh === null && wait) {
      await nextChange(TAB_NEWS_WAIT_MS);
      if (generation !== startGeneration) throw notSignedIn();
      fresh = await newerThan(base);
    }
    return fresh === null ? null : readableSession(fresh);
  }

  async function refreshFrom(base: StoredSession): Promise<Session> {
    const startGeneration = generation;
    return (
      crossTab ?? {
        withLock: <T>(task: (grant: LockGrant) => Promise<T>) => task({ waited: false }),
      }
    ).withLock(async ({ waited }) => {
      if (crossTab?.locking) {
        // Another tab may have refreshed while we waited for the lock: use its tokens. Having
        // held the lock, it most likely refreshed these very tokens; refreshing again would
        // spend the refresh token twice (fatal under rotation), so wait a moment for its news.
        const session = await newsFromOtherTab(base, waited, startGeneration);
        if (session !== null) {
          if (serverNow(session) < refreshDueAt(session.accessClaims, margin)) {
            return adoptFromOtherTab(session);
          }
          base = toStored(session); // due as well: refresh with its (possibly rotated) refresh token
        }
      }
      if (base.refreshToken === undefined) {
        throw new CognitoError({
          code: 'NotSignedIn',
          message: 'The session has no refresh token; sign in again.',
        });
      }
      let tokens;
      try {
        tokens = await requestRefresh(
          client,
          { ...base, refreshToken: base.refreshToken },
          rotation,
        );
      } catch (error) {
        if (endsSession(error) && generation === startGeneration) {
          // Taken uncontended, the lock says nothing of a tab that released it a moment ago with
          // news still on the way; if that tab spent this refresh token, its tokens are the
          // answer here, not a sign-out of every tab. (NotSignedIn: a tab signed out meanwhile.)
          const other = crossTab?.locking
            ? await newsFromOtherTab(base, true, startGeneration).catch(() => null)
            : null;
          if (other !== null && serverNow(other) < other.expiresAt) return adoptFromOtherTab(other);
          if (generation === startGeneration) {
            end({ type: 'refreshRejected', code: error.code });
            await quietly(() => store.clearSession());
            crossTab?.post({ type: 'signedOut' });
          }
        }
        throw error;
      }
      const session = await verify(
        {
          ...base,
          idToken: tokens.idToken,
          accessToken: tokens.accessToken,
          // Without rotation Cognito sends no new refresh token: keep the old one.
          refreshToken: tokens.refreshToken ?? base.refreshToken,
          deviceKey: tokens.deviceKeyAccepted ? base.deviceKey : undefined,
        },
        true,
      );
      // Signed out, or signed in anew, while the request ran: these tokens are stale.
      if (generation !== startGeneration) throw notSignedIn();
      return publish(session);
    });
  }

  function refresh(): Promise<Session> {
    const pending = refreshes.pending;
    if (pending !== null) return pending;
    if (current === null) return Promise.reject(notSignedIn());
    const base = toStored(current);
    return refreshes.run(() => refreshFrom(base));
  }

  async function restore(): Promise<Session | null> {
    if (current !== null) return current;
    let stored: StoredSession | null = null;
    try {
      stored = await store.loadSession();
    } catch (error) {
      if (!isCognitoError(error, 'StorageError')) throw error;
      reportStorageError(error);
      return null;
    }
    if (stored === null) return null;
    const discard = async () => {
      await quietly(() => store.clearSession());
      return null;
    };
    let expired: boolean;
    try {
      expired = serverNow(stored) >= decodeAccessToken(stored.accessToken).exp * 1000;
      decodeIdToken(stored.idToken);
    } catch {
      return discard(); // garbage tokens: treated as signed out
    }
    if (expired) {
      if (stored.refreshToken === undefined) return discard();
      try {
        return await refreshes.run(() => refreshFrom(stored));
      } catch (error) {
        // Refused refresh token (keys removed), or signed out while it ran: no session.
        if (endsSession(error) || isCognitoError(error, 'NotSignedIn')) return null;
        throw error;
      }
    }
    try {
      const session = await verify(stored);
      return current ?? adopt(session);
    } catch (error) {
      if (isCognitoError(error, 'InvalidToken')) return discard();
      throw error; // keys unreachable: keep the stored session for the next try
    }
  }

  async function establish(
    result: Parameters<SessionManager['establish']>[0],
    context: Parameters<SessionManager['establish']>[1],
  ): Promise<Session> {
    if (result.IdToken === undefined || result.AccessToken === undefined) {
      throw protocolError('The authentication result has no IdToken or AccessToken.');
    }
    const access = decodeAccessToken(result.AccessToken);
    const session = await verify(
      {
        idToken: result.IdToken,
        accessToken: result.AccessToken,
        refreshToken: result.RefreshToken,
        // The token's `username` is the internal one even when the user typed an alias.
        username: access.username || context.username,
        deviceKey: context.deviceKey ?? access.device_key,
      },
      true,
    );
    generation += 1;
    return publish(session);
  }

  /**
   * The current access or ID token, refreshed first when it is within the margin of its expiry
   * (or with `forceRefresh`).
   */
  async function validToken(
    kind: 'access' | 'id',
    opts: { forceRefresh?: boolean } | undefined,
  ): Promise<string> {
    const session = current;
    if (session === null) throw notSignedIn();
    const claims = kind === 'access' ? session.accessClaims : session.idClaims;
    const pick = (s: Session) => (kind === 'access' ? s.tokens.accessToken : s.tokens.idToken);
    const due = serverNow(session) >= refreshDueAt(claims, margin);
    if (!opts?.forceRefresh && !due) return pick(session);
    try {
      return pick(await refresh());
    } catch (error) {
      // Inside the margin but not yet expired: a transient failure need not fail the caller.
      const stillValid = serverNow(session) < claims.exp * 1000;
      if (!opts?.forceRefresh && stillValid && current === session && !endsSession(error)) {
        return pick(session);
      }
      throw error;
    }
  }

  return {
    restore,
    establish,
    current: () => current,
    refresh,
    getAccessToken: (opts) => validToken('access', opts),
    getIdToken: (opts) => validToken('id', opts),
    async clear() {
      end({ type: 'signedOut' });
      await quietly(() => store.clearSession());
      crossTab?.post({ type: 'signedOut' });
    },
    onChange: (listener) => changes.subscribe(listener),
    dispose: () => crossTab?.close(),
  };
}
