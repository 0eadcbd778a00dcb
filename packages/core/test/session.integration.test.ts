/**
 * The session manager against the emulator (in-process fetch): verification of real tokens,
 * restore without requests, refresh (single-flight, rotation, secret hash), session end on a
 * refused refresh token, network failures that keep the session, and two tabs.
 */
import { createEmulator, type Emulator, type EmulatorSeed } from '@cognito-kit/emulator';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCognitoClient, type CognitoClient } from '../src/cognito/index.js';
import type { AuthenticationResultType } from '../src/cognito/types.js';
import { isCognitoError } from '../src/errors/index.js';
import {
  createRefreshScheduler,
  createSessionManager,
  keyValueStorage,
  localStorageAdapter,
  memoryStorage,
  type Session,
  type SessionEndReason,
  type SessionManagerOptions,
  type TokenStorage,
} from '../src/session/index.js';
import { createTokenStore } from '../src/session/token-store.js';
import { createTestLocks } from './test-locks.js';
import { computePasswordClaim, createSrpEphemeral } from '../src/srp/index.js';

const POOL = 'eu-west-2_Session1';
const ENDPOINT = 'http://emulator.test';
const ISSUER = `${ENDPOINT}/${POOL}`;
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const PASSWORD = 'Passw0rd!';

let emulator: Emulator;

/** Counts what reaches the emulator; `offline` makes every call fail like a dropped network. */
function wire() {
  const calls: string[] = [];
  const state = { offline: false };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const target = request.headers.get('x-amz-target');
    calls.push(target ? (target.split('.')[1] ?? target) : `GET ${new URL(request.url).pathname}`);
    if (state.offline) throw new TypeError('fetch failed');
    return emulator.handle(request);
  };
  const cognitoCalls = () => calls.filter((c) => !c.startsWith('GET '));
  return { fetch, calls, cognitoCalls, state };
}

type Wire = ReturnType<typeof wire>;

function clientFor(w: Wire, clientId = 'web', clientSecret?: string): CognitoClient {
  return createCognitoClient(
    { endpoint: ENDPOINT },
    { clientId, fetch: w.fetch, retry: { limit: 0 }, ...(clientSecret && { clientSecret }) },
  );
}

function managerFor(w: Wire, extra: Partial<SessionManagerOptions> = {}) {
  const storageErrors: string[] = [];
  const manager = createSessionManager({
    client: clientFor(w),
    userPoolId: POOL,
    issuer: ISSUER,
    storage: memoryStorage(),
    clock: { now: () => emulator.api.clock.now() },
    fetch: w.fetch,
    crossTab: false,
    onStorageError: (e) => storageErrors.push(e.code),
    ...extra,
  });
  return Object.assign(manager, { storageErrors });
}

/** USER_SRP_AUTH with core's SRP, answered by the emulator. */
async function signIn(client: CognitoClient, username: string): Promise<AuthenticationResultType> {
  const ephemeral = createSrpEphemeral();
  const typedHash = await client.secretHash(username);
  const start = await client.initiateAuth({
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: {
      USERNAME: username,
      SRP_A: ephemeral.srpA,
      ...(typedHash && { SECRET_HASH: typedHash }),
    },
  });
  const p = start.ChallengeParameters ?? {};
  const internal = p.USERNAME ?? '';
  const claim = await computePasswordClaim(ephemeral, {
    userPoolId: POOL,
    userIdForSrp: p.USER_ID_FOR_SRP ?? '',
    password: PASSWORD,
    salt: p.SALT ?? '',
    srpB: p.SRP_B ?? '',
    secretBlock: p.SECRET_BLOCK ?? '',
    now: new Date(emulator.api.clock.now()),
  });
  const hash = await client.secretHash(internal);
  const answer = await client.respondToAuthChallenge({
    ChallengeName: 'PASSWORD_VERIFIER',
    ...(start.Session && { Session: start.Session }),
    ChallengeResponses: {
      USERNAME: internal,
      PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK ?? '',
      TIMESTAMP: claim.timestamp,
      PASSWORD_CLAIM_SIGNATURE: claim.signature,
      ...(hash && { SECRET_HASH: hash }),
    },
  });
  if (!answer.AuthenticationResult) throw new Error(`unexpected ${answer.ChallengeName}`);
  return answer.AuthenticationResult;
}

/** alice signed in by a manager on memory storage: the wire, the storage, its typed store, the session. */
async function storedSignIn() {
  const w = wire();
  const storage = memoryStorage();
  const store = createTokenStore(storage, 'web');
  const session = await managerFor(w, { storage }).establish(
    await signIn(clientFor(w), 'alice@example.com'),
    { username: 'alice@example.com' },
  );
  return { w, storage, store, session };
}

/** localStorage as one tab sees it: writes reach `shared`, reads come from `reads` (which may lag). */
function storageView(shared: Map<string, string>, reads: Map<string, string>): TokenStorage {
  return keyValueStorage(
    {
      getItem: (k) => reads.get(k) ?? null,
      setItem: (k, v) => void shared.set(k, v),
      removeItem: (k) => void shared.delete(k),
    },
    'local',
  );
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error & { code: string },
  );

const SEED: EmulatorSeed = {
  pools: [
    {
      id: POOL,
      usernameAttributes: ['email'],
      clients: [
        { id: 'web', tokenValidity: { idToken: 600, accessToken: 600 } },
        { id: 'other' },
        { id: 'rotating', refreshTokenRotation: true },
        { id: 'confidential', secret: 'c0nf1dential_secret' },
      ],
      users: [
        {
          username: 'alice@example.com',
          password: PASSWORD,
          attributes: { email_verified: true, 'custom:tier': 'gold' },
        },
      ],
      customAttributes: [{ name: 'tier', type: 'String' }],
    },
  ],
};

beforeEach(() => {
  emulator = createEmulator(SEED, { now: T0 });
});

describe('establish and restore', () => {
  it('verifies a sign-in, then restores it with zero Cognito requests and a cached JWKS', async () => {
    const w = wire();
    const storage = memoryStorage();
    const first = managerFor(w, { storage });
    const changes: (Session | null)[] = [];
    first.onChange((s) => changes.push(s));
    const session = await first.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    // The internal username (a UUID in an e-mail pool), not the typed e-mail.
    expect(session.username).toBe(session.accessClaims.username);
    expect(session.username).not.toBe('alice@example.com');
    expect(session.idClaims.email).toBe('alice@example.com');
    expect(session.expiresAt).toBe(T0 + 600_000);
    expect(changes).toEqual([session]);

    const before = w.calls.length;
    const reloaded = managerFor(w, { storage });
    const restored = await reloaded.restore();
    expect(restored?.tokens).toEqual(session.tokens);
    // The JWKS was persisted by the first manager: nothing at all goes over the wire.
    expect(w.calls.slice(before)).toEqual([]);
    expect(await reloaded.getAccessToken()).toBe(session.tokens.accessToken);
    expect(w.cognitoCalls()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('refreshes on restore when the stored access token has expired', async () => {
    const w = wire();
    const storage = memoryStorage();
    const first = managerFor(w, { storage });
    const old = await first.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    emulator.api.clock.advance(3600_000);
    const restored = await managerFor(w, { storage }).restore();
    expect(restored).not.toBeNull();
    expect(restored?.tokens.accessToken).not.toBe(old.tokens.accessToken);
    expect(restored?.tokens.refreshToken).toBe(old.tokens.refreshToken);
    expect(w.cognitoCalls().at(-1)).toBe('InitiateAuth');
  });

  it('treats tampered and garbage stored tokens as signed out and removes them', async () => {
    const { w, storage, store, session } = await storedSignIn();
    const [h, payload, s] = session.tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admins'] }));
    await store.saveSession({
      ...session.tokens,
      accessToken: `${h}.${forged.toString('base64url')}.${s}`,
      username: session.username,
    });
    expect(await managerFor(w, { storage }).restore()).toBeNull();
    expect(await storage.get(store.keys.session)).toBeNull();

    await storage.set(store.keys.session, '{"idToken": 42');
    expect(await managerFor(w, { storage }).restore()).toBeNull();
    expect(await storage.get(store.keys.session)).toBeNull();
  });

  it('restore() with a store that never answers resolves signed out, deleting nothing', async () => {
    const w = wire();
    const kept = new Map<string, string>();
    const first = managerFor(w, { storage: storageView(kept, kept) });
    await first.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    const stored = new Map(kept);
    const touched: string[] = [];
    const silent = keyValueStorage({
      getItem: () => new Promise<string>(() => {}), // never settles
      setItem: (k) => void touched.push(`set ${k}`),
      removeItem: (k) => void touched.push(`remove ${k}`),
    });
    const manager = managerFor(w, { storage: silent, storageTimeout: 200 });
    const settled = await Promise.race([
      manager.restore(),
      new Promise((resolve) => setTimeout(() => resolve('still pending'), 3_000)),
    ]);
    expect(settled).toBeNull();
    expect(manager.current()).toBeNull();
    expect(manager.storageErrors).toEqual(['StorageError']);
    expect(touched).toEqual([]);
    expect(kept).toEqual(stored);
  });

  it('time-boxes storage by default (5 s)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const never = keyValueStorage({
        getItem: () => new Promise<string>(() => {}),
        setItem: () => {},
        removeItem: () => {},
      });
      const manager = managerFor(wire(), { storage: never });
      let result: unknown = 'pending';
      void manager.restore().then((r) => (result = r));
      await vi.advanceTimersByTimeAsync(4_999);
      expect(result).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(result).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats stored tokens without a kid as InvalidToken and removes the record', async () => {
    const { w, storage, store, session } = await storedSignIn();
    // The pool's two keys both fit a header without kid: the token is bad, not the key set.
    const { privateKey } = await generateKeyPair('RS256');
    const withoutKid = (claims: object) =>
      new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const record = {
      idToken: await withoutKid(session.idClaims),
      accessToken: await withoutKid(session.accessClaims),
      refreshToken: session.tokens.refreshToken,
      username: session.username,
    };
    await store.saveSession(record);
    const direct = await failure(
      managerFor(w).establish(
        { IdToken: record.idToken, AccessToken: record.accessToken },
        { username: 'alice@example.com' },
      ),
    );
    expect(direct.code).toBe('InvalidToken');
    expect(direct.message).toMatch(/kid/);
    expect(await managerFor(w, { storage }).restore()).toBeNull();
    expect(await storage.get(store.keys.session)).toBeNull();
  });

  it('refuses foreign-issuer and other-client tokens with InvalidToken', async () => {
    const w = wire();
    const result = await signIn(clientFor(w), 'alice@example.com');
    emulator.api.clock.advance(601_000 + 61_000); // past expiry and the 60 s skew
    // Tokens handed to establish come straight from Cognito: their iat is the server's time,
    // so tokens arriving "late" read as a local clock that is behind, not as expired (exp is
    // checked against server time; see src/session/verify.test.ts for the expiry check).
    const late = await managerFor(w).establish(result, { username: 'a' });
    expect(late.clockOffset).toBe(-662_000);

    const { privateKey, publicKey } = await generateKeyPair('RS256');
    expect((await exportJWK(publicKey)).kty).toBe('RSA');
    const now = Math.floor(emulator.api.clock.now() / 1000);
    const foreign = (use: 'id' | 'access') =>
      new SignJWT({
        token_use: use,
        sub: 'x',
        iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Evil',
        ...(use === 'id'
          ? { aud: 'web', 'cognito:username': 'x' }
          : { client_id: 'web', username: 'x' }),
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'evil' })
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(privateKey);
    const forged = await failure(
      managerFor(w).establish(
        { IdToken: await foreign('id'), AccessToken: await foreign('access') },
        { username: 'x' },
      ),
    );
    expect(forged.code).toBe('InvalidToken');
    expect(forged.message).toMatch(/issuer/);

    const otherClient = await signIn(clientFor(w, 'other'), 'alice@example.com');
    const wrong = await failure(managerFor(w).establish(otherClient, { username: 'a' }));
    expect(wrong.code).toBe('InvalidToken');
    expect(wrong.message).toMatch(/aud|client_id/);
  });
});

describe('refresh', () => {
  it('serves 100 concurrent callers with one request', async () => {
    const w = wire();
    const manager = managerFor(w);
    const old = await manager.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    emulator.api.clock.advance(10_000);
    const before = w.cognitoCalls().length;
    const tokens = await Promise.all([
      ...Array.from({ length: 50 }, () => manager.refresh()),
      ...Array.from({ length: 50 }, () => manager.getAccessToken({ forceRefresh: true })),
    ]);
    expect(w.cognitoCalls().slice(before)).toEqual(['InitiateAuth']);
    const fresh = manager.current();
    expect(fresh?.tokens.accessToken).not.toBe(old.tokens.accessToken);
    expect(new Set(tokens.map((t) => (typeof t === 'string' ? t : t.tokens.accessToken)))).toEqual(
      new Set([fresh?.tokens.accessToken]),
    );
  });

  it.each(['access', 'id'] as const)(
    'get%sToken refreshes only within the margin before expiry',
    async (kind) => {
      const w = wire();
      const manager = managerFor(w, { refreshMargin: 60_000 });
      const old = await manager.establish(await signIn(clientFor(w), 'alice@example.com'), {
        username: 'alice@example.com',
      });
      const get = () => (kind === 'access' ? manager.getAccessToken() : manager.getIdToken());
      const tokenOf = (s: Session | null) =>
        kind === 'access' ? s?.tokens.accessToken : s?.tokens.idToken;
      emulator.api.clock.advance(539_000);
      expect(await get()).toBe(tokenOf(old));
      emulator.api.clock.advance(2_000);
      const fresh = await get();
      expect(fresh).not.toBe(tokenOf(old));
      expect(fresh).toBe(tokenOf(manager.current()));
    },
  );

  it('times refreshes by server time when the local clock is 10 minutes slow', async () => {
    const w = wire();
    const manager = managerFor(w, { clock: { now: () => emulator.api.clock.now() - 600_000 } });
    const old = await manager.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    expect(old.clockOffset).toBe(600_000);
    emulator.api.clock.advance(530_000);
    expect(await manager.getAccessToken()).toBe(old.tokens.accessToken);
    const before = w.cognitoCalls().length;
    // Server time 545 s of 600: due, although the local clock says the token is 55 s from issue.
    emulator.api.clock.advance(15_000);
    expect(await manager.getAccessToken()).not.toBe(old.tokens.accessToken);
    expect(w.cognitoCalls().slice(before)).toEqual(['InitiateAuth']);
    expect(manager.current()?.clockOffset).toBe(600_000);
  });

  it('sends SECRET_HASH of the internal username for a confidential client', async () => {
    const w = wire();
    const client = clientFor(w, 'confidential', 'c0nf1dential_secret');
    const manager = managerFor(w, { client });
    await manager.establish(await signIn(client, 'alice@example.com'), {
      username: 'alice@example.com',
    });
    emulator.api.clock.advance(5_000);
    const session = await manager.refresh();
    expect(session.accessClaims.client_id).toBe('confidential');
  });

  it('with rotation, uses GetTokensFromRefreshToken and keeps the new refresh token', async () => {
    const w = wire();
    const client = clientFor(w, 'rotating');
    const storage = memoryStorage();
    const manager = managerFor(w, { client, storage, refreshTokenRotation: true });
    const old = await manager.establish(await signIn(client, 'alice@example.com'), {
      username: 'alice@example.com',
    });
    // A copy of the old session elsewhere (another device with the same stored tokens).
    const stale = managerFor(w, { client, refreshTokenRotation: true });
    await stale.establish(
      {
        IdToken: old.tokens.idToken,
        AccessToken: old.tokens.accessToken,
        RefreshToken: old.tokens.refreshToken,
      },
      { username: 'alice@example.com' },
    );
    emulator.api.clock.advance(5_000);
    const rotated = await manager.refresh();
    expect(w.cognitoCalls().at(-1)).toBe('GetTokensFromRefreshToken');
    expect(rotated.tokens.refreshToken).toBeDefined();
    expect(rotated.tokens.refreshToken).not.toBe(old.tokens.refreshToken);
    expect((await createTokenStore(storage, 'rotating').loadSession())?.refreshToken).toBe(
      rotated.tokens.refreshToken,
    );
    // The superseded refresh token is refused and that session ends.
    const ended: (SessionEndReason | undefined)[] = [];
    stale.onChange((s, reason) => s === null && ended.push(reason));
    const reuse = await failure(stale.refresh());
    expect(reuse.code).toBe('RefreshTokenReuseException');
    expect(stale.current()).toBeNull();
    expect(ended).toEqual([{ type: 'refreshRejected', code: reuse.code }]);
  });

  it('ends the session everywhere it is stored when the refresh token was revoked', async () => {
    const w = wire();
    const storage = memoryStorage();
    const manager = managerFor(w, { storage });
    const session = await manager.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    await clientFor(w).revokeToken({ Token: session.tokens.refreshToken ?? '' });
    const reasons: (SessionEndReason | undefined)[] = [];
    manager.onChange((s, reason) => reasons.push(reason));
    const error = await failure(manager.refresh());
    expect(isCognitoError(error, 'NotAuthorizedException')).toBe(true);
    expect(manager.current()).toBeNull();
    expect(reasons).toEqual([{ type: 'refreshRejected', code: 'NotAuthorizedException' }]);
    expect(await createTokenStore(storage, 'web').loadSession()).toBeNull();
    await expect(manager.getAccessToken()).rejects.toMatchObject({ code: 'NotSignedIn' });
  });

  it('keeps the session through network errors and recovers when back online', async () => {
    const w = wire();
    const storage = memoryStorage();
    const manager = managerFor(w, { storage });
    const session = await manager.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    const changes: unknown[] = [];
    manager.onChange((s) => changes.push(s));
    w.state.offline = true;
    const error = await failure(manager.refresh());
    expect(isCognitoError(error, 'NetworkError')).toBe(true);
    expect(manager.current()).toBe(session);
    expect(changes).toEqual([]);
    expect((await createTokenStore(storage, 'web').loadSession())?.accessToken).toBe(
      session.tokens.accessToken,
    );
    // Inside the margin but still valid: the caller gets the current token, not an error.
    emulator.api.clock.advance(570_000);
    expect(await manager.getAccessToken()).toBe(session.tokens.accessToken);
    w.state.offline = false;
    expect(await manager.getAccessToken()).not.toBe(session.tokens.accessToken);
  });

  it('keeps the session when Cognito answers 500 InternalErrorException', async () => {
    emulator = createEmulator(SEED, {
      now: T0,
      onInternalError: () => {},
      actions: {
        GetTokensFromRefreshToken: () => Promise.reject(new Error('simulated outage')),
      },
    });
    const w = wire();
    const client = clientFor(w, 'rotating');
    const storage = memoryStorage();
    const manager = managerFor(w, { client, storage, refreshTokenRotation: true });
    const session = await manager.establish(await signIn(client, 'alice@example.com'), {
      username: 'alice@example.com',
    });
    const error = await failure(manager.refresh());
    expect(error.code).toBe('InternalErrorException');
    expect(manager.current()).toBe(session);
    expect((await createTokenStore(storage, 'rotating').loadSession())?.accessToken).toBe(
      session.tokens.accessToken,
    );
  });

  it('reports a throwing storage and keeps the session in memory', async () => {
    const w = wire();
    const broken: TokenStorage = keyValueStorage({
      getItem: () => {
        throw Object.assign(new Error('x'), { name: 'SecurityError' });
      },
      setItem: () => {
        throw Object.assign(new Error('x'), { name: 'QuotaExceededError' });
      },
      removeItem: () => {},
    });
    const manager = managerFor(w, { storage: broken });
    expect(await manager.restore()).toBeNull();
    const session = await manager.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    expect(manager.current()).toBe(session);
    expect(manager.storageErrors.length).toBeGreaterThanOrEqual(2);
    expect(new Set(manager.storageErrors)).toEqual(new Set(['StorageError']));
  });
});

describe('two tabs', () => {
  it('share new tokens and sign-outs, and refresh once between them', async () => {
    const w = wire();
    const storage = memoryStorage();
    const locks = createTestLocks();
    const a = managerFor(w, { storage, crossTab: { locks, broadcastChannel: BroadcastChannel } });
    const b = managerFor(w, { storage, crossTab: { locks, broadcastChannel: BroadcastChannel } });
    const seenByB: [Session | null, SessionEndReason | undefined][] = [];
    b.onChange((s, r) => seenByB.push([s, r]));
    const session = await a.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    await expect.poll(() => b.current()?.tokens.accessToken).toBe(session.tokens.accessToken);

    emulator.api.clock.advance(5_000);
    const before = w.cognitoCalls().length;
    const [fromA, fromB] = await Promise.all([a.refresh(), b.refresh()]);
    expect(w.cognitoCalls().slice(before)).toEqual(['InitiateAuth']);
    expect(fromB.tokens.accessToken).toBe(fromA.tokens.accessToken);

    await a.clear();
    await expect.poll(() => b.current()).toBeNull();
    expect(seenByB.at(-1)).toEqual([null, { type: 'otherTab' }]);
    a.dispose();
    b.dispose();
  });
});

describe('two tabs whose shared storage lags', () => {
  it("the tab that waited for the lock takes the holder's tokens instead of refreshing again", async () => {
    // Chromium delivers another process's localStorage writes asynchronously: tab B can be
    // granted the lock before it sees tab A's new tokens in storage. Here B never sees them.
    const shared = new Map<string, string>();
    const view = (reads: Map<string, string>) => storageView(shared, reads);
    const w = wire();
    const locks = createTestLocks();
    const crossTab = { locks, broadcastChannel: BroadcastChannel };
    const a = managerFor(w, { storage: view(shared), crossTab });
    const lagging = new Map<string, string>();
    const b = managerFor(w, { storage: view(lagging), crossTab });
    const session = await a.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    await expect.poll(() => b.current()?.tokens.accessToken).toBe(session.tokens.accessToken);
    for (const [k, v] of shared) lagging.set(k, v); // B's view catches up once, then freezes

    emulator.api.clock.advance(5_000);
    const before = w.cognitoCalls().length;
    const [fromA, fromB] = await Promise.all([a.refresh(), b.refresh()]);
    expect(w.cognitoCalls().slice(before)).toEqual(['InitiateAuth']);
    expect(fromB.tokens.accessToken).toBe(fromA.tokens.accessToken);
    expect(fromA.tokens.accessToken).not.toBe(session.tokens.accessToken);
    a.dispose();
    b.dispose();
  });
});

describe('two tabs with rotation, the second one taking the lock before the news', () => {
  it("a refresh refused because the other tab just spent the token ends in that tab's tokens, not a sign-out", async () => {
    // B takes the lock uncontended right after A released it, before A's news reaches B (its
    // storage view lags, its broadcasts are held back): B spends the old refresh token again.
    const shared = new Map<string, string>();
    const lagging = new Map<string, string>();
    const view = (reads: Map<string, string>) => storageView(shared, reads);
    const held: (() => void)[] = [];
    /** A BroadcastChannel whose incoming messages wait until `deliver()`. */
    class HeldBackChannel extends BroadcastChannel {
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage = handler && ((event) => void held.push(() => handler(event)));
      }
    }
    const deliver = () => held.splice(0).forEach((f) => f());
    const w = wire();
    const client = clientFor(w, 'rotating');
    const locks = createTestLocks();
    const options = { client, refreshTokenRotation: true };
    const a = managerFor(w, {
      ...options,
      storage: view(shared),
      crossTab: { locks, broadcastChannel: BroadcastChannel },
    });
    const b = managerFor(w, {
      ...options,
      storage: view(lagging),
      crossTab: { locks, broadcastChannel: HeldBackChannel },
    });
    const session = await a.establish(await signIn(client, 'alice@example.com'), {
      username: 'alice@example.com',
    });
    await expect.poll(() => held.length).toBe(1);
    deliver();
    expect(b.current()?.tokens.accessToken).toBe(session.tokens.accessToken);
    for (const [k, v] of shared) lagging.set(k, v); // B's storage view catches up, then freezes

    emulator.api.clock.advance(5_000);
    const before = w.cognitoCalls().length;
    const fromA = await a.refresh();
    const signedOut: (SessionEndReason | undefined)[] = [];
    a.onChange((s, r) => s === null && signedOut.push(r));
    b.onChange((s, r) => s === null && signedOut.push(r));
    const fromB = b.refresh();
    // A's news arrives while B's refresh is refused for reuse.
    setTimeout(deliver, 20);
    expect((await fromB).tokens.accessToken).toBe(fromA.tokens.accessToken);
    expect(w.cognitoCalls().slice(before)).toEqual([
      'GetTokensFromRefreshToken',
      'GetTokensFromRefreshToken',
    ]);
    expect(a.current()?.tokens.refreshToken).toBe(fromA.tokens.refreshToken);
    expect(b.current()?.tokens.refreshToken).toBe(fromA.tokens.refreshToken);
    expect(shared.size).toBeGreaterThan(0);
    expect(signedOut).toEqual([]);
    a.dispose();
    b.dispose();
  });
});

describe('two tabs without BroadcastChannel (storage events)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('follow each other through localStorage writes', async () => {
    const items = new Map<string, string>();
    const listeners = new Set<(event: { key: string | null }) => void>();
    vi.stubGlobal('window', {
      localStorage: {
        getItem: (k: string) => items.get(k) ?? null,
        setItem: (k: string, v: string) => void items.set(k, v),
        removeItem: (k: string) => void items.delete(k),
      },
      addEventListener: (_: string, l: (event: { key: string | null }) => void) => listeners.add(l),
      removeEventListener: (_: string, l: (event: { key: string | null }) => void) =>
        listeners.delete(l),
    });
    // What the browser does in the other tabs after a localStorage write.
    const fireStorageEvent = (key: string) => {
      for (const l of listeners) l({ key });
    };
    const w = wire();
    const crossTab = { broadcastChannel: null, locks: null };
    const a = managerFor(w, { storage: localStorageAdapter(), crossTab });
    const b = managerFor(w, { storage: localStorageAdapter(), crossTab });
    const session = await a.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    fireStorageEvent('cognito-kit.web.session');
    await expect.poll(() => b.current()?.tokens.accessToken).toBe(session.tokens.accessToken);
    const reasons: (SessionEndReason | undefined)[] = [];
    b.onChange((s, r) => s === null && reasons.push(r));
    await a.clear();
    fireStorageEvent('cognito-kit.web.session');
    await expect.poll(() => b.current()).toBeNull();
    expect(reasons).toEqual([{ type: 'otherTab' }]);
    a.dispose();
    b.dispose();
    expect(listeners.size).toBe(0);
  });
});

describe('refresh scheduler driving the manager', () => {
  it('refreshes a margin before expiry as time passes and stops after sign-out', async () => {
    const w = wire();
    const manager = managerFor(w);
    const pending = new Set<{ at: number; callback: () => void }>();
    const now = () => emulator.api.clock.now();
    const scheduler = createRefreshScheduler(manager, {
      margin: 60_000,
      jitter: 0,
      recheckInterval: 15_000,
      timers: {
        now,
        setTimeout: (callback, ms) => {
          const timer = { at: now() + ms, callback };
          pending.add(timer);
          return timer;
        },
        clearTimeout: (handle) =>
          void pending.delete(handle as { at: number; callback: () => void }),
      },
    });
    expect(pending.size).toBe(0); // no session yet: idle
    await manager.establish(await signIn(clientFor(w), 'alice@example.com'), {
      username: 'alice@example.com',
    });
    const signInCalls = w.cognitoCalls().length;
    const refreshedAt: number[] = [];
    manager.onChange((s) => s && refreshedAt.push(now()));
    for (let step = 0; step < 80; step++) {
      emulator.api.clock.advance(10_000);
      for (const timer of [...pending]) {
        if (timer.at <= now()) {
          pending.delete(timer);
          timer.callback();
        }
      }
      // While a refresh runs the scheduler holds no timer; wait for it to plan the next one.
      await expect.poll(() => pending.size).toBe(1);
    }
    // 800 s with 600 s tokens: one refresh at 540 s (the first step at or after it).
    expect(w.cognitoCalls().slice(signInCalls)).toEqual(['InitiateAuth']);
    expect(refreshedAt).toEqual([T0 + 540_000]);
    await manager.clear();
    expect(pending.size).toBe(0);
    scheduler.dispose();
  });
});
