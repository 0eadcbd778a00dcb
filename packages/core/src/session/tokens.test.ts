import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { decodeAccessToken, decodeIdToken, refreshDueAt } from './tokens.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: Record<string, unknown>) =>
  `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url(payload)}.c2ln`;

const base = {
  sub: 'u-1',
  iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_P',
  iat: 100,
  exp: 3700,
  auth_time: 100,
};

describe('decodeIdToken / decodeAccessToken', () => {
  it('returns the claims of an ID token, attributes included', () => {
    const claims = decodeIdToken(
      jwt({
        ...base,
        token_use: 'id',
        aud: 'client1',
        'cognito:username': 'alice',
        email: 'a@x.io',
        email_verified: true,
        'custom:tier': 'gold',
        'cognito:groups': ['admins'],
      }),
    );
    expect(claims['cognito:username']).toBe('alice');
    expect(claims.email_verified).toBe(true);
    expect(claims['custom:tier']).toBe('gold');
    expect(claims['cognito:groups']).toEqual(['admins']);
  });

  it('returns the claims of an access token', () => {
    const claims = decodeAccessToken(
      jwt({
        ...base,
        token_use: 'access',
        client_id: 'client1',
        username: 'alice',
        scope: 'aws.cognito.signin.user.admin',
        device_key: 'eu-west-2_d',
      }),
    );
    expect(claims.username).toBe('alice');
    expect(claims.device_key).toBe('eu-west-2_d');
  });

  it('refuses a token of the other kind, with InvalidToken', () => {
    const access = jwt({ ...base, token_use: 'access', client_id: 'c', username: 'alice' });
    expect(() => decodeIdToken(access)).toThrow(/token_use/);
    try {
      decodeIdToken(access);
    } catch (e) {
      expect(isCognitoError(e, 'InvalidToken')).toBe(true);
    }
  });

  it('refuses garbage and tokens missing required claims', () => {
    expect(() => decodeAccessToken('not-a-jwt')).toThrow(/well-formed/);
    expect(() =>
      decodeAccessToken(jwt({ token_use: 'access', client_id: 'c', username: 'a' })),
    ).toThrow(/sub, iss, iat, exp/);
    expect(() => decodeIdToken(jwt({ ...base, token_use: 'id' }))).toThrow(/aud/);
  });
});

describe('refreshDueAt', () => {
  it('is the margin before expiry for long-lived tokens', () => {
    expect(refreshDueAt({ iat: 0, exp: 3600 }, 60_000)).toBe(3_540_000);
  });
  it('never comes before half the lifetime of short-lived tokens', () => {
    expect(refreshDueAt({ iat: 0, exp: 10 }, 60_000)).toBe(5_000);
  });
});
