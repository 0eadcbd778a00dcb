/**
 * Conformance with amazon-cognito-identity-js 6.3.21 (a Cognito client nobody here wrote) over
 * real HTTP: the library's own `fetch` calls reach the emulator's Node host through the pool's
 * `endpoint` option. Every flow is driven through the library's public callbacks; codes come
 * from the outbox route and from an independent TOTP implementation (otpauth).
 */
import { describe, expect, it } from 'vitest';
import * as aj from 'amazon-cognito-identity-js';
import { claims, failure, useConformanceHost } from './harness.js';
import {
  drive,
  memoryStorage,
  node,
  referenceKit,
  settle,
  signIn as signInAs,
  tokensOf,
} from './reference-kit.js';

const POOL = 'eu-west-1_ConfRef1';
const DEVICE_POOL = 'eu-west-1_ConfDev1';
const CLIENT = 'confrefweb';
const DEVICE_CLIENT = 'confdevweb';
const PASSWORD = 'Passw0rd!';
const PHONE = '+15555550123';

const user = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  password: PASSWORD,
  attributes: { email: `${username}@example.com`, email_verified: true },
  ...extra,
});

const host = useConformanceHost({
  pools: [
    {
      id: POOL,
      autoVerifiedAttributes: ['email'],
      mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'SMS'] },
      clients: [{ id: CLIENT, preventUserExistenceErrors: 'LEGACY' }],
      users: [
        user('srp-user'),
        user('wrong-pass'),
        user('np-user', { status: 'FORCE_CHANGE_PASSWORD' }),
        user('totp-user'),
        {
          ...user('sms-user'),
          attributes: { phone_number: PHONE, phone_number_verified: true },
          mfa: { sms: true },
        },
        user('refresh-user'),
        user('signout-user'),
        user('forgot-user'),
      ],
    },
    {
      id: DEVICE_POOL,
      deviceTracking: 'opt-in',
      mfa: { mode: 'ON', factors: ['SMS'] },
      clients: [{ id: DEVICE_CLIENT }],
      users: [
        {
          username: 'device-user',
          password: PASSWORD,
          attributes: { phone_number: PHONE, phone_number_verified: true },
          mfa: { sms: true },
        },
      ],
    },
  ],
});

const { poolOf, userOf } = referenceKit(host, POOL, CLIENT);
const signIn = (u: aj.CognitoUser, username: string, password = PASSWORD) =>
  signInAs(u, username, password);

describe('amazon-cognito-identity-js over HTTP', { timeout: 60_000 }, () => {
  it('signs in with SRP and gets tokens for the user and client', async () => {
    const session = tokensOf(await signIn(userOf('srp-user'), 'srp-user'));
    expect(session.isValid()).toBe(true);
    const access = claims(session.getAccessToken().getJwtToken());
    expect(access).toMatchObject({ username: 'srp-user', client_id: CLIENT, token_use: 'access' });
    expect(access['iss']).toBe(`${host.url}/${POOL}`);
    const id = session.getIdToken().decodePayload();
    expect(id).toMatchObject({ 'cognito:username': 'srp-user', aud: CLIENT, token_use: 'id' });
    expect(session.getRefreshToken().getToken()).not.toBe('');
  });

  it('rejects a wrong password at PASSWORD_VERIFIER with NotAuthorizedException', async () => {
    const outcome = await signIn(userOf('wrong-pass'), 'wrong-pass', 'Wrong-passw0rd');
    expect(outcome).toMatchObject({
      kind: 'failure',
      error: { code: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    });
    // The same user still signs in with the right password afterwards.
    expect((await signIn(userOf('wrong-pass'), 'wrong-pass')).kind).toBe('success');
  });

  it('reports an unknown user as UserNotFoundException (LEGACY client)', async () => {
    const outcome = await signIn(userOf('nobody'), 'nobody');
    expect(outcome).toMatchObject({ kind: 'failure', error: { code: 'UserNotFoundException' } });
  });

  it('completes NEW_PASSWORD_REQUIRED and signs in with the new password', async () => {
    const u = userOf('np-user');
    const first = await signIn(u, 'np-user');
    expect(first).toMatchObject({ kind: 'challenge', name: 'NEW_PASSWORD_REQUIRED' });
    const done = await drive((cb) => u.completeNewPasswordChallenge('N3w-Passw0rd!', {}, cb));
    expect(done.kind).toBe('success');
    expect((await signIn(userOf('np-user'), 'np-user', 'N3w-Passw0rd!')).kind).toBe('success');
    expect((await signIn(userOf('np-user'), 'np-user')).kind).toBe('failure');
  });

  it('registers TOTP (associate, verify), then answers SOFTWARE_TOKEN_MFA', async () => {
    const u = userOf('totp-user');
    tokensOf(await signIn(u, 'totp-user'));
    const secret = await new Promise<string>((resolve, reject) =>
      u.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
    );
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await settle((h) => u.verifySoftwareToken(host.totp(secret), 'conformance', h));
    await node((cb) => u.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, cb));

    host.advance(30_000); // a code is accepted once per step; move to the next one
    const next = userOf('totp-user');
    const challenge = await signIn(next, 'totp-user');
    expect(challenge).toMatchObject({ kind: 'challenge', name: 'SOFTWARE_TOKEN_MFA' });
    const wrong = await drive((cb) => next.sendMFACode('000000', cb, 'SOFTWARE_TOKEN_MFA'));
    expect(wrong).toMatchObject({ kind: 'failure', error: { code: 'CodeMismatchException' } });

    const again = userOf('totp-user');
    expect((await signIn(again, 'totp-user')).kind).toBe('challenge');
    const done = await drive((cb) =>
      again.sendMFACode(host.totp(secret), cb, 'SOFTWARE_TOKEN_MFA'),
    );
    expect(tokensOf(done).isValid()).toBe(true);
  });

  it('answers SMS_MFA with the code from the outbox', async () => {
    const u = userOf('sms-user');
    const challenge = await signIn(u, 'sms-user');
    expect(challenge).toMatchObject({
      kind: 'challenge',
      name: 'SMS_MFA',
      parameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' },
    });
    const destination = (challenge as { parameters: Record<string, string> }).parameters[
      'CODE_DELIVERY_DESTINATION'
    ];
    expect(destination).toMatch(/^\+\*+0123$/);
    const messages = await host.outbox(POOL, 'sms-user');
    expect(messages.at(-1)).toMatchObject({ medium: 'SMS', destination: PHONE });
    const done = await drive((cb) => u.sendMFACode(messages.at(-1)?.code ?? '', cb));
    expect(tokensOf(done).getIdToken().decodePayload()).toMatchObject({ phone_number: PHONE });
  });

  it('remembers a device after SMS MFA, then signs in on it with device SRP and no MFA', async () => {
    const storage = memoryStorage();
    const pool = poolOf(DEVICE_POOL, DEVICE_CLIENT, storage);
    const u = userOf('device-user', pool);
    expect(await signIn(u, 'device-user')).toMatchObject({ name: 'SMS_MFA' });
    // The library confirms the new device itself (ConfirmDevice with its own verifier).
    const code = await host.lastCode(DEVICE_POOL, 'device-user');
    const done = await drive((cb) => u.sendMFACode(code, cb));
    tokensOf(done);
    // The library keeps the confirmed device's key on the user object (no public getter).
    const deviceKey = (u as unknown as { deviceKey?: string }).deviceKey;
    expect(deviceKey).toMatch(/^eu-west-1_/);
    await settle((h) => u.setDeviceStatusRemembered(h));
    // The library's typings say `string`; it hands over the parsed GetDevice answer.
    const device = (await settle<string>((h) => u.getDevice(h))) as unknown as {
      Device: { DeviceKey: string; DeviceAttributes: { Name: string; Value: string }[] };
    };
    expect(device.Device.DeviceKey).toBe(deviceKey);
    expect(device.Device.DeviceAttributes).toContainEqual({
      Name: 'dev:device_remembered_status',
      Value: 'remembered',
    });

    const smsBefore = (await host.outbox(DEVICE_POOL, 'device-user')).length;
    const later = userOf('device-user', pool);
    const remembered = await signIn(later, 'device-user');
    expect(remembered.kind).toBe('success');
    expect(claims(tokensOf(remembered).getAccessToken().getJwtToken())['device_key']).toBe(
      deviceKey,
    );
    expect(await host.outbox(DEVICE_POOL, 'device-user')).toHaveLength(smsBefore);

    // A different browser (empty storage) still gets the MFA challenge.
    expect(
      await signIn(userOf('device-user', poolOf(DEVICE_POOL, DEVICE_CLIENT)), 'device-user'),
    ).toMatchObject({
      name: 'SMS_MFA',
    });
  });

  it('refreshes the session with the refresh token', async () => {
    const u = userOf('refresh-user');
    const first = tokensOf(await signIn(u, 'refresh-user'));
    host.advance(5_000);
    const refreshed = await node<aj.CognitoUserSession>((cb) =>
      u.refreshSession(first.getRefreshToken(), cb),
    );
    const before = claims(first.getAccessToken().getJwtToken());
    const after = claims(refreshed.getAccessToken().getJwtToken());
    expect(after['sub']).toBe(before['sub']);
    expect(after['iat']).toBe((before['iat'] as number) + 5);
    expect(refreshed.getIdToken().decodePayload()['cognito:username']).toBe('refresh-user');
    // The refreshed access token works for a user call.
    const attributes = await node<aj.CognitoUserAttribute[]>((cb) => u.getUserAttributes(cb));
    expect(attributes.find((a) => a.getName() === 'email')?.getValue()).toBe(
      'refresh-user@example.com',
    );
  });

  it('global sign-out revokes the access and refresh tokens', async () => {
    const u = userOf('signout-user');
    const session = tokensOf(await signIn(u, 'signout-user'));
    await settle((h) => u.globalSignOut(h));
    const refresh = await failure(node((cb) => u.refreshSession(session.getRefreshToken(), cb)));
    expect(refresh.code).toBe('NotAuthorizedException');
    const res = await fetch(`${host.url}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetUser',
      },
      body: JSON.stringify({ AccessToken: session.getAccessToken().getJwtToken() }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      __type: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  });

  it('signs up, confirms with the e-mailed code, then signs in', async () => {
    const pool = poolOf();
    const result = await node<aj.ISignUpResult>((cb) =>
      pool.signUp(
        'new-user',
        PASSWORD,
        [new aj.CognitoUserAttribute({ Name: 'email', Value: 'new-user@example.com' })],
        [],
        cb,
      ),
    );
    expect(result.userConfirmed).toBe(false);
    expect(result.userSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.codeDeliveryDetails).toMatchObject({
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    expect(await signIn(userOf('new-user'), 'new-user')).toMatchObject({
      kind: 'failure',
      error: { code: 'UserNotConfirmedException' },
    });
    const wrong = await failure(node((cb) => result.user.confirmRegistration('000000', true, cb)));
    expect(wrong.code).toBe('CodeMismatchException');
    const code = await host.lastCode(POOL, 'new-user');
    expect(await node((cb) => result.user.confirmRegistration(code, true, cb))).toBe('SUCCESS');
    expect((await signIn(userOf('new-user'), 'new-user')).kind).toBe('success');

    const again = await failure(node((cb) => pool.signUp('new-user', PASSWORD, [], [], cb)));
    expect(again.code).toBe('UsernameExistsException');
  });

  it('resets a forgotten password with the e-mailed code', async () => {
    const u = userOf('forgot-user');
    const delivery = await new Promise<unknown>((resolve, reject) =>
      u.forgotPassword({ onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve }),
    );
    expect(delivery).toMatchObject({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } });
    const code = await host.lastCode(POOL, 'forgot-user');
    const weak = await failure(settle((h) => u.confirmPassword(code, 'short', h)));
    expect(weak.code).toBe('InvalidPasswordException');
    await settle((h) => u.confirmPassword(code, 'Res3t-Passw0rd!', h));
    expect((await signIn(userOf('forgot-user'), 'forgot-user', 'Res3t-Passw0rd!')).kind).toBe(
      'success',
    );
    expect((await signIn(userOf('forgot-user'), 'forgot-user')).kind).toBe('failure');
  });
});
