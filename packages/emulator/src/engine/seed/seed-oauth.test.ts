/**
 * The OAuth parts of a seed: every problem reported with its path, and a valid seed turned into
 * a domain, resource servers, identity providers, client settings and upstream accounts.
 */
import { describe, expect, it } from 'vitest';
import { seedProblems } from '../../../test/support/seed-problems.js';
import { createEmulator } from '../emulator.js';

const POOL = 'eu-west-1_SeedOAuth1';

describe('OAuth seed', () => {
  it('reports bad domains, scopes, flows, URLs, providers and accounts with their paths', () => {
    const found = seedProblems({
      upstreamIdp: { accounts: [{ sub: 'a b' }, { sub: 'x', admin: 3 }] },
      pools: [
        {
          id: POOL,
          domain: 'Not_A_Prefix',
          resourceServers: [{ identifier: 'api', scopes: [{ name: 'read/all' }] }],
          identityProviders: [{ name: 'Acme', type: 'Kerberos' }],
          clients: [
            { id: 'm', oauth: { flows: ['client_credentials'], scopes: ['api/write'] } },
            {
              id: 'w',
              oauth: {
                flows: ['code'],
                callbackUrls: ['http://example.com/cb'],
                identityProviders: ['Nobody'],
              },
            },
          ],
        },
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'upstreamIdp.accounts[0].sub: must be 1-128 letters, digits or _@.+-',
        'upstreamIdp.accounts[1].admin: must be a string or boolean',
        'pools[0].domain: must be lower-case letters, digits and hyphens (a domain prefix)',
        'pools[0].resourceServers[0].scopes[0].name: must be printable characters without /, " or \\',
        'pools[0].identityProviders[0].type: must be one of OIDC, Google, SignInWithApple, Facebook, LoginWithAmazon, SAML',
        'pools[0].clients[0].oauth: client_credentials flow can not be selected if client does not have a client secret.',
        'pools[0].clients[0].oauth: Invalid scope requested: api/write',
        expect.stringMatching(
          /^pools\[0\]\.clients\[1\]\.oauth: http:\/\/example\.com\/cb is not a valid URL/,
        ),
        'pools[0].clients[1].oauth: The provider Nobody does not exist for User Pool.',
      ]),
    );
  });

  it('turns a valid seed into OAuth state the endpoints serve', async () => {
    const emulator = createEmulator({
      upstreamIdp: {
        accounts: [{ sub: 'grace', name: 'Grace Hopper', email: 'grace@example.com' }],
      },
      pools: [
        {
          id: POOL,
          domain: 'seeded',
          resourceServers: [{ identifier: 'api', scopes: [{ name: 'read' }] }],
          identityProviders: [
            {
              name: 'Google',
              type: 'Google',
              details: { client_id: 'g', oidc_issuer: '/upstream-idp' },
              attributeMapping: { email: 'email' },
            },
          ],
          clients: [
            {
              id: 'web',
              oauth: {
                callbackUrls: ['http://localhost:5173/'],
                identityProviders: ['COGNITO', 'Google'],
              },
            },
          ],
        },
      ],
    });
    const pool = emulator.api.snapshot().pools[POOL];
    expect(pool?.domain).toBe('seeded');
    expect(pool?.clients['web']?.oauth).toMatchObject({
      enabled: true,
      flows: ['code'],
      scopes: ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'],
    });
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'web',
      redirect_uri: 'http://localhost:5173/',
      identity_provider: 'Google',
    });
    const toIdp = await emulator.fetch(
      `http://localhost:9229/oauth2/authorize?${query.toString()}`,
      { redirect: 'manual' },
    );
    const location = new URL(toIdp.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(
      'http://localhost:9229/upstream-idp/authorize',
    );
    const picker = await (await emulator.fetch(location)).text();
    expect(picker).toContain('Grace Hopper (grace@example.com)');
    expect(picker).not.toContain('Ada Lovelace');
  });
});
