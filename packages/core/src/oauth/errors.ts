import {
  AuthorizationResponseError,
  OperationProcessingError,
  ResponseBodyError,
  WWWAuthenticateChallengeError,
  JWT_CLAIM_COMPARISON,
  JWT_TIMESTAMP_CHECK,
} from 'oauth4webapi';
import { CognitoError, isCognitoError } from '../errors/index.js';

/** Cognito's OAuth endpoints refused; `code` is RFC 6749's (`access_denied`, `invalid_grant`…). */
export function oauthRefusal(code: string, description?: string, status?: number): CognitoError {
  return new CognitoError({
    code: 'OAuthError',
    // The description is Cognito's (or the identity provider's) text about the request, never a token.
    message: `The sign-in was refused (${code})${description ? `: ${description}` : '.'}`,
    serviceType: code,
    status,
  });
}

/**
 * Turns whatever an oauth4webapi request threw into a {@link CognitoError}: OAuth error answers
 * (a JSON body, or a 401 `WWW-Authenticate` challenge for bad client credentials) become `OAuthError`, ID-token checks oauth4webapi makes (nonce, audience, issuer, times) `InvalidToken`,
 * a request that got no answer `NetworkError`, anything else `ProtocolError`.
 */
export function fromOAuthError(error: unknown): CognitoError {
  if (isCognitoError(error)) return error;
  if (error instanceof ResponseBodyError) {
    return oauthRefusal(error.error, error.error_description, error.status);
  }
  if (error instanceof WWWAuthenticateChallengeError) {
    const code = error.cause[0]?.parameters.error ?? 'invalid_client';
    return oauthRefusal(code, error.cause[0]?.parameters.error_description, error.status);
  }
  if (error instanceof AuthorizationResponseError) {
    return oauthRefusal(error.error, error.error_description);
  }
  if (error instanceof OperationProcessingError) {
    const claims = error.code === JWT_CLAIM_COMPARISON || error.code === JWT_TIMESTAMP_CHECK;
    return new CognitoError({
      code: claims ? 'InvalidToken' : 'ProtocolError',
      message: `The token endpoint's answer failed a check: ${error.message}`,
      cause: error,
    });
  }
  if (error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError')) {
    return new CognitoError({
      code: 'NetworkError',
      message: 'The token endpoint could not be reached.',
      cause: error,
    });
  }
  return new CognitoError({
    code: 'ProtocolError',
    message: 'The token endpoint answered in an unexpected way.',
    cause: error,
  });
}
