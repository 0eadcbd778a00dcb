import { decodeJwt } from 'jose';
import { CognitoError } from '../errors/index.js';

/** The tokens of one signed-in session, as Cognito issued them. */
export interface TokenSet {
  idToken: string;
  accessToken: string;
  /** Absent when the session was restored from a store that keeps no refresh token. */
  refreshToken?: string | undefined;
}

/** Claims both Cognito token kinds carry (COGNITO-PROTOCOL §5). Times are epoch seconds. */
export interface CommonTokenClaims {
  sub: string;
  iss: string;
  auth_time: number;
  iat: number;
  exp: number;
  /** Present when token revocation is enabled on the app client. */
  jti?: string;
  /** The original authentication, shared by every token refreshed from it. */
  origin_jti?: string;
  event_id?: string;
  'cognito:groups'?: string[];
  [claim: string]: unknown;
}

/** Claims of a Cognito ID token. User attributes appear as claims (`email`, `custom:*` …). */
export interface IdTokenClaims extends CommonTokenClaims {
  token_use: 'id';
  /** The app client id. */
  aud: string;
  'cognito:username': string;
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  [claim: `custom:${string}`]: unknown;
}

/** Claims of a Cognito access token. It has no `aud`. */
export interface AccessTokenClaims extends CommonTokenClaims {
  token_use: 'access';
  client_id: string;
  /** Space-separated scopes; API sign-ins get `aws.cognito.signin.user.admin`. */
  scope?: string;
  /** The internal username (never an alias). */
  username: string;
  /** Set when the token was issued to a tracked device. */
  device_key?: string;
}

/** Which kind of token a `token_use` claim names. */
export type TokenUse = 'id' | 'access';

function invalidToken(message: string, cause?: unknown): CognitoError {
  return new CognitoError({ code: 'InvalidToken', message, cause });
}

function decodePayload(token: string, use: TokenUse): Record<string, unknown> {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token);
  } catch (cause) {
    // jose's message describes the structure only, never the token's content.
    throw invalidToken(`The ${use} token is not a well-formed JWT.`, cause);
  }
  const missing: string[] = (['sub', 'iss'] as const).filter((k) => typeof payload[k] !== 'string');
  missing.push(...(['iat', 'exp'] as const).filter((k) => typeof payload[k] !== 'number'));
  if (missing.length > 0) {
    throw invalidToken(`The ${use} token lacks the claim(s) ${missing.join(', ')}.`);
  }
  if (payload.token_use !== use) {
    throw invalidToken(`Expected an ${use} token but token_use is not "${use}".`);
  }
  return payload;
}

/**
 * Decodes an ID token's claims WITHOUT verifying it (use `createTokenVerifier` for that).
 * Throws `CognitoError` `InvalidToken` when it is not a JWT or not an ID token.
 */
export function decodeIdToken(token: string): IdTokenClaims {
  const payload = decodePayload(token, 'id');
  if (typeof payload.aud !== 'string' || typeof payload['cognito:username'] !== 'string') {
    throw invalidToken('The id token lacks aud or cognito:username.');
  }
  return payload as IdTokenClaims;
}

/**
 * Decodes an access token's claims WITHOUT verifying it.
 * Throws `CognitoError` `InvalidToken` when it is not a JWT or not an access token.
 */
export function decodeAccessToken(token: string): AccessTokenClaims {
  const payload = decodePayload(token, 'access');
  if (typeof payload.client_id !== 'string' || typeof payload.username !== 'string') {
    throw invalidToken('The access token lacks client_id or username.');
  }
  return payload as AccessTokenClaims;
}

/**
 * When a refresh falls due, in epoch ms: `margin` before expiry, but never earlier than half
 * the token's lifetime, so very short-lived tokens (emulator tests) do not refresh in a loop.
 */
export function refreshDueAt(claims: { iat: number; exp: number }, marginMs: number): number {
  const lifetimeMs = (claims.exp - claims.iat) * 1000;
  const margin = Math.max(0, Math.min(marginMs, lifetimeMs / 2));
  return claims.exp * 1000 - margin;
}
