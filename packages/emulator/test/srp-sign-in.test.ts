/**
 * USER_SRP_AUTH end to end with amazon-cognito-identity-js as the client: its SRP math, not
 * ours, must convince the emulator's server side.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { aj, authenticate, referencePool, routeFetchTo } from './helpers/reference-client.js';
import { CLIENT_ID, ENDPOINT, PASSWORD, POOL_ID, basicPool, emulatorWith } from './helpers/wire.js';

let emulator: Emulator;
let undo: () => void;

beforeEach(() => {
  emulator = emulatorWith([
    basicPool({
      aliasAttributes: ['email'],
      groups: [{ name: 'admins' }],
      users: [
        {
          username: 'alice',
          password: PASSWORD,
          attributes: { email: 'alice@example.com', email_verified: true, 'custom:tier': 'gold' },
          groups: ['admins'],
        },
        { username: 'carol', password: PASSWORD, status: 'UNCONFIRMED' },
        { username: 'dave', password: PASSWORD, enabled: false },
      ],
      customAttributes: [{ name: 'tier', type: 'String' }],
    }),
  ]);
  undo = routeFetchTo(emulator);
});
afterEach(() => undo());

function userOf(username: string): aj.CognitoUser {
  return new aj.CognitoUser({ Username: username, Pool: referencePool(POOL_ID, CLIENT_ID) });
}

async function jwks() {
  const res = await emulator.fetch(`${ENDPOINT}/${POOL_ID}/.well-known/jwks.json`);
  return createLocalJWKSet((await res.json()) as { keys: never[] });
}

describe('USER_SRP_AUTH with amazon-cognito-identity-js', () => {
  it('signs in and receives ID, access and refresh tokens that verify against the JWKS', async () => {
    const outcome = await authenticate(userOf('alice'), 'alice', PASSWORD);
    expect(outcome.kind).toBe('success');
    if (outcome.kind !== 'success') return;
    const keys = await jwks();
    const issuer = `${ENDPOINT}/${POOL_ID}`;
    const id = await jwtVerify(outcome.session.getIdToken().getJwtToken(), keys, { issuer });
    expect(id.payload).toMatchObject({
      token_use: 'id',
      aud: CLIENT_ID,
      'cognito:username': 'alice',
      email: 'alice@example.com',
      email_verified: true,
      'custom:tier': 'gold',
      'cognito:groups': ['admins'],
    });
    const access = await jwtVerify(outcome.session.getAccessToken().getJwtToken(), keys, {
      issuer,
    });
    expect(access.payload).toMatchObject({
      token_use: 'access',
      client_id: CLIENT_ID,
      username: 'alice',
      scope: 'aws.cognito.signin.user.admin',
    });
    expect(access.payload['aud']).toBeUndefined();
    expect(access.payload['origin_jti']).toBe(id.payload['origin_jti']);
    expect(access.protectedHeader.kid).not.toBe(id.protectedHeader.kid);
    expect(outcome.session.getRefreshToken().getToken()).toMatch(/^[A-Za-z0-9\-_=.]+$/);
  });

  it('signs in with a verified e-mail alias; USER_ID_FOR_SRP is the internal username', async () => {
    const user = userOf('alice@example.com');
    const outcome = await authenticate(user, 'alice@example.com', PASSWORD);
    expect(outcome.kind).toBe('success');
    expect(user.getUsername()).toBe('alice');
  });

  it('refuses a wrong password with NotAuthorizedException', async () => {
    const outcome = await authenticate(userOf('alice'), 'alice', 'Wrong-passw0rd');
    expect(outcome).toMatchObject({
      kind: 'failure',
      error: { code: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    });
  });

  it('hides unknown users behind a simulated challenge (PreventUserExistenceErrors)', async () => {
    const outcome = await authenticate(userOf('nobody'), 'nobody', PASSWORD);
    expect(outcome).toMatchObject({
      kind: 'failure',
      error: { code: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    });
  });

  it('reports UserNotConfirmedException for an unconfirmed user with the right password', async () => {
    const outcome = await authenticate(userOf('carol'), 'carol', PASSWORD);
    expect(outcome).toMatchObject({
      kind: 'failure',
      error: { code: 'UserNotConfirmedException', message: 'User is not confirmed.' },
    });
  });

  it('refuses a disabled user', async () => {
    const outcome = await authenticate(userOf('dave'), 'dave', PASSWORD);
    expect(outcome).toMatchObject({
      kind: 'failure',
      error: { code: 'NotAuthorizedException', message: 'User is disabled.' },
    });
  });
});
