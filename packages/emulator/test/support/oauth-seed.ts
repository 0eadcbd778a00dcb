/**
 * The seed of the OAuth endpoint tests: a pool with a domain, a resource server, a public web
 * client, a confidential web client, a machine client, an implicit-flow client, a client without
 * OAuth, and users with and without TOTP.
 */
import type { EmulatorSeed } from '../../src/index.js';

export const POOL_ID = 'eu-west-1_OAuthPool1';
export const CALLBACK = 'http://localhost:3000/callback';
export const SIGNED_OUT = 'http://localhost:3000/';
export const API = 'https://api.example.com';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';

export function oauthSeed(
  extra: Partial<NonNullable<EmulatorSeed['pools']>[number]> = {},
): EmulatorSeed {
  return {
    pools: [
      {
        id: POOL_ID,
        domain: 'oauth-test',
        mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
        resourceServers: [
          { identifier: API, name: 'Example API', scopes: [{ name: 'read' }, { name: 'write' }] },
        ],
        clients: [
          {
            id: 'webapp',
            name: 'Web app',
            oauth: {
              flows: ['code'],
              scopes: [
                'openid',
                'email',
                'profile',
                'aws.cognito.signin.user.admin',
                `${API}/read`,
              ],
              callbackUrls: [CALLBACK],
              logoutUrls: [SIGNED_OUT],
            },
          },
          {
            id: 'confidentialweb',
            secret: 'webSecret123',
            oauth: { flows: ['code'], scopes: ['openid', 'email'], callbackUrls: [CALLBACK] },
          },
          {
            id: 'machine',
            secret: 'machineSecret123',
            oauth: { flows: ['client_credentials'], scopes: [`${API}/read`, `${API}/write`] },
          },
          {
            id: 'implicitapp',
            oauth: { flows: ['implicit'], scopes: ['openid', 'email'], callbackUrls: [CALLBACK] },
          },
          {
            id: 'apionly',
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
        users: [
          {
            username: 'alice',
            password: 'Alice-Passw0rd',
            attributes: {
              email: 'alice@example.com',
              email_verified: true,
              name: 'Alice',
              phone_number: '+15550100',
            },
          },
          {
            username: 'tina',
            password: 'Tina-Passw0rd',
            attributes: { email: 'tina@example.com' },
            mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
          },
        ],
        ...extra,
      },
    ],
  };
}
