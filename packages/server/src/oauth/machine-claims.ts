import type { AccessTokenClaims } from '@cognito-kit/core';

/**
 * Claims of a client-credentials access token (COGNITO-PASSWORDLESS-OAUTH §9): the app client is
 * the subject (`sub` = `client_id`), `scope` holds the custom scopes; there is no user, so no
 * `username` and no `cognito:groups`.
 */
export interface ClientCredentialsClaims {
  sub: string;
  client_id: string;
  token_use: 'access';
  scope: string;
  iss: string;
  iat: number;
  exp: number;
  auth_time?: number;
  jti?: string;
  version?: number;
  [claim: string]: unknown;
}

/**
 * Whether verified access-token claims are a machine's (client credentials) rather than a user's,
 * so an API can tell "a service called" from "a person called" before reading `username`.
 *
 * @example
 * const claims = await verifier.verify(token, { scopes: 'https://api.example.com/read' });
 * if (isClientCredentialsToken(claims)) log(`service ${claims.client_id}`);
 */
export function isClientCredentialsToken(
  claims: AccessTokenClaims | ClientCredentialsClaims,
): claims is ClientCredentialsClaims {
  return (
    claims.token_use === 'access' &&
    claims.username === undefined &&
    claims.sub === claims.client_id
  );
}
