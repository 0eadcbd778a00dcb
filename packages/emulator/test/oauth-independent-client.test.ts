/**
 * An independent OAuth 2.0 / OpenID Connect client, oauth4webapi, driving the emulator from its
 * discovery document alone: the code flow with PKCE, state and nonce (its own checks of the
 * callback, the token response and the ID token), userInfo, refresh, revocation and
 * client_credentials. The browser part is the tests' form-filling browser.
 */
import * as oauth from 'oauth4webapi';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorServer } from '../src/node/server.js';
import { Browser, formTo, left, page } from './support/oauth-browser.js';
import { API, CALLBACK, POOL_ID } from './support/oauth-seed.js';
import { startOAuthServer } from './support/oauth-server.js';

const insecure = { [oauth.allowInsecureRequests]: true } as const;
let server: EmulatorServer;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  server = await startOAuthServer();
  const issuer = new URL(`${server.url}/${POOL_ID}`);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
});
afterAll(() => server.close());

describe('oauth4webapi against the discovery document', () => {
  it('runs the code flow with PKCE, state and nonce, then userInfo, refresh and revocation', async () => {
    const client: oauth.Client = { client_id: 'webapp' };
    const auth = oauth.None();
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const url = new URL(as.authorization_endpoint ?? '');
    url.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    }).toString();

    const browser = new Browser(server.url);
    const login = page(await browser.open(url.toString()));
    const callback = left(
      await browser.submit(formTo(login.html, '/login'), {
        username: 'alice',
        password: 'Alice-Passw0rd',
      }),
    );

    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      CALLBACK,
      verifier,
      insecure,
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: nonce,
      requireIdToken: true,
    });
    const idClaims = oauth.getValidatedIdTokenClaims(result);
    expect(idClaims?.['cognito:username']).toBe('alice');
    expect(idClaims?.nonce).toBe(nonce);

    // The ID token verifies against the JWKS the discovery document names.
    const jwks = createRemoteJWKSet(new URL(as.jwks_uri ?? ''));
    const verified = await jwtVerify(result.id_token ?? '', jwks, {
      issuer: as.issuer,
      audience: 'webapp',
    });
    expect(verified.payload.sub).toBe(idClaims?.sub);

    const info = await oauth.processUserInfoResponse(
      as,
      client,
      idClaims?.sub ?? '',
      await oauth.userInfoRequest(as, client, result.access_token, insecure),
    );
    expect(info.email).toBe('alice@example.com');

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, result.refresh_token ?? '', insecure),
    );
    expect(refreshed.access_token).not.toBe(result.access_token);

    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, auth, result.refresh_token ?? '', insecure),
    );
    const afterRevocation = await oauth.refreshTokenGrantRequest(
      as,
      client,
      auth,
      result.refresh_token ?? '',
      insecure,
    );
    await expect(
      oauth.processRefreshTokenResponse(as, client, afterRevocation),
    ).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses a callback whose state was tampered with', async () => {
    const client: oauth.Client = { client_id: 'webapp' };
    const browser = new Browser(server.url);
    const url = new URL(as.authorization_endpoint ?? '');
    url.search = new URLSearchParams({
      client_id: 'webapp',
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid',
      state: 'the-real-state',
    }).toString();
    const login = page(await browser.open(url.toString()));
    const callback = left(
      await browser.submit(formTo(login.html, '/login'), {
        username: 'alice',
        password: 'Alice-Passw0rd',
      }),
    );
    callback.searchParams.set('state', 'tampered');
    expect(() => oauth.validateAuthResponse(as, client, callback, 'the-real-state')).toThrow();
  });

  it('gets a client_credentials token with client_secret_basic', async () => {
    const client: oauth.Client = { client_id: 'machine' };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic('machineSecret123'),
      { scope: `${API}/read` },
      insecure,
    );
    const result = await oauth.processClientCredentialsResponse(as, client, response);
    expect(result.token_type).toBe('bearer');
    expect(result.expires_in).toBe(3600);
  });
});
