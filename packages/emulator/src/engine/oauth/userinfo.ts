/**
 * `GET|POST /oauth2/userInfo` ([DG userinfo-endpoint]; COGNITO-PASSWORDLESS-OAUTH §7.3): the
 * signed-in user's attributes for an access token from the token endpoint that carries
 * `openid`, filtered by the OIDC scopes granted.
 */
import type { EngineContext } from '../context.js';
import { isServiceError } from '../protocol/errors.js';
import { STANDARD_ATTRIBUTES } from '../model/standard-attributes.js';
import { authenticateAccessToken } from '../model/tokens.js';
import { json } from './http.js';

const EMAIL = ['email', 'email_verified'];
const PHONE = ['phone_number', 'phone_number_verified'];
/**
 * `profile`: every standard attribute that `email` and `phone` do not cover, except `sub`
 * (derived from the one list of standard attributes, so a new one cannot be forgotten here).
 */
const PROFILE = STANDARD_ATTRIBUTES.filter(
  (a) => a !== 'sub' && !EMAIL.includes(a) && !PHONE.includes(a),
);
const BY_SCOPE: Record<string, readonly string[]> = {
  email: EMAIL,
  phone: PHONE,
  profile: PROFILE,
};

/** Whether the scopes let the endpoint return `attribute`. */
function visible(attribute: string, scopes: readonly string[]): boolean {
  const oidc = scopes.filter((s) => Object.hasOwn(BY_SCOPE, s));
  // `openid` alone: every attribute the client may read ([DG]).
  if (oidc.length === 0) return true;
  if (attribute.startsWith('custom:') || attribute === 'identities')
    return oidc.includes('profile');
  return oidc.some((s) => BY_SCOPE[s]?.includes(attribute));
}

function bearerError(
  status: number,
  error: string,
  description: string,
  headers: Headers,
): Response {
  headers.set('WWW-Authenticate', `Bearer error="${error}", error_description="${description}"`);
  return json(status, { error, error_description: description }, headers);
}

/** `/oauth2/userInfo`. */
export async function userInfoRoute(
  ctx: EngineContext,
  request: Request,
  headers: Headers,
): Promise<Response> {
  headers.set('Access-Control-Allow-Origin', '*');
  const header = request.headers.get('authorization') ?? '';
  const token = /^bearer /i.test(header) ? header.slice(7).trim() : '';
  if (token === '') return bearerError(401, 'invalid_request', 'Access token is missing', headers);
  let authenticated;
  try {
    authenticated = await authenticateAccessToken(ctx, token);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return bearerError(401, 'invalid_token', error.message, headers);
  }
  const { pool, user, claims } = authenticated;
  const scopes = claims.scope.split(' ');
  if (!scopes.includes('openid'))
    return bearerError(
      403,
      'insufficient_scope',
      'Access token does not contain openid scope',
      headers,
    );
  const readable = pool.clients[claims.client_id]?.readAttributes ?? null;
  const body: Record<string, string> = { sub: user.sub };
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub' || (readable && !readable.includes(name)) || !visible(name, scopes))
      continue;
    body[name] = value;
  }
  body['username'] = user.username;
  return json(200, body, headers);
}
