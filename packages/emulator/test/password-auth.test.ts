/**
 * USER_PASSWORD_AUTH and what surrounds every first factor: flow switches, SECRET_HASH,
 * PreventUserExistenceErrors, user statuses, lockout, NEW_PASSWORD_REQUIRED and Session rules.
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith, ok } from './helpers/wire.js';

const passwordAuth = (username: string, password: string, clientId = CLIENT_ID, extra = {}) => ({
  AuthFlow: 'USER_PASSWORD_AUTH',
  ClientId: clientId,
  AuthParameters: { USERNAME: username, PASSWORD: password, ...extra },
});

describe('USER_PASSWORD_AUTH', () => {
  it('signs in and returns Cognito’s AuthenticationResult shape', async () => {
    const emulator = emulatorWith();
    const body = await ok(emulator, 'InitiateAuth', passwordAuth('alice', PASSWORD));
    expect(body['ChallengeParameters']).toEqual({});
    const result = body['AuthenticationResult'] as Record<string, unknown>;
    expect(result).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(typeof result['AccessToken']).toBe('string');
    expect(typeof result['IdToken']).toBe('string');
    expect(typeof result['RefreshToken']).toBe('string');
    expect(result['NewDeviceMetadata']).toBeUndefined();
  });

  it('refuses a wrong password, and an unknown user without revealing it', async () => {
    const emulator = emulatorWith();
    for (const [user, pass] of [
      ['alice', 'nope-Passw0rd'],
      ['nobody', PASSWORD],
    ] as const) {
      const answer = await call(emulator, 'InitiateAuth', passwordAuth(user, pass));
      expect(answer).toMatchObject({
        status: 400,
        type: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      });
    }
  });

  it('reports unknown users as UserNotFoundException when PreventUserExistenceErrors is LEGACY', async () => {
    const emulator = emulatorWith([
      basicPool({
        clients: [
          {
            id: 'legacy',
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
            preventUserExistenceErrors: 'LEGACY',
          },
        ],
      }),
    ]);
    for (const input of [
      passwordAuth('nobody', PASSWORD, 'legacy'),
      {
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: 'legacy',
        AuthParameters: { USERNAME: 'nobody', SRP_A: 'abc123' },
      },
    ]) {
      const answer = await call(emulator, 'InitiateAuth', input);
      expect(answer).toMatchObject({
        type: 'UserNotFoundException',
        message: 'User does not exist.',
      });
    }
  });

  it('answers PASSWORD_VERIFIER for unknown users with a stable simulated salt and id', async () => {
    const emulator = emulatorWith();
    const start = {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'ghost', SRP_A: 'abc123' },
    };
    const first = await ok(emulator, 'InitiateAuth', start);
    const second = await ok(emulator, 'InitiateAuth', start);
    const p1 = first['ChallengeParameters'] as Record<string, string>;
    const p2 = second['ChallengeParameters'] as Record<string, string>;
    expect(first['ChallengeName']).toBe('PASSWORD_VERIFIER');
    expect(first['Session']).toBeUndefined();
    expect(p1['SALT']).toBe(p2['SALT']);
    expect(p1['USER_ID_FOR_SRP']).toBe(p2['USER_ID_FOR_SRP']);
    expect(p1['USER_ID_FOR_SRP']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(p1['SRP_B']).not.toBe(p2['SRP_B']);
  });

  it('needs the flow to be enabled on the client', async () => {
    const emulator = emulatorWith([basicPool({ clients: [{ id: 'srponly' }] })]);
    const answer = await call(emulator, 'InitiateAuth', passwordAuth('alice', PASSWORD, 'srponly'));
    expect(answer).toMatchObject({
      type: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
    const admin = await call(emulator, 'InitiateAuth', {
      ...passwordAuth('alice', PASSWORD, 'srponly'),
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    });
    expect(admin.type).toBe('InvalidParameterException');
  });

  it('names missing auth parameters and unknown clients', async () => {
    const emulator = emulatorWith();
    const noPassword = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(noPassword).toMatchObject({
      type: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    });
    const noSrpA = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(noSrpA.message).toBe('Missing required parameter SRP_A');
    const badA = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'alice', SRP_A: '0' },
    });
    expect(badA.type).toBe('InvalidParameterException');
    const unknown = await call(
      emulator,
      'InitiateAuth',
      passwordAuth('alice', PASSWORD, 'nosuchclient'),
    );
    expect(unknown).toMatchObject({
      type: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient does not exist.',
    });
  });
});

describe('other flows and behaviours', () => {
  it('refuses CUSTOM_AUTH (no triggers), USER_AUTH and refresh when not allowed', async () => {
    const e = emulatorWith([
      basicPool({
        clients: [{ id: 'norefresh', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
      }),
    ]);
    const custom = await call(e, 'InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: 'norefresh',
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(custom).toMatchObject({
      type: 'InvalidParameterException',
      message: 'Custom auth lambda trigger is not configured for the user pool.',
    });
    const choice = await call(e, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: 'norefresh',
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(choice.type).toBe('InvalidParameterException');
    const refresh = await call(e, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'norefresh',
      AuthParameters: { REFRESH_TOKEN: 'x' },
    });
    expect(refresh).toMatchObject({
      type: 'InvalidParameterException',
      message: 'REFRESH_TOKEN_AUTH flow not enabled for this client',
    });
  });

  it('can report unconfirmed users already at InitiateAuth for SRP (behaviour switch)', async () => {
    const pool = basicPool({
      users: [{ username: 'carol', password: PASSWORD, status: 'UNCONFIRMED' }],
    });
    const start = {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'carol', SRP_A: 'abc123' },
    };
    const early = emulatorWith([pool], { behaviour: { userNotConfirmedAt: 'initiate' } });
    expect((await call(early, 'InitiateAuth', start)).type).toBe('UserNotConfirmedException');
    const late = emulatorWith([pool]);
    expect((await call(late, 'InitiateAuth', start)).body['ChallengeName']).toBe(
      'PASSWORD_VERIFIER',
    );
    // With USER_PASSWORD_AUTH a wrong password does not reveal the status.
    expect((await call(late, 'InitiateAuth', passwordAuth('carol', 'Wrong-passw0rd'))).type).toBe(
      'NotAuthorizedException',
    );
    expect((await call(late, 'InitiateAuth', passwordAuth('carol', PASSWORD))).type).toBe(
      'UserNotConfirmedException',
    );
  });
});

describe('SECRET_HASH', () => {
  const emulator = () =>
    emulatorWith([
      basicPool({
        clients: [
          {
            id: '1example23456789',
            secret: 'abcdef0123456789abcdef0123456789abcdef0123456789ab',
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
      }),
    ]);
  // COGNITO-PROTOCOL §6 known answer for (alice, 1example23456789, abcdef…ab).
  const aliceHash = '5BrpF5En3P7D76YT/4Hbbqs7KK251F83AqqsSassLvY=';

  it('is required, checked, and accepted when right', async () => {
    const e = emulator();
    const missing = await call(
      e,
      'InitiateAuth',
      passwordAuth('alice', PASSWORD, '1example23456789'),
    );
    expect(missing).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Client 1example23456789 is configured for secret but secret was not received',
    });
    const wrong = await call(
      e,
      'InitiateAuth',
      passwordAuth('alice', PASSWORD, '1example23456789', { SECRET_HASH: 'AAAA' }),
    );
    expect(wrong).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Unable to verify secret hash for client 1example23456789',
    });
    const right = await call(
      e,
      'InitiateAuth',
      passwordAuth('alice', PASSWORD, '1example23456789', { SECRET_HASH: aliceHash }),
    );
    expect(right.status).toBe(200);
    // Refresh: the hash is over the internal username.
    const refreshToken = (right.body['AuthenticationResult'] as { RefreshToken: string })
      .RefreshToken;
    const refreshed = await call(e, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: '1example23456789',
      AuthParameters: { REFRESH_TOKEN: refreshToken, SECRET_HASH: aliceHash },
    });
    expect(refreshed.status).toBe(200);
  });
});

describe('user status and lockout', () => {
  it('needs a password reset for RESET_REQUIRED users (hidden under PreventUserExistenceErrors)', async () => {
    const e = emulatorWith([
      basicPool({
        clients: [
          {
            id: 'legacy',
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
            preventUserExistenceErrors: 'LEGACY',
          },
          { id: 'modern', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
        ],
        users: [{ username: 'rita', password: PASSWORD, status: 'RESET_REQUIRED' }],
      }),
    ]);
    const legacy = await call(e, 'InitiateAuth', passwordAuth('rita', PASSWORD, 'legacy'));
    expect(legacy).toMatchObject({
      type: 'PasswordResetRequiredException',
      message: 'Password reset required for the user',
    });
    const modern = await call(e, 'InitiateAuth', passwordAuth('rita', PASSWORD, 'modern'));
    expect(modern.type).toBe('NotAuthorizedException');
  });

  it('locks the user out after five failures, doubling, and forgets after quiet time', async () => {
    const e = emulatorWith([basicPool()], { now: Date.UTC(2025, 0, 1) });
    const attempt = (pw: string) => call(e, 'InitiateAuth', passwordAuth('alice', pw));
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt('wrong-Passw0rd')).message).toBe('Incorrect username or password.');
    }
    // Locked for 1 s: even the right password is refused.
    expect((await attempt(PASSWORD)).message).toBe('Password attempts exceeded');
    e.api.clock.advance(1000);
    expect((await attempt('wrong-Passw0rd')).message).toBe('Password attempts exceeded');
    e.api.clock.advance(1500);
    // Now locked for 2 s.
    expect((await attempt(PASSWORD)).message).toBe('Password attempts exceeded');
    e.api.clock.advance(600);
    expect((await attempt(PASSWORD)).status).toBe(200);
    // A success resets the counter: one more failure is an ordinary one.
    expect((await attempt('wrong-Passw0rd')).message).toBe('Incorrect username or password.');
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('resets the failure counter after 15 quiet minutes', async () => {
    const e = emulatorWith([basicPool()], { now: Date.UTC(2025, 0, 1) });
    const attempt = (pw: string) => call(e, 'InitiateAuth', passwordAuth('alice', pw));
    for (let i = 0; i < 4; i += 1) await attempt('wrong-Passw0rd');
    e.api.clock.advance(15 * 60 * 1000);
    // Had the counter survived, this would be the fifth failure and lock the next attempt.
    await attempt('wrong-Passw0rd');
    expect((await attempt(PASSWORD)).status).toBe(200);
  });
});

describe('NEW_PASSWORD_REQUIRED', () => {
  const pool = () =>
    basicPool({
      users: [
        {
          username: 'newbie',
          password: 'Temp-Passw0rd',
          status: 'FORCE_CHANGE_PASSWORD',
          attributes: { email: 'n@example.com' },
        },
      ],
      passwordPolicy: { temporaryPasswordValidityDays: 7 },
    });

  it('asks for a new password, enforces the policy, then signs in', async () => {
    const e = emulatorWith([pool()]);
    const start = await ok(e, 'InitiateAuth', passwordAuth('newbie', 'Temp-Passw0rd'));
    expect(start['ChallengeName']).toBe('NEW_PASSWORD_REQUIRED');
    const params = start['ChallengeParameters'] as Record<string, string>;
    expect(JSON.parse(params['userAttributes'] ?? '')).toEqual({ email: 'n@example.com' });
    expect(JSON.parse(params['requiredAttributes'] ?? '')).toEqual([]);
    expect(params['USERNAME']).toBe('newbie');
    const session = start['Session'] as string;
    expect(session.length).toBeGreaterThanOrEqual(20);

    const weak = await call(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'short' },
    });
    expect(weak.type).toBe('InvalidPasswordException');
    expect(weak.message).toMatch(/^Password did not conform with policy: /);

    const done = await ok(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: {
        USERNAME: 'newbie',
        NEW_PASSWORD: 'Brand-new-Passw0rd',
        'userAttributes.given_name': 'Nia',
      },
    });
    const idToken = (done['AuthenticationResult'] as { IdToken: string }).IdToken;
    expect(decodeJwt(idToken)['given_name']).toBe('Nia');
    expect(e.api.getUser(POOL_ID, 'newbie')?.status).toBe('CONFIRMED');
    // The session is spent, and the old password no longer works.
    const replay = await call(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'Other-new-Passw0rd' },
    });
    expect(replay).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
    expect((await call(e, 'InitiateAuth', passwordAuth('newbie', 'Temp-Passw0rd'))).type).toBe(
      'NotAuthorizedException',
    );
    expect(
      (await call(e, 'InitiateAuth', passwordAuth('newbie', 'Brand-new-Passw0rd'))).status,
    ).toBe(200);
  });

  it('expires the session after AuthSessionValidity', async () => {
    const e = emulatorWith([pool()], { now: Date.UTC(2025, 0, 1) });
    const start = await ok(e, 'InitiateAuth', passwordAuth('newbie', 'Temp-Passw0rd'));
    e.api.clock.advance(3 * 60 * 1000);
    const late = await call(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: start['Session'],
      ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'Brand-new-Passw0rd' },
    });
    expect(late).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('refuses a missing Session, a wrong challenge name and an expired temporary password', async () => {
    const e = emulatorWith([pool()], { now: Date.UTC(2025, 0, 1) });
    const start = await ok(e, 'InitiateAuth', passwordAuth('newbie', 'Temp-Passw0rd'));
    const noSession = await call(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'Brand-new-Passw0rd' },
    });
    expect(noSession).toMatchObject({
      type: 'InvalidParameterException',
      message: 'Missing required parameter Session',
    });
    const wrongName = await call(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'SMS_MFA',
      Session: start['Session'],
      ChallengeResponses: { USERNAME: 'newbie', SMS_MFA_CODE: '123456' },
    });
    expect(wrongName.type).toBe('NotAuthorizedException');
    e.api.clock.advance(8 * 86_400_000);
    const expired = await call(e, 'InitiateAuth', passwordAuth('newbie', 'Temp-Passw0rd'));
    expect(expired).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });
});
