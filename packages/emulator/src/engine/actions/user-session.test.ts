import { describe, expect, it } from 'vitest';
import {
  baseSeed,
  call,
  CLIENT_ID,
  FLOWS,
  ok,
  POOL_ID,
  refresh,
  signIn,
  userKit,
} from '../../../test/support/user-kit.js';

describe('GlobalSignOut', () => {
  it('revokes every refresh and access token of the user, not the ability to sign in', async () => {
    const emulator = userKit();
    const first = await signIn(emulator);
    const second = await signIn(emulator);
    expect(await ok(emulator, 'GlobalSignOut', { AccessToken: first.AccessToken })).toEqual({});
    for (const tokens of [first, second]) {
      expect(await call(emulator, 'GetUser', { AccessToken: tokens.AccessToken })).toMatchObject({
        type: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
      });
      expect(await refresh(emulator, tokens.RefreshToken)).toMatchObject({
        type: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
      });
    }
    const again = await signIn(emulator);
    await ok(emulator, 'GetUser', { AccessToken: again.AccessToken });
  });
});

describe('RevokeToken', () => {
  it('revokes one refresh token and the access tokens issued from it', async () => {
    const emulator = userKit();
    const revoked = await signIn(emulator);
    const kept = await signIn(emulator);
    const refreshed = await refresh(emulator, revoked.RefreshToken);
    const refreshedAccess = (refreshed.body['AuthenticationResult'] as { AccessToken: string })
      .AccessToken;
    expect(
      await ok(emulator, 'RevokeToken', { Token: revoked.RefreshToken, ClientId: CLIENT_ID }),
    ).toEqual({});
    expect((await refresh(emulator, revoked.RefreshToken)).message).toBe(
      'Refresh Token has been revoked',
    );
    for (const AccessToken of [revoked.AccessToken, refreshedAccess]) {
      expect((await call(emulator, 'GetUser', { AccessToken })).message).toBe(
        'Access Token has been revoked',
      );
    }
    // The user's other sign-in is untouched.
    await ok(emulator, 'GetUser', { AccessToken: kept.AccessToken });
    expect((await refresh(emulator, kept.RefreshToken)).status).toBe(200);
  });

  it('needs the client that obtained the token and its secret', async () => {
    const emulator = userKit(
      baseSeed({
        clients: [
          { id: CLIENT_ID, explicitAuthFlows: FLOWS },
          { id: 'otherclient', explicitAuthFlows: FLOWS },
        ],
      }),
    );
    const tokens = await signIn(emulator);
    expect(
      await call(emulator, 'RevokeToken', { Token: tokens.RefreshToken, ClientId: 'otherclient' }),
    ).toMatchObject({ status: 400, type: 'UnauthorizedException' });
    expect((await refresh(emulator, tokens.RefreshToken)).status).toBe(200);

    const confidential = userKit(
      baseSeed({
        clients: [
          { id: 'secretclient', secret: 'sh', explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] },
        ],
      }),
    );
    expect(
      await call(confidential, 'RevokeToken', { Token: 'x.y.z.w.v', ClientId: 'secretclient' }),
    ).toMatchObject({
      type: 'UnauthorizedException',
      message: 'Client secretclient is configured for secret but secret was not received',
    });
  });

  it('refuses access tokens and clients without revocation', async () => {
    const emulator = userKit();
    const tokens = await signIn(emulator);
    expect(
      await call(emulator, 'RevokeToken', { Token: tokens.AccessToken, ClientId: CLIENT_ID }),
    ).toMatchObject({ type: 'UnsupportedTokenTypeException' });

    const disabled = userKit(
      baseSeed({
        clients: [{ id: CLIENT_ID, explicitAuthFlows: FLOWS, enableTokenRevocation: false }],
      }),
    );
    const other = await signIn(disabled);
    expect(
      await call(disabled, 'RevokeToken', { Token: other.RefreshToken, ClientId: CLIENT_ID }),
    ).toMatchObject({ type: 'UnsupportedOperationException' });
    expect((await refresh(disabled, other.RefreshToken)).status).toBe(200);
  });

  it('validates its input', async () => {
    const emulator = userKit();
    const result = await call(emulator, 'RevokeToken', { ClientId: CLIENT_ID });
    expect(result).toMatchObject({ type: 'InvalidParameterException' });
    expect((await call(emulator, 'RevokeToken', { Token: 'abc', ClientId: 'nope' })).type).toBe(
      'UnauthorizedException',
    );
  });
});

describe('DeleteUser', () => {
  it('deletes the signed-in user and ends their sessions', async () => {
    const emulator = userKit();
    const tokens = await signIn(emulator);
    expect(await ok(emulator, 'DeleteUser', { AccessToken: tokens.AccessToken })).toEqual({});
    expect(emulator.api.getUser(POOL_ID, 'alice')).toBeUndefined();
    expect(await call(emulator, 'GetUser', { AccessToken: tokens.AccessToken })).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect((await refresh(emulator, tokens.RefreshToken)).type).toBe('NotAuthorizedException');
    // The username is free again.
    await ok(emulator, 'SignUp', {
      ClientId: CLIENT_ID,
      Username: 'alice',
      Password: 'Passw0rd!',
    });
  });
});
