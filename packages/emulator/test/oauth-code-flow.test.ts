/**
 * The authorization-code flow over HTTP: discovery, `/oauth2/authorize` and its refusals, the
 * hosted sign-in page (password, TOTP), the session cookie, and `/oauth2/token`'s
 * authorization_code and refresh_token grants with their errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorServer } from '../src/node/server.js';
import { claims } from './admin-harness.js';
import { Browser, formTo, left, page, pkcePair, postForm, basic } from './support/oauth-browser.js';
import { API, CALLBACK, POOL_ID, TOTP_SECRET } from './support/oauth-seed.js';
import { startOAuthServer } from './support/oauth-server.js';
import { totpCodeAt } from '../src/engine/crypto/totp.js';

let server: EmulatorServer;
beforeAll(async () => {
  server = await startOAuthServer();
});
afterAll(() => server.close());

function authorizeUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'webapp',
    redirect_uri: CALLBACK,
    ...params,
  });
  for (const [name, value] of Object.entries(params)) if (value === '') query.delete(name);
  return `${server.url}/oauth2/authorize?${query.toString()}`;
}

/** Signs in on the hosted page and returns the callback URL. */
async function signIn(
  browser: Browser,
  params: Record<string, string>,
  username = 'alice',
  password = 'Alice-Passw0rd',
): Promise<URL> {
  const login = page(await browser.open(authorizeUrl(params)));
  expect(new URL(login.url).pathname).toBe('/login');
  return left(await browser.submit(formTo(login.html, '/login'), { username, password }));
}

async function exchange(code: string, verifier: string, clientId = 'webapp') {
  return postForm(`${server.url}/oauth2/token`, {
    grant_type: 'authorization_code',
    client_id: clientId,
    code,
    redirect_uri: CALLBACK,
    code_verifier: verifier,
  });
}

describe('discovery', () => {
  it('lists the OAuth endpoints of a pool with a domain', async () => {
    const doc = (await (
      await fetch(`${server.url}/${POOL_ID}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: `${server.url}/${POOL_ID}`,
      authorization_endpoint: `${server.url}/oauth2/authorize`,
      token_endpoint: `${server.url}/oauth2/token`,
      userinfo_endpoint: `${server.url}/oauth2/userInfo`,
      revocation_endpoint: `${server.url}/oauth2/revoke`,
      end_session_endpoint: `${server.url}/logout`,
      jwks_uri: `${server.url}/${POOL_ID}/.well-known/jwks.json`,
    });
  });
});

describe('code flow with PKCE', () => {
  it('signs in on the hosted page and exchanges the code for tokens carrying nonce and scopes', async () => {
    const browser = new Browser(server.url);
    const { verifier, challenge } = await pkcePair();
    const back = await signIn(browser, {
      scope: `openid email ${API}/read`,
      state: 'st-1',
      nonce: 'n-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code') ?? '';
    const tokens = await exchange(code, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const id = claims(tokens.body['id_token'] as string);
    expect(id).toMatchObject({
      nonce: 'n-1',
      aud: 'webapp',
      'cognito:username': 'alice',
      token_use: 'id',
    });
    const access = claims(tokens.body['access_token'] as string);
    expect(String(access['scope']).split(' ').sort()).toEqual(
      ['email', `${API}/read`, 'openid'].sort(),
    );
    expect(access).toMatchObject({ username: 'alice', client_id: 'webapp', version: 2 });
    expect(typeof tokens.body['refresh_token']).toBe('string');

    // The refresh grant keeps the scopes and gives no new refresh token (no rotation).
    const refreshed = await postForm(`${server.url}/oauth2/token`, {
      grant_type: 'refresh_token',
      client_id: 'webapp',
      refresh_token: tokens.body['refresh_token'] as string,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).toBeUndefined();
    expect(claims(refreshed.body['access_token'] as string)['scope']).toBe(access['scope']);
    expect(claims(refreshed.body['id_token'] as string)['cognito:username']).toBe('alice');

    // A code works once; a replay also revokes what the first exchange gave (RFC 6749 §4.1.2).
    expect(await exchange(code, verifier)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    const afterReplay = await postForm(`${server.url}/oauth2/token`, {
      grant_type: 'refresh_token',
      client_id: 'webapp',
      refresh_token: tokens.body['refresh_token'] as string,
    });
    expect(afterReplay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const info = await fetch(`${server.url}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${tokens.body['access_token'] as string}` },
    });
    expect(info.status).toBe(401);
  });

  it('refuses a wrong or missing code_verifier and a different redirect_uri', async () => {
    const browser = new Browser(server.url);
    const { verifier, challenge } = await pkcePair();
    const params = { code_challenge: challenge, code_challenge_method: 'S256' };
    const code1 = (await signIn(browser, params)).searchParams.get('code') ?? '';
    expect(await exchange(code1, `${verifier.slice(1)}x`)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    // A second authorize reuses the hosted session: no form, straight back with a code.
    const code2 = left(await browser.open(authorizeUrl(params))).searchParams.get('code') ?? '';
    const missing = await postForm(`${server.url}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: 'webapp',
      code: code2,
      redirect_uri: CALLBACK,
    });
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const code3 = left(await browser.open(authorizeUrl(params))).searchParams.get('code') ?? '';
    const elsewhere = await postForm(`${server.url}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: 'webapp',
      code: code3,
      redirect_uri: 'http://localhost:3000/other',
      code_verifier: verifier,
    });
    expect(elsewhere).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a code presented by another client, an expired code and an unknown grant type', async () => {
    const browser = new Browser(server.url);
    const code = (await signIn(browser, {})).searchParams.get('code') ?? '';
    const other = await postForm(
      `${server.url}/oauth2/token`,
      { grant_type: 'authorization_code', code, redirect_uri: CALLBACK },
      basic('confidentialweb', 'webSecret123'),
    );
    expect(other).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const late = left(await browser.open(authorizeUrl({}))).searchParams.get('code') ?? '';
    server.emulator.api.clock.advance(5 * 60_000 + 1000);
    expect(
      await postForm(`${server.url}/oauth2/token`, {
        grant_type: 'authorization_code',
        client_id: 'webapp',
        code: late,
        redirect_uri: CALLBACK,
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(
      await postForm(`${server.url}/oauth2/token`, { grant_type: 'password', client_id: 'webapp' }),
    ).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await postForm(`${server.url}/oauth2/token`, { client_id: 'webapp' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    const json = await fetch(`${server.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('authenticates confidential clients with Basic or client_secret, and refuses bad secrets', async () => {
    const browser = new Browser(server.url);
    const auth = { client_id: 'confidentialweb', scope: 'openid' };
    const code = (await signIn(browser, auth)).searchParams.get('code') ?? '';
    const wrong = await postForm(
      `${server.url}/oauth2/token`,
      { grant_type: 'authorization_code', code, redirect_uri: CALLBACK },
      basic('confidentialweb', 'nope'),
    );
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
    const code2 = left(await browser.open(authorizeUrl(auth))).searchParams.get('code') ?? '';
    const noSecret = await postForm(`${server.url}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: 'confidentialweb',
      code: code2,
      redirect_uri: CALLBACK,
    });
    expect(noSecret).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
    const code3 = left(await browser.open(authorizeUrl(auth))).searchParams.get('code') ?? '';
    const post = await postForm(`${server.url}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: 'confidentialweb',
      client_secret: 'webSecret123',
      code: code3,
      redirect_uri: CALLBACK,
    });
    expect(post.status).toBe(200);
    const unknown = await postForm(`${server.url}/oauth2/token`, {
      grant_type: 'refresh_token',
      client_id: 'nosuchclient',
      refresh_token: 'x',
    });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
  });
});

describe('/oauth2/authorize refusals', () => {
  async function refusal(params: Record<string, string>) {
    return left(await new Browser(server.url).open(authorizeUrl(params)));
  }

  it('shows the error page for an unknown client or an unregistered redirect_uri', async () => {
    const cases: Record<string, string>[] = [
      { client_id: 'nosuchclient' },
      { redirect_uri: 'http://localhost:3000/elsewhere' },
      { client_id: 'apionly' },
    ];
    for (const params of cases) {
      const landing = await new Browser(server.url).open(authorizeUrl(params));
      const shown = page(landing);
      expect(new URL(shown.url).pathname).toBe('/error');
      expect(shown.status).toBe(400);
    }
    const mismatch = page(
      await new Browser(server.url).open(authorizeUrl({ redirect_uri: 'http://localhost:3000/x' })),
    );
    expect(new URL(mismatch.url).searchParams.get('error')).toBe('redirect_mismatch');
    expect(mismatch.html).toContain('redirect_mismatch');
  });

  it('sends the other errors to the redirect_uri with the state', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ response_type: '' }, 'invalid_request'],
      [{ response_type: 'id_token' }, 'unsupported_response_type'],
      [{ response_type: 'token' }, 'unauthorized_client'],
      [{ scope: 'openid phone' }, 'invalid_scope'],
      [{ code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: 'short', code_challenge_method: 'S256' }, 'invalid_request'],
      [{ identity_provider: 'Nope' }, 'invalid_request'],
      [{ prompt: 'none' }, 'login_required'],
    ];
    for (const [params, error] of cases) {
      const back = await refusal({ ...params, state: 'keep-me' });
      const where =
        params.response_type === 'token'
          ? new URLSearchParams(back.hash.slice(1))
          : back.searchParams;
      expect([where.get('error'), where.get('state')], JSON.stringify(params)).toEqual([
        error,
        'keep-me',
      ]);
    }
  });
});

describe('hosted page', () => {
  it('keeps the user on the form after a wrong password, with an announced message', async () => {
    const browser = new Browser(server.url);
    const login = page(await browser.open(authorizeUrl({})));
    expect(login.html).toMatch(/<label for="username">Username<\/label>/);
    expect(login.html).toMatch(/<html lang="en">/);
    const again = page(
      await browser.submit(formTo(login.html, '/login'), { username: 'alice', password: 'wrong' }),
    );
    expect(again.status).toBe(400);
    expect(again.html).toContain('role="alert"');
    expect(again.html).toContain('Incorrect username or password.');
    expect(again.html).toContain('aria-invalid="true"');
  });

  it('refuses a post without the CSRF cookie', async () => {
    const browser = new Browser(server.url);
    const login = page(await browser.open(authorizeUrl({})));
    browser.cookies.delete('cognito-kit-csrf');
    const refused = page(
      await browser.submit(formTo(login.html, '/login'), {
        username: 'alice',
        password: 'Alice-Passw0rd',
      }),
    );
    expect(refused.status).toBe(403);
  });

  it('asks a user with TOTP for the code, refuses a wrong one, and accepts the right one', async () => {
    const browser = new Browser(server.url);
    const login = page(await browser.open(authorizeUrl({ scope: 'openid' })));
    const step = page(
      await browser.submit(formTo(login.html, '/login'), {
        username: 'tina',
        password: 'Tina-Passw0rd',
      }),
    );
    expect(step.html).toContain('Enter your authenticator code');
    expect(step.html).toContain('autocomplete="one-time-code"');
    const wrong = page(
      await browser.submit(formTo(step.html, '/login/challenge'), { answer: '000000' }),
    );
    expect(wrong.html).toContain('role="alert"');
    const now = server.emulator.api.clock.now();
    const back = left(
      await browser.submit(formTo(wrong.html, '/login/challenge'), {
        answer: totpCodeAt(TOTP_SECRET, now),
      }),
    );
    const code = back.searchParams.get('code') ?? '';
    const tokens = await postForm(`${server.url}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: 'webapp',
      code,
      redirect_uri: CALLBACK,
    });
    expect(claims(tokens.body['id_token'] as string)['cognito:username']).toBe('tina');
  });

  it('asks again after prompt=login and after /logout', async () => {
    const browser = new Browser(server.url);
    await signIn(browser, {});
    expect(left(await browser.open(authorizeUrl({}))).searchParams.get('code')).toBeTruthy();
    const forced = page(await browser.open(authorizeUrl({ prompt: 'login' })));
    expect(new URL(forced.url).pathname).toBe('/login');
    const out = left(
      await browser.open(
        `/logout?client_id=webapp&logout_uri=${encodeURIComponent('http://localhost:3000/')}`,
      ),
    );
    expect(out.toString()).toBe('http://localhost:3000/');
    const asked = page(await browser.open(authorizeUrl({})));
    expect(new URL(asked.url).pathname).toBe('/login');
  });

  it('logout refuses an unregistered logout_uri and sends redirect_uri to the sign-in page', async () => {
    const browser = new Browser(server.url);
    await signIn(browser, {});
    const refused = page(
      await browser.open(
        `/logout?client_id=webapp&logout_uri=${encodeURIComponent('https://evil.example/')}`,
      ),
    );
    expect(new URL(refused.url).searchParams.get('error')).toBe('redirect_mismatch');
    // The session survived the refused request.
    expect(left(await browser.open(authorizeUrl({}))).searchParams.get('code')).toBeTruthy();
    const again = page(
      await browser.open(
        `/logout?client_id=webapp&response_type=code&redirect_uri=${encodeURIComponent(CALLBACK)}&state=s2`,
      ),
    );
    expect(new URL(again.url).pathname).toBe('/login');
    expect(new URL(again.url).searchParams.get('state')).toBe('s2');
  });
});
