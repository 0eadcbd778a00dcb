/**
 * Federation: `/oauth2/authorize` with an identity provider sends the browser to that provider,
 * and `/oauth2/idpresponse` takes it back — the code is exchanged, the provider's ID token
 * verified (issuer, audience, expiry, nonce), the pool user found or created, and the sign-in
 * completed like any other. The engine makes no outgoing requests, so the provider must be the
 * built-in one (`ProviderDetails.oidc_issuer` = `<emulator>/upstream-idp`); others are refused
 * with a message saying so.
 */
import { jwtVerify, type JWTPayload } from 'jose';
import { nowSeconds, type EngineContext } from '../context.js';
import { nameIndex, own } from '../model/records.js';
import type { IdentityProviderState, PendingFederationState, PoolState } from '../model/state.js';
import type { AuthorizeRequest } from './authorize-request.js';
import { readAuthorizeRequest } from './authorize-request.js';
import { completeAuthorization } from './complete.js';
import { federatedUser } from '../model/federated-users.js';
import { oauthRecords } from './grants.js';
import { OAuthError, base64Url, html, redirect, withParams } from './http.js';
import { errorPage } from './hosted-page.js';
import { answerRefusal, refusalOf } from './refusal.js';
import {
  UPSTREAM_PATH,
  exchangeUpstreamCode,
  isUpstreamIssuer,
  upstreamVerificationKey,
} from './upstream-idp.js';

/** How long a user may take at the identity provider. */
const FEDERATION_LIFETIME_MS = 10 * 60_000;
/** Where identity providers send the user back (Cognito's path). */
export const IDP_RESPONSE_PATH = '/oauth2/idpresponse';

/**
 * The provider's issuer. A path (`/upstream-idp`, an emulator extension for seeds that do not
 * know the emulator's port) is taken on the origin the sign-in came to.
 */
function issuerOf(provider: IdentityProviderState, origin: string): string | undefined {
  const issuer = provider.providerDetails['oidc_issuer']?.replace(/\/+$/, '');
  return issuer?.startsWith('/') ? `${origin}${issuer}` : issuer;
}

function clientIdAtProvider(provider: IdentityProviderState): string {
  return provider.providerDetails['client_id'] ?? 'cognito-kit-emulator';
}

/** Redirects the browser to `provider`'s authorization endpoint. */
export function startFederation(
  ctx: EngineContext,
  auth: AuthorizeRequest,
  provider: IdentityProviderState,
  origin: string,
  headers: Headers,
): Response {
  const issuer = issuerOf(provider, origin);
  if (provider.providerType === 'SAML' || !isUpstreamIssuer(issuer) || issuer === undefined) {
    return answerRefusal(
      refusalOf(
        auth,
        'invalid_request',
        `The emulator federates only with its built-in OIDC provider: set ProviderDetails.oidc_issuer of ${provider.providerName} to ${origin}${UPSTREAM_PATH}.`,
      ),
      headers,
    );
  }
  const state = base64Url(ctx.random(24));
  const nonce = base64Url(ctx.random(16));
  const records = oauthRecords(auth.pool);
  records.federations ??= nameIndex();
  records.federations[state] = {
    providerName: provider.providerName,
    query: auth.query,
    nonce,
    expiresAt: ctx.clock.now() + FEDERATION_LIFETIME_MS,
  };
  const scope = (provider.providerDetails['authorize_scopes'] ?? 'openid email profile').replace(
    /,/g,
    ' ',
  );
  return redirect(
    withParams(`${issuer}/authorize`, {
      response_type: 'code',
      client_id: clientIdAtProvider(provider),
      redirect_uri: `${origin}${IDP_RESPONSE_PATH}`,
      scope,
      state,
      nonce,
    }),
    headers,
  );
}

/** Takes the pending federation a `state` names, in whichever pool it is. */
function takePending(
  ctx: EngineContext,
  state: string,
): { pool: PoolState; pending: PendingFederationState } | undefined {
  for (const pool of Object.values(ctx.state.pools)) {
    const pending = own(pool.oauth?.federations, state);
    if (!pending) continue;
    delete pool.oauth?.federations?.[state];
    return pending.expiresAt > ctx.clock.now() ? { pool, pending } : undefined;
  }
  return undefined;
}

/** Verifies the provider's ID token: signature, issuer, audience, expiry and our nonce. */
async function verifiedClaims(
  ctx: EngineContext,
  provider: IdentityProviderState,
  idToken: string,
  expected: { issuer: string; nonce: string },
): Promise<JWTPayload> {
  const { issuer, nonce } = expected;
  try {
    const { payload } = await jwtVerify(idToken, await upstreamVerificationKey(ctx), {
      algorithms: ['RS256'],
      issuer,
      audience: clientIdAtProvider(provider),
      currentDate: new Date(ctx.clock.now()),
    });
    if (payload['nonce'] !== nonce) throw new Error('nonce mismatch');
    return payload;
  } catch (error) {
    throw new OAuthError(
      'invalid_request',
      `The identity provider's ID token was refused: ${(error as Error).message}`,
    );
  }
}

/** `GET /oauth2/idpresponse`: the identity provider sends the user back here. */
export async function idpResponseRoute(
  ctx: EngineContext,
  url: URL,
  headers: Headers,
): Promise<Response> {
  const found = takePending(ctx, url.searchParams.get('state') ?? '');
  if (!found)
    return html(
      400,
      errorPage(
        'invalid_request',
        'This sign-in has expired or was already used. Start again from the app.',
      ),
      headers,
    );
  const decision = readAuthorizeRequest(ctx, new URLSearchParams(found.pending.query));
  if (decision.kind !== 'ok') return answerRefusal(decision, headers);
  const auth = decision.request;
  const idpError = url.searchParams.get('error');
  if (idpError !== null)
    return answerRefusal(
      refusalOf(auth, idpError, url.searchParams.get('error_description') ?? idpError),
      headers,
    );
  const provider = own(found.pool.identityProviders, found.pending.providerName);
  if (!provider)
    return answerRefusal(
      refusalOf(auth, 'invalid_request', 'The identity provider no longer exists.'),
      headers,
    );
  try {
    const tokens = await exchangeUpstreamCode(ctx, {
      code: url.searchParams.get('code') ?? '',
      clientId: clientIdAtProvider(provider),
      redirectUri: `${url.origin}${IDP_RESPONSE_PATH}`,
    });
    const claims = await verifiedClaims(ctx, provider, tokens.id_token, {
      issuer: issuerOf(provider, url.origin) ?? '',
      nonce: found.pending.nonce,
    });
    const user = federatedUser(ctx, found.pool, provider, claims);
    if (!user.enabled)
      return answerRefusal(refusalOf(auth, 'invalid_request', 'User is disabled.'), headers);
    return completeAuthorization(
      ctx,
      auth,
      { user, authTime: nowSeconds(ctx), newSession: true },
      url.origin,
      headers,
    );
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return answerRefusal(
      refusalOf(
        auth,
        error.code === 'invalid_grant' ? 'invalid_request' : error.code,
        error.message,
      ),
      headers,
    );
  }
}
