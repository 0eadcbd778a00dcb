/**
 * What can no longer be used is dropped from the state (engine/expiry.ts), and what can still
 * be used is kept.
 */
import { describe, expect, it } from 'vitest';
import { SWEEP_INTERVAL_MS } from '../src/engine/expiry.js';
import { startSrp } from './helpers/srp-client.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith, ok } from './helpers/wire.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 12);

/** The basic pool with 1-hour refresh tokens, on a frozen clock. */
function hourLongRefreshTokens() {
  const pool = basicPool();
  pool.clients = pool.clients?.map((client) => ({
    ...client,
    tokenValidity: { refreshToken: 3600 },
  }));
  return emulatorWith([pool], { now: START });
}

function signIn(emulator: ReturnType<typeof emulatorWith>) {
  return ok(emulator, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: CLIENT_ID,
    AuthParameters: { USERNAME: 'alice', PASSWORD },
  });
}

describe('expiry of records nobody can use any more', () => {
  it('drops expired refresh tokens, revocations, SRP exchanges and codes; keeps live ones', async () => {
    const emulator = hourLongRefreshTokens();
    const pool = () => emulator.api.snapshot().pools[POOL_ID]!;
    const revoked = (await signIn(emulator))['AuthenticationResult'] as Record<string, string>;
    await ok(emulator, 'RevokeToken', { Token: revoked['RefreshToken'], ClientId: CLIENT_ID });
    await ok(emulator, 'ForgotPassword', { ClientId: CLIENT_ID, Username: 'alice' });
    const pending = await startSrp(emulator, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: PASSWORD,
    });
    expect(pending.start.status).toBe(200);
    expect(Object.keys(emulator.api.snapshot().srpChallenges)).toHaveLength(1);
    expect(Object.keys(pool().refreshTokens)).toHaveLength(1);
    expect(Object.keys(pool().revokedOrigins)).toHaveLength(1);

    // Two days on: the token (1 h + a grace day), the revocation (1 day), the exchange
    // (minutes) and the reset code (1 h + a grace day) are of no use any more.
    emulator.api.clock.advance(2 * DAY + SWEEP_INTERVAL_MS);
    const live = (await signIn(emulator))['AuthenticationResult'] as Record<string, string>;
    const now = pool();
    expect(Object.keys(now.refreshTokens)).toHaveLength(1);
    expect(Object.values(now.refreshTokens)[0]?.expiresAt).toBeGreaterThan(
      emulator.api.clock.now(),
    );
    expect(now.revokedOrigins).toEqual({});
    expect(emulator.api.snapshot().srpChallenges).toEqual({});
    expect(now.users['alice']?.codes).toEqual({});
    expect(now.users['alice']?.codeRequests).toEqual({});

    // The live refresh token still works.
    const refreshed = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { REFRESH_TOKEN: live['RefreshToken'] },
    });
    expect(refreshed.status).toBe(200);
  });

  it('still answers an expired refresh token as expired during its grace day', async () => {
    const emulator = hourLongRefreshTokens();
    const tokens = (await signIn(emulator))['AuthenticationResult'] as Record<string, string>;
    emulator.api.clock.advance(2 * 3_600_000 + SWEEP_INTERVAL_MS);
    const refresh = () =>
      call(emulator, 'InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: CLIENT_ID,
        AuthParameters: { REFRESH_TOKEN: tokens['RefreshToken'] },
      });
    const expired = await refresh();
    expect(expired.type).toBe('NotAuthorizedException');
    expect(expired.message).toBe('Refresh Token has expired');
  });
});
