/**
 * Token refresh (REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken with and without rotation),
 * short lifetimes driven by the emulator clock, and access-token checks.
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { ActionMap } from '../src/engine/action.js';
import { computeSecretHash } from '../src/engine/auth/secret-hash.js';
import { authenticateAccessToken, revokeAllForUser } from '../src/engine/tokens.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith, ok } from './helpers/wire.js';

/** A probe action that runs the real access-token check, as user actions do. */
const probe: ActionMap = {
  async WhoAmI(ctx, input) {
    const { user } = await authenticateAccessToken(ctx, String(input['AccessToken']));
    return { Username: user.username };
  },
  async SignOutEverywhere(ctx, input) {
    const { pool, user } = await authenticateAccessToken(ctx, String(input['AccessToken']));
    revokeAllForUser(ctx, pool, user.username);
    return {};
  },
};

interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

const start = Date.UTC(2025, 0, 1, 12);

function shortLived(rotation?: { enabled: boolean; retryGracePeriodSeconds?: number }) {
  return emulatorWith(
    [
      basicPool({
        clients: [
          {
            id: CLIENT_ID,
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            tokenValidity: { accessToken: 5, idToken: 5, refreshToken: 60 },
            ...(rotation && { refreshTokenRotation: rotation }),
          },
        ],
      }),
    ],
    { now: start, actions: probe },
  );
}

/** GetTokensFromRefreshToken for the public test client. */
function exchange(e: ReturnType<typeof emulatorWith>, refreshToken: string | undefined) {
  return call(e, 'GetTokensFromRefreshToken', { ClientId: CLIENT_ID, RefreshToken: refreshToken });
}

async function signIn(e: ReturnType<typeof emulatorWith>): Promise<Tokens> {
  const body = await ok(e, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: CLIENT_ID,
    AuthParameters: { USERNAME: 'alice', PASSWORD },
  });
  return body['AuthenticationResult'] as Tokens;
}

describe('REFRESH_TOKEN_AUTH', () => {
  it('issues new ID and access tokens, keeps auth_time and origin_jti, and no refresh token', async () => {
    const e = shortLived();
    const first = await signIn(e);
    expect(first.ExpiresIn).toBe(5);
    e.api.clock.advance(10_000);
    const expired = await call(e, 'WhoAmI', { AccessToken: first.AccessToken });
    expect(expired).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });

    const body = await ok(e, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { REFRESH_TOKEN: first.RefreshToken },
    });
    const next = body['AuthenticationResult'] as Tokens;
    expect(next.RefreshToken).toBeUndefined();
    const before = decodeJwt(first.AccessToken);
    const after = decodeJwt(next.AccessToken);
    expect(after['auth_time']).toBe(before['auth_time']);
    expect(after['origin_jti']).toBe(before['origin_jti']);
    expect(after['iat']).toBe(Number(before['iat']) + 10);
    expect(after['jti']).not.toBe(before['jti']);
    expect(await ok(e, 'WhoAmI', { AccessToken: next.AccessToken })).toEqual({ Username: 'alice' });
    // The alias REFRESH_TOKEN works too.
    const alias = await call(e, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN',
      ClientId: CLIENT_ID,
      AuthParameters: { REFRESH_TOKEN: first.RefreshToken },
    });
    expect(alias.status).toBe(200);
  });

  it('refuses unknown, expired and revoked refresh tokens, and tokens of another client', async () => {
    const e = shortLived();
    const tokens = await signIn(e);
    const refresh = (token: unknown, clientId = CLIENT_ID) =>
      call(e, 'InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: clientId,
        AuthParameters: { REFRESH_TOKEN: token },
      });
    expect((await refresh('abc.def')).message).toBe('Invalid Refresh Token');
    e.api.seed({
      pools: [
        {
          id: 'us-east-1_Other2',
          clients: [{ id: 'otherclient' }],
        },
      ],
    });
    expect((await refresh(tokens.RefreshToken, 'otherclient')).message).toBe(
      'Invalid Refresh Token',
    );

    await ok(e, 'SignOutEverywhere', { AccessToken: tokens.AccessToken });
    expect((await refresh(tokens.RefreshToken)).message).toBe('Refresh Token has been revoked');
    const revoked = await call(e, 'WhoAmI', { AccessToken: tokens.AccessToken });
    expect(revoked.message).toBe('Access Token has been revoked');

    const again = await signIn(e);
    e.api.clock.advance(61_000);
    expect((await refresh(again.RefreshToken)).message).toBe('Refresh Token has expired');
  });

  it('checks access tokens: malformed, foreign signature, wrong token type, deleted user', async () => {
    const e = shortLived();
    const tokens = await signIn(e);
    expect((await call(e, 'WhoAmI', { AccessToken: 'not-a-jwt' })).message).toBe(
      'Invalid Access Token',
    );
    expect((await call(e, 'WhoAmI', { AccessToken: tokens.IdToken })).message).toBe(
      'Invalid Access Token',
    );
    const [h, p] = tokens.AccessToken.split('.');
    const forged = `${h}.${p}.${'A'.repeat(342)}`;
    expect((await call(e, 'WhoAmI', { AccessToken: forged })).message).toBe('Invalid Access Token');
    const state = e.api.snapshot();
    delete state.pools[POOL_ID]?.users['alice'];
    e.api.restore(state);
    expect((await call(e, 'WhoAmI', { AccessToken: tokens.AccessToken })).type).toBe(
      'UserNotFoundException',
    );
  });

  it('is refused for clients with rotation on', async () => {
    const e = shortLived({ enabled: true });
    const tokens = await signIn(e);
    const answer = await call(e, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
    });
    expect(answer.type).toBe('NotAuthorizedException');
  });
});

describe('GetTokensFromRefreshToken', () => {
  it('without rotation returns ID and access tokens only', async () => {
    const e = shortLived();
    const tokens = await signIn(e);
    const body = await ok(e, 'GetTokensFromRefreshToken', {
      ClientId: CLIENT_ID,
      RefreshToken: tokens.RefreshToken,
    });
    const result = body['AuthenticationResult'] as Tokens;
    expect(result.RefreshToken).toBeUndefined();
    expect(typeof result.AccessToken).toBe('string');
    // Still usable: nothing was rotated.
    expect((await exchange(e, tokens.RefreshToken)).status).toBe(200);
  });

  it('with rotation returns a new refresh token and refuses reuse of the old one (grace 0)', async () => {
    const e = shortLived({ enabled: true, retryGracePeriodSeconds: 0 });
    const tokens = await signIn(e);
    const body = await ok(e, 'GetTokensFromRefreshToken', {
      ClientId: CLIENT_ID,
      RefreshToken: tokens.RefreshToken,
    });
    const rotated = body['AuthenticationResult'] as Tokens;
    expect(rotated.RefreshToken).toBeDefined();
    expect(rotated.RefreshToken).not.toBe(tokens.RefreshToken);
    expect(decodeJwt(rotated.AccessToken)['origin_jti']).toBe(
      decodeJwt(tokens.AccessToken)['origin_jti'],
    );
    const reuse = await exchange(e, tokens.RefreshToken);
    expect(reuse.type).toBe('RefreshTokenReuseException');
    // The new one works, once.
    expect((await exchange(e, rotated.RefreshToken)).status).toBe(200);
  });

  it('with a grace period accepts the old token until it ends', async () => {
    const e = shortLived({ enabled: true, retryGracePeriodSeconds: 10 });
    const tokens = await signIn(e);
    await ok(e, 'GetTokensFromRefreshToken', {
      ClientId: CLIENT_ID,
      RefreshToken: tokens.RefreshToken,
    });
    e.api.clock.advance(9_000);
    expect((await exchange(e, tokens.RefreshToken)).status).toBe(200);
    e.api.clock.advance(1_000);
    const late = await exchange(e, tokens.RefreshToken);
    expect(late.type).toBe('RefreshTokenReuseException');
  });

  it('checks ClientSecret for confidential clients and validates members', async () => {
    const e = emulatorWith([
      basicPool({
        clients: [
          {
            id: 'secretclient',
            secret: 's3cr3t',
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
      }),
    ]);
    const signedIn = await ok(e, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'secretclient',
      AuthParameters: {
        USERNAME: 'alice',
        PASSWORD,
        SECRET_HASH: await computeSecretHash('secretclient', 's3cr3t', 'alice'),
      },
    });
    const token = (signedIn['AuthenticationResult'] as Tokens).RefreshToken;
    const get = (extra: Record<string, unknown>) =>
      call(e, 'GetTokensFromRefreshToken', {
        ClientId: 'secretclient',
        RefreshToken: token,
        ...extra,
      });
    expect((await get({})).type).toBe('NotAuthorizedException');
    expect((await get({ ClientSecret: 'wrong' })).type).toBe('NotAuthorizedException');
    expect((await get({ ClientSecret: 's3cr3t' })).status).toBe(200);
    const noToken = await call(e, 'GetTokensFromRefreshToken', { ClientId: 'secretclient' });
    expect(noToken.type).toBe('InvalidParameterException');
    expect(noToken.message).toContain(
      "Value null at 'refreshToken' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('refresh-token storage', () => {
  const refresh = (e: ReturnType<typeof emulatorWith>, token: string) =>
    call(e, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { REFRESH_TOKEN: token },
    });

  it('keeps a short handle, not the ~1 KB token, and still refuses a token with any part changed', async () => {
    const e = shortLived();
    const { RefreshToken: token = '' } = await signIn(e);
    expect(token.length).toBeGreaterThan(900);
    const stored = e.api.snapshot().pools[POOL_ID]!.refreshTokens;
    expect(Object.keys(stored).every((key) => key.length < 40)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);
    expect((await refresh(e, token)).status).toBe(200);
    const parts = token.split('.');
    for (let i = 0; i < parts.length; i += 1) {
      const changed = parts.map((p, j) => (j === i ? `${p.slice(0, -2)}AA` : p)).join('.');
      if (changed === token) continue;
      const answer = await refresh(e, changed);
      expect(answer.message, `part ${i} changed`).toBe('Invalid Refresh Token');
    }
  });

  it('still finds tokens of a snapshot that stored whole tokens', async () => {
    const e = shortLived();
    const { RefreshToken: token = '' } = await signIn(e);
    const state = e.api.snapshot();
    const pool = state.pools[POOL_ID]!;
    const record = Object.values(pool.refreshTokens)[0]!;
    const { seal: _seal, ...old } = record;
    pool.refreshTokens = { [token]: { ...old, token } };
    e.api.restore(state);
    expect((await refresh(e, token)).status).toBe(200);
  });
});
