/**
 * The seed the CLI starts with when given neither `--seed` nor a data directory that already
 * holds state: one pool, one public web client and one confirmed demo user whose password is
 * public on purpose (it is printed at start-up). The pool has a domain, so the OAuth 2.0
 * endpoints and the hosted page answer for the web client (callbacks on the usual dev-server
 * ports), with "Google" served by the built-in upstream provider.
 */
import type { EmulatorSeed } from '../engine/seed/seed.js';

/** Demo pool id, client id and user. */
export const DEMO = {
  poolId: 'us-east-1_DemoPool1',
  clientId: 'demoWebClient',
  username: 'demo',
  password: 'Passw0rd!',
  email: 'demo@example.com',
} as const;

/** The demo seed (see {@link DEMO}). */
export const demoSeed: EmulatorSeed = {
  pools: [
    {
      id: DEMO.poolId,
      name: 'Demo',
      aliasAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'EMAIL'] },
      domain: 'demo',
      identityProviders: [
        {
          name: 'Google',
          type: 'Google',
          details: { client_id: 'demo-google', oidc_issuer: '/upstream-idp' },
          attributeMapping: { email: 'email', email_verified: 'email_verified', name: 'name' },
        },
      ],
      clients: [
        {
          id: DEMO.clientId,
          name: 'demo-web',
          explicitAuthFlows: [
            'ALLOW_USER_SRP_AUTH',
            'ALLOW_USER_PASSWORD_AUTH',
            'ALLOW_REFRESH_TOKEN_AUTH',
          ],
          oauth: {
            callbackUrls: ['http://localhost:5173/', 'http://localhost:3000/'],
            logoutUrls: ['http://localhost:5173/', 'http://localhost:3000/'],
            identityProviders: ['COGNITO', 'Google'],
          },
        },
        {
          id: 'demoAdminClient',
          name: 'demo-admin',
          explicitAuthFlows: [
            'ALLOW_ADMIN_USER_PASSWORD_AUTH',
            'ALLOW_USER_SRP_AUTH',
            'ALLOW_REFRESH_TOKEN_AUTH',
          ],
        },
      ],
      groups: [{ name: 'admins', description: 'Demo administrators', precedence: 1 }],
      users: [
        {
          username: DEMO.username,
          password: DEMO.password,
          attributes: { email: DEMO.email, email_verified: true, given_name: 'Demo' },
          groups: ['admins'],
        },
      ],
    },
  ],
};
