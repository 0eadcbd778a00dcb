/**
 * The built-in upstream identity provider, served by the emulator under `/upstream-idp`: a
 * small OpenID Connect provider (discovery, an authorize page that lists fake accounts to pick,
 * a token endpoint, JWKS) so that federation ("Continue with Google", a company's OIDC) works
 * offline. Register it in a pool as an `OIDC` provider — or under the names `Google` /
 * `SignInWithApple` — with `oidc_issuer` = `<emulator>/upstream-idp`.
 *
 * It is a test double: it trusts any `client_id` and redirect URI (a code is bound to both and
 * to the PKCE challenge, when sent) and asks for no password — picking an account is signing in.
 */
import { SignJWT } from 'jose';
import type { EngineContext } from '../context.js';
import { nowSeconds } from '../context.js';
import { nameIndex, own } from '../model/records.js';
import type { UpstreamAccount, UpstreamState } from '../model/state.js';
import { generateKey, importKey } from '../model/tokens.js';
import { escapeHtml } from './hosted-page.js';
import {
  OAuthError,
  base64Url,
  basicCredentials,
  html,
  json,
  readForm,
  redirect,
  s256,
  single,
  withParams,
} from './http.js';

/** Path of the provider on the emulator's host; its issuer is `<origin>` + this. */
export const UPSTREAM_PATH = '/upstream-idp';
const CODE_LIFETIME_MS = 5 * 60_000;
const TOKEN_LIFETIME_SECONDS = 3600;

/** Accounts offered when the seed names none. */
const DEFAULT_ACCOUNTS: UpstreamAccount[] = [
  {
    sub: 'upstream-ada',
    claims: {
      email: 'ada@example.com',
      email_verified: true,
      name: 'Ada Lovelace',
      given_name: 'Ada',
      family_name: 'Lovelace',
    },
  },
  {
    sub: 'upstream-alan',
    claims: {
      email: 'alan@example.com',
      email_verified: true,
      name: 'Alan Turing',
      given_name: 'Alan',
      family_name: 'Turing',
    },
  },
];

/** The provider's state, created on first use. */
function upstream(ctx: EngineContext): UpstreamState {
  ctx.state.upstream ??= {
    accounts: DEFAULT_ACCOUNTS.map((a) => ({ sub: a.sub, claims: { ...a.claims } })),
    codes: nameIndex(),
    signingKey: null,
  };
  return ctx.state.upstream;
}

async function signingKey(ctx: EngineContext) {
  const state = upstream(ctx);
  if (!state.signingKey) {
    const key = await generateKey(ctx);
    state.signingKey ??= key;
  }
  return state.signingKey;
}

/** Whether `issuer` names the built-in provider (on whichever host the emulator is reached). */
export function isUpstreamIssuer(issuer: string | undefined): boolean {
  if (issuer === undefined) return false;
  try {
    return new URL(issuer).pathname.replace(/\/+$/, '') === UPSTREAM_PATH;
  } catch {
    return false;
  }
}

/** The provider's public JWKS. */
export async function upstreamJwks(
  ctx: EngineContext,
): Promise<{ keys: Record<string, unknown>[] }> {
  const key = await signingKey(ctx);
  return {
    keys: [
      {
        kid: key.kid,
        alg: 'RS256',
        kty: 'RSA',
        use: 'sig',
        e: key.publicJwk.e,
        n: key.publicJwk.n,
      },
    ],
  };
}

/** The public key that verifies the provider's ID tokens. */
export async function upstreamVerificationKey(ctx: EngineContext): Promise<CryptoKey> {
  return importKey(ctx, await signingKey(ctx), 'public');
}

/** The account picker page (HTML text). */
export function accountPage(accounts: UpstreamAccount[], params: URLSearchParams): string {
  const carried = [
    'response_type',
    'client_id',
    'redirect_uri',
    'state',
    'nonce',
    'scope',
    'code_challenge',
    'code_challenge_method',
  ]
    .flatMap((name) => {
      const value = params.get(name);
      return value === null
        ? []
        : [`<input type="hidden" name="${name}" value="${escapeHtml(value)}">`];
    })
    .join('\n');
  const buttons = accounts
    .map((a) => {
      const name = typeof a.claims['name'] === 'string' ? a.claims['name'] : a.sub;
      const email = typeof a.claims['email'] === 'string' ? ` (${a.claims['email']})` : '';
      return `<li><button type="submit" name="sub" value="${escapeHtml(a.sub)}">${escapeHtml(`${name}${email}`)}</button></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Choose an account – emulator identity provider</title>
<style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:26rem;padding:0 1rem;color:#16191f}ul{list-style:none;padding:0}button{display:block;width:100%;margin:.5rem 0;padding:.7rem;font-size:1rem;border:1px solid #033160;border-radius:4px;background:#fff;color:#033160;cursor:pointer;text-align:left}button:focus-visible{outline:3px solid #ff9900;outline-offset:2px}</style>
</head>
<body>
<main>
<h1>Choose an account</h1>
<p>This is the emulator's built-in identity provider: pick a fake account to sign in with.</p>
<form method="post" action="${UPSTREAM_PATH}/authorize">
${carried}
<ul>
${buttons}
</ul>
</form>
</main>
</body>
</html>`;
}

/** Checks the authorize parameters the provider needs; returns the redirect URI. */
function checkAuthorize(params: URLSearchParams): string {
  const redirectUri = single(params, 'redirect_uri');
  if (redirectUri === undefined || !/^https?:\/\//.test(redirectUri))
    throw new OAuthError('invalid_request', 'redirect_uri must be an absolute http(s) URL.');
  if (single(params, 'client_id') === undefined)
    throw new OAuthError('invalid_request', 'client_id is missing.');
  if (single(params, 'response_type') !== 'code')
    throw new OAuthError('unsupported_response_type', 'Only response_type=code is supported.');
  const method = single(params, 'code_challenge_method');
  if (single(params, 'code_challenge') !== undefined && method !== 'S256')
    throw new OAuthError('invalid_request', 'code_challenge_method must be S256.');
  return redirectUri;
}

/** Issues a code for the picked account (the POST of the account page). */
function approve(
  ctx: EngineContext,
  form: URLSearchParams,
  origin: string,
  headers: Headers,
): Response {
  const redirectUri = checkAuthorize(form);
  const sub = form.get('sub') ?? '';
  if (!upstream(ctx).accounts.some((a) => a.sub === sub))
    throw new OAuthError('invalid_request', 'Unknown account.');
  const code = base64Url(ctx.random(24));
  const nonce = single(form, 'nonce');
  const challenge = single(form, 'code_challenge');
  upstream(ctx).codes[code] = {
    sub,
    clientId: single(form, 'client_id') ?? '',
    redirectUri,
    issuer: `${origin}${UPSTREAM_PATH}`,
    ...(nonce !== undefined && { nonce }),
    ...(challenge !== undefined && { codeChallenge: challenge }),
    expiresAt: ctx.clock.now() + CODE_LIFETIME_MS,
  };
  return redirect(withParams(redirectUri, { code, state: single(form, 'state') }), headers);
}

/** The tokens of a code exchange. */
export interface UpstreamTokens {
  id_token: string;
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * Exchanges a code (the token endpoint's logic, also called in-process by federation, since the
 * engine makes no outgoing requests).
 *
 * @throws OAuthError `invalid_grant` for an unknown, used, expired or mismatched code
 */
export async function exchangeUpstreamCode(
  ctx: EngineContext,
  input: { code: string; clientId: string; redirectUri: string; codeVerifier?: string | undefined },
): Promise<UpstreamTokens> {
  const state = upstream(ctx);
  const grant = own(state.codes, input.code);
  if (grant) delete state.codes[input.code];
  const account = grant && state.accounts.find((a) => a.sub === grant.sub);
  if (
    !grant ||
    !account ||
    grant.expiresAt <= ctx.clock.now() ||
    grant.clientId !== input.clientId ||
    grant.redirectUri !== input.redirectUri
  )
    throw new OAuthError(
      'invalid_grant',
      'The code is invalid, expired or was issued to another client.',
    );
  if (
    grant.codeChallenge !== undefined &&
    (input.codeVerifier === undefined || (await s256(input.codeVerifier)) !== grant.codeChallenge)
  )
    throw new OAuthError('invalid_grant', 'code_verifier does not match.');
  const key = await signingKey(ctx);
  const iat = nowSeconds(ctx);
  const idToken = await new SignJWT({
    ...account.claims,
    ...(grant.nonce !== undefined && { nonce: grant.nonce }),
    auth_time: iat,
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(grant.issuer)
    .setSubject(account.sub)
    .setAudience(grant.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
    .sign(await importKey(ctx, key, 'private'));
  return {
    id_token: idToken,
    access_token: base64Url(ctx.random(32)),
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
  };
}

/** The provider's discovery document. */
function discovery(origin: string): Record<string, unknown> {
  const issuer = `${origin}${UPSTREAM_PATH}`;
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks.json`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256'],
  };
}

/**
 * Answers a request under `/upstream-idp`, or `undefined` for any other path.
 */
export async function handleUpstream(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
): Promise<Response | undefined> {
  if (url.pathname !== UPSTREAM_PATH && !url.pathname.startsWith(`${UPSTREAM_PATH}/`))
    return undefined;
  const route = `${request.method} ${url.pathname.slice(UPSTREAM_PATH.length)}`;
  const machine = route.endsWith('/token');
  try {
    switch (route) {
      case 'GET /.well-known/openid-configuration':
        return json(200, discovery(url.origin), headers);
      case 'GET /jwks.json':
        return json(200, await upstreamJwks(ctx), headers);
      case 'GET /authorize':
        checkAuthorize(url.searchParams);
        return html(200, accountPage(upstream(ctx).accounts, url.searchParams), headers);
      case 'POST /authorize':
        return approve(ctx, await readForm(request), url.origin, headers);
      case 'POST /token': {
        const form = await readForm(request);
        if (single(form, 'grant_type') !== 'authorization_code')
          throw new OAuthError('unsupported_grant_type', 'Only authorization_code is supported.');
        const clientId = basicCredentials(request)?.clientId ?? single(form, 'client_id');
        if (clientId === undefined)
          throw new OAuthError('invalid_client', 'client_id is missing.', 401);
        const tokens = await exchangeUpstreamCode(ctx, {
          code: single(form, 'code') ?? '',
          clientId,
          redirectUri: single(form, 'redirect_uri') ?? '',
          codeVerifier: single(form, 'code_verifier'),
        });
        return json(200, tokens, headers);
      }
      default:
        return json(404, { error: 'not_found' }, headers);
    }
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    if (machine)
      return json(error.status, { error: error.code, error_description: error.message }, headers);
    return html(
      error.status,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><main><h1>Error</h1><p role="alert">${escapeHtml(error.message)}</p></main></body></html>`,
      headers,
    );
  }
}
