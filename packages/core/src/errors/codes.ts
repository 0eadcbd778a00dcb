/**
 * Exception names Amazon Cognito user pools return in `__type` / `x-amzn-ErrorType`.
 * Listed from the service model so `switch (error.code)` can be exhaustive.
 */
export const COGNITO_EXCEPTION_CODES = [
  'AliasExistsException',
  'CodeDeliveryFailureException',
  'CodeMismatchException',
  'ConcurrentModificationException',
  'DuplicateProviderException',
  'EnableSoftwareTokenMFAException',
  'ExpiredCodeException',
  'ForbiddenException',
  'GroupExistsException',
  'InternalErrorException',
  'InvalidEmailRoleAccessPolicyException',
  'InvalidLambdaResponseException',
  'InvalidParameterException',
  'InvalidPasswordException',
  'InvalidSmsRoleAccessPolicyException',
  'InvalidSmsRoleTrustRelationshipException',
  'InvalidUserPoolConfigurationException',
  'LimitExceededException',
  'MFAMethodNotFoundException',
  'NotAuthorizedException',
  'PasswordHistoryPolicyViolationException',
  'PasswordResetRequiredException',
  'RefreshTokenReuseException',
  'ResourceNotFoundException',
  'SoftwareTokenMFANotFoundException',
  'TooManyFailedAttemptsException',
  'TooManyRequestsException',
  'UnauthorizedException',
  'UnexpectedLambdaException',
  'UnsupportedOperationException',
  'UnsupportedTokenTypeException',
  'UserLambdaValidationException',
  'UserNotConfirmedException',
  'UserNotFoundException',
  'UsernameExistsException',
  // Passkeys (StartWebAuthnRegistration, CompleteWebAuthnRegistration; service model 1.43.67).
  'WebAuthnChallengeNotFoundException',
  'WebAuthnClientMismatchException',
  'WebAuthnConfigurationMissingException',
  'WebAuthnCredentialNotSupportedException',
  'WebAuthnNotEnabledException',
  'WebAuthnOriginNotAllowedException',
  'WebAuthnRelyingPartyMismatchException',
  // Framework-level answers of the AWS JSON protocol.
  'SerializationException',
  'UnknownOperationException',
  'UnrecognizedClientException',
  'MissingAuthenticationTokenException',
  'InvalidSignatureException',
  'AccessDeniedException',
] as const;

/** A Cognito exception name. */
export type CognitoExceptionCode = (typeof COGNITO_EXCEPTION_CODES)[number];

/**
 * Codes raised on this side of the wire.
 * - `NetworkError`: the request never got an HTTP answer (offline, DNS, CORS, aborted by timeout).
 * - `ProtocolError`: an answer that does not have the shape the protocol promises.
 * - `UnknownServiceException`: an error answer whose name is not in {@link COGNITO_EXCEPTION_CODES};
 *   the raw name is kept in {@link CognitoErrorInit.serviceType}.
 * - `InvalidToken`: a JWT that fails verification (signature, issuer, audience, use, expiry).
 * - `SrpError`: an SRP value the protocol forbids (B mod N = 0, u = 0) or bad SRP input.
 * - `InvalidInput`: a caller passed something unusable (empty username, malformed code…).
 * - `StorageError`: the token storage threw (quota, privacy mode).
 * - `NotSignedIn`: an operation needs a session and there is none.
 * - `InvalidState`: the operation does not fit the current auth state (answering a challenge that is not pending).
 * - `OAuthError`: Cognito's OAuth endpoints refused (`error=` on the redirect back, or an error from
 *   `/oauth2/token`); the RFC 6749 code (`access_denied`, `invalid_grant`…) is in `serviceType`.
 * - `OAuthStateMismatch`: a redirect callback whose `state` is not the one this tab sent (tampered
 *   or from another sign-in attempt).
 * - `OAuthNoPendingRedirect`: a redirect callback this tab has no pending sign-in for (already
 *   handled, started in another tab, or expired), so there is no PKCE verifier to finish it with.
 * - `PasskeyCancelled`: the user dismissed the browser's passkey prompt, or it timed out
 *   (`NotAllowedError`, `AbortError`); the other sign-in methods stay usable.
 * - `PasskeyUnavailable`: this browser (or context: no HTTPS, an iframe) cannot use passkeys.
 * - `PasskeyFailed`: the authenticator refused (`InvalidStateError`: already registered, a
 *   wrong relying party, malformed options).
 */
export const LOCAL_ERROR_CODES = [
  'NetworkError',
  'ProtocolError',
  'UnknownServiceException',
  'InvalidToken',
  'SrpError',
  'InvalidInput',
  'StorageError',
  'NotSignedIn',
  'InvalidState',
  'OAuthError',
  'OAuthStateMismatch',
  'OAuthNoPendingRedirect',
  'PasskeyCancelled',
  'PasskeyUnavailable',
  'PasskeyFailed',
] as const;

/** A code this library raises itself (see {@link LOCAL_ERROR_CODES}). */
export type LocalErrorCode = (typeof LOCAL_ERROR_CODES)[number];

/** Every `code` a {@link CognitoError} can carry. */
export type CognitoErrorCode = CognitoExceptionCode | LocalErrorCode;

const exceptionCodes: ReadonlySet<string> = new Set(COGNITO_EXCEPTION_CODES);

/** Whether `name` is a Cognito exception name this library knows. */
export function isCognitoExceptionCode(name: string): name is CognitoExceptionCode {
  return exceptionCodes.has(name);
}

/**
 * Codes where sending the same request again later may succeed. Sign-in steps are still never
 * re-sent automatically; this only tells the caller (and the read/refresh retry policy).
 */
const RETRYABLE: ReadonlySet<CognitoErrorCode> = new Set<CognitoErrorCode>([
  'NetworkError',
  'TooManyRequestsException',
  'LimitExceededException',
  'InternalErrorException',
]);

/** Whether a request that failed with `code` may succeed when sent again later. */
export function isRetryableCode(code: CognitoErrorCode): boolean {
  return RETRYABLE.has(code);
}
