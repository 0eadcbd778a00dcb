import { describe, expect, it } from 'vitest';
import { seedProblems } from '../../../test/support/seed-problems.js';
import { createContext } from '../context.js';
import { applySeed, validateSeed } from './seed.js';
import { emptyState } from '../model/state.js';
import { findUserByLogin } from '../model/users.js';

describe('validateSeed', () => {
  it('checks timestampToleranceSeconds: a whole number of seconds, or null', () => {
    const problems = (value: unknown) =>
      seedProblems({ pools: [{ id: 'us-east-1_Skew1', timestampToleranceSeconds: value }] });
    expect(problems(0)).toEqual([]);
    expect(problems(null)).toEqual([]);
    expect(problems(-1)).toEqual([
      'pools[0].timestampToleranceSeconds: must be an integer from 0 to 31536000',
    ]);
    expect(problems('300')).toHaveLength(1);
    expect(problems(1.5)).toHaveLength(1);
  });

  it('checks the choice-based sign-in settings', () => {
    const problems = (pool: Record<string, unknown>) =>
      seedProblems({ pools: [{ id: 'us-east-1_Choice1', ...pool }] });
    expect(
      problems({
        allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
        webAuthn: { relyingPartyId: 'localhost', userVerification: 'required' },
      }),
    ).toEqual([]);
    expect(problems({ allowedFirstAuthFactors: ['EMAIL_OTP'] })).toEqual([
      'pools[0].allowedFirstAuthFactors: PASSWORD must be one of the allowed first factors.',
    ]);
    expect(problems({ allowedFirstAuthFactors: ['PASSWORD', 'SOFTWARE_TOKEN'] })).toEqual([
      'pools[0].allowedFirstAuthFactors: SOFTWARE_TOKEN is not supported as a first authentication factor.',
    ]);
    expect(problems({ allowedFirstAuthFactors: 'PASSWORD' })).toHaveLength(1);
    expect(problems({ webAuthn: { relyingPartyId: 'https://x.test' } })).toEqual([
      'pools[0].webAuthn.relyingPartyId: must be a host name such as localhost or example.com (1-127 characters)',
    ]);
    expect(
      problems({ webAuthn: { relyingPartyId: 'x.test', userVerification: 'always' } }),
    ).toHaveLength(1);
  });

  it('accepts a full seed', () => {
    const seed = {
      pools: [
        {
          id: 'eu-west-2_Full1',
          name: 'full',
          passwordPolicy: { minimumLength: 10, requireSymbols: false },
          mfa: { mode: 'OPTIONAL', factors: ['SMS', 'TOTP', 'EMAIL'] },
          deviceTracking: 'opt-in',
          autoVerifiedAttributes: ['email'],
          usernameAttributes: ['email'],
          customAttributes: [{ name: 'tier', type: 'String', mutable: false }],
          groups: [{ name: 'admins', precedence: 1 }],
          clients: [
            {
              id: 'web',
              secret: 'shh',
              explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
              tokenValidity: { idToken: 5, accessToken: 5, refreshToken: 60, authSession: 180 },
              refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 10 },
              preventUserExistenceErrors: 'LEGACY',
            },
          ],
          users: [
            {
              username: 'a@example.com',
              password: 'Passw0rd!',
              attributes: { email_verified: true, 'custom:tier': 'gold' },
              mfa: { totpSecret: 'JBSWY3DPEHPK3PXP', preferred: 'TOTP' },
              groups: ['admins'],
            },
          ],
        },
      ],
    };
    expect(seedProblems(seed)).toEqual([]);
  });

  it('lists every problem with its path', () => {
    const problems = seedProblems({
      pools: [
        {
          id: 'not a pool id',
          mfa: { mode: 'SOMETIMES', factors: ['SMS', 'PIGEON'] },
          deviceTracking: 'maybe',
          clients: [
            {
              id: 'ok1',
              tokenValidity: { accessToken: 0 },
              refreshTokenRotation: { retryGracePeriodSeconds: 61 },
            },
            { id: 'ok1' },
            { name: 'no id' },
          ],
          users: [
            { username: 'u', groups: ['ghosts'], mfa: { totpSecret: 'lowercase!' } },
            { password: 'x' },
            { username: 'u', status: 'HAPPY' },
          ],
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'pools[0].id: must look like <region>_<letters and digits>, e.g. us-east-1_Example1',
        'pools[0].mfa.mode: must be one of OFF, OPTIONAL, ON',
        'pools[0].mfa.factors[1]: must be one of SMS, TOTP, EMAIL',
        'pools[0].deviceTracking: must be one of off, always, opt-in',
        'pools[0].clients[0].tokenValidity.accessToken: must be an integer from 1 to 86400',
        'pools[0].clients[0].refreshTokenRotation.retryGracePeriodSeconds: must be an integer from 0 to 60',
        'pools[0].clients[1]: duplicate client id "ok1"',
        'pools[0].clients[2].id: must be a non-empty string',
        'pools[0].users[0].groups[0]: no group named "ghosts" in this pool',
        'pools[0].users[0].mfa.totpSecret: must be base32 (A-Z, 2-7), at least 16 characters',
        'pools[0].users[1].username: must be a non-empty string',
        'pools[0].users[2]: duplicate username "u"',
        'pools[0].users[2].status: must be one of UNCONFIRMED, CONFIRMED, ARCHIVED, COMPROMISED, UNKNOWN, RESET_REQUIRED, FORCE_CHANGE_PASSWORD',
      ]),
    );
    expect(problems).toHaveLength(13);
  });

  it('refuses non-objects, duplicate pools and client ids shared across pools', () => {
    expect(seedProblems(42)).toEqual(['seed: must be an object']);
    expect(seedProblems({ pools: {} })).toEqual(['pools: must be an array']);
    expect(
      seedProblems({
        pools: [
          { id: 'us-east-1_A', clients: [{ id: 'same' }] },
          { id: 'us-east-1_A', clients: [{ id: 'same' }] },
        ],
      }),
    ).toEqual([
      'pools[1]: duplicate pool id "us-east-1_A"',
      'pools[1].clients[0].id: "same" is already used in pools[0]',
    ]);
    expect(
      seedProblems({
        pools: [{ id: 'us-east-1_A', usernameAttributes: ['email'], aliasAttributes: ['email'] }],
      }),
    ).toEqual(['pools[0]: usernameAttributes and aliasAttributes cannot both be set']);
  });

  it('refuses client secrets that Cognito calls sending the secret would reject, without echoing them', () => {
    const hint = 'must be 1-64 letters, digits, _ or + (Cognito client secret format)';
    const problems = seedProblems({
      pools: [
        {
          id: 'us-east-1_Secrets',
          clients: [
            { id: 'dash', secret: 'has-a-dash' },
            { id: 'long', secret: 'a'.repeat(65) },
            { id: 'max', secret: `${'a'.repeat(62)}_+` },
          ],
        },
      ],
    });
    expect(problems).toEqual([
      `pools[0].clients[0].secret: ${hint}`,
      `pools[0].clients[1].secret: ${hint}`,
    ]);
    expect(problems.join('\n')).not.toContain('has-a-dash');
  });

  it('the SeedError message names the problems', () => {
    expect(() => validateSeed({ pools: [{}] })).toThrow(
      /Invalid emulator seed:\n {2}pools\[0\]\.id: must be a non-empty string/,
    );
  });
});

describe('applySeed', () => {
  const ctx = () => createContext({ state: emptyState(), clock: { now: () => 1_700_000_000_000 } });

  it('fills in Cognito defaults', () => {
    const c = ctx();
    applySeed(c, {
      pools: [
        {
          id: 'us-east-1_Def1',
          clients: [{ id: 'web' }],
          users: [{ username: 'bob', password: 'Passw0rd!' }],
        },
      ],
    });
    const pool = c.state.pools['us-east-1_Def1'];
    expect(pool).toMatchObject({
      name: 'us-east-1_Def1',
      region: 'us-east-1',
      mfaConfiguration: 'OFF',
      mfaFactors: [],
      deviceConfiguration: null,
      usernameCaseSensitive: false,
      passwordPolicy: { minimumLength: 8, requireSymbols: true, temporaryPasswordValidityDays: 7 },
    });
    expect(pool?.clients['web']).toMatchObject({
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'],
      idTokenValiditySeconds: 3600,
      accessTokenValiditySeconds: 3600,
      refreshTokenValiditySeconds: 2_592_000,
      authSessionValiditySeconds: 180,
      refreshTokenRotation: { enabled: false, retryGracePeriodSeconds: 0 },
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
    });
    expect(pool?.clients['web']?.clientSecret).toBeUndefined();
    const bob = pool?.users['bob'];
    expect(bob).toMatchObject({
      username: 'bob',
      status: 'CONFIRMED',
      enabled: true,
      password: 'Passw0rd!',
    });
    expect(bob?.attributes['sub']).toBe(bob?.sub);
    expect(bob?.srpSalt).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes the internal username a UUID in e-mail sign-in pools, and maps MFA and device settings', () => {
    const c = ctx();
    applySeed(c, {
      pools: [
        {
          id: 'us-east-1_Email1',
          usernameAttributes: ['email'],
          mfa: { mode: 'ON' },
          deviceTracking: 'always',
          users: [
            {
              username: 'Ann@Example.com',
              sub: '11111111-2222-4333-8444-555555555555',
              attributes: { email_verified: true },
              mfa: { totpSecret: 'JBSWY3DPEHPK3PXP', preferred: 'TOTP' },
            },
          ],
        },
      ],
    });
    const pool = c.state.pools['us-east-1_Email1'];
    expect(pool?.mfaFactors).toEqual(['TOTP']);
    expect(pool?.deviceConfiguration).toEqual({
      challengeRequiredOnNewDevice: true,
      deviceOnlyRememberedOnUserPrompt: false,
    });
    const ann = pool && findUserByLogin(pool, 'ann@example.com');
    expect(ann?.username).toBe('11111111-2222-4333-8444-555555555555');
    expect(ann?.attributes).toMatchObject({ email: 'Ann@Example.com', email_verified: 'true' });
    expect(ann?.mfa).toMatchObject({ totpEnabled: true, preferred: 'SOFTWARE_TOKEN_MFA' });
  });

  it('finds users case-insensitively unless the pool is case sensitive, and aliases only when verified', () => {
    const c = ctx();
    applySeed(c, {
      pools: [
        {
          id: 'us-east-1_Case1',
          aliasAttributes: ['email', 'preferred_username'],
          users: [
            {
              username: 'Zed',
              attributes: {
                email: 'z@example.com',
                email_verified: true,
                preferred_username: 'zz',
              },
            },
            { username: 'yan', attributes: { email: 'y@example.com' } },
          ],
        },
        { id: 'us-east-1_Case2', usernameCaseSensitive: true, users: [{ username: 'Zed' }] },
      ],
    });
    const loose = c.state.pools['us-east-1_Case1'];
    const strict = c.state.pools['us-east-1_Case2'];
    if (!loose || !strict) throw new Error('pools missing');
    expect(findUserByLogin(loose, 'zed')?.username).toBe('Zed');
    expect(findUserByLogin(loose, 'Z@EXAMPLE.COM')?.username).toBe('Zed');
    expect(findUserByLogin(loose, 'zz')?.username).toBe('Zed');
    expect(findUserByLogin(loose, 'y@example.com')).toBeUndefined();
    expect(findUserByLogin(strict, 'zed')).toBeUndefined();
    expect(findUserByLogin(strict, 'Zed')?.username).toBe('Zed');
  });
});
