/**
 * The server's view of the session: `getServerSession` with this app's pool, one verifier per
 * server process (it caches the pool's JWKS).
 */
import {
  createCognitoJwtVerifier,
  getServerSession,
  type CookieSource,
  type ServerSessionOptions,
  type ServerSessionResult,
} from '@cognito-kit/server';
import { cognitoSettings } from './settings';

let verifier: ServerSessionOptions['verifier'] | undefined;

function sessionOptions(): ServerSessionOptions {
  const settings = cognitoSettings();
  verifier ??= createCognitoJwtVerifier({
    userPoolId: settings.userPoolId,
    clientId: settings.clientId,
    tokenUse: null, // both: getServerSession checks the access and the ID token
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  });
  return {
    clientId: settings.clientId,
    userPoolId: settings.userPoolId,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    verifier,
    cookie: settings.cookie,
  };
}

/**
 * The session of a request. Server components pass `refresh: false` (they cannot set cookies;
 * the proxy refreshed before them); route handlers and the proxy refresh and set the cookies.
 */
export function readSession(
  cookies: CookieSource,
  { refresh }: { refresh: boolean },
): Promise<ServerSessionResult> {
  return getServerSession(cookies, { ...sessionOptions(), refresh });
}

/** The request header the proxy adds when it refreshed the tokens (shown by the home page). */
export const REFRESHED_HEADER = 'x-cognito-kit-refreshed';
