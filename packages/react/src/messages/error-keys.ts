import { isCognitoError, refusedPasswordRule, type CognitoErrorCode } from '@cognito-kit/core';
import { AnswerNotAcceptedError } from './local-errors.js';
import type { ErrorMessageKey, Messages } from './types.js';

/**
 * The screen an error is shown on, where one Cognito code means different things:
 * NotAuthorizedException is a wrong username or password on `signIn`, a wrong current password on
 * `changePassword`, a passwordless sign-in that ran out of answers on `passwordless`, an account
 * that cannot be confirmed (already confirmed) on `confirmSignUp`, and a sign-in session that ended
 * (too many wrong codes, or too slow) on `challenge`. Elsewhere the generic wording applies.
 */
export type ErrorScreen =
  'signIn' | 'passwordless' | 'challenge' | 'changePassword' | 'confirmSignUp' | 'other';

/** NotAuthorizedException's meaning on each screen (see {@link ErrorScreen}). */
const NOT_AUTHORIZED: Readonly<Record<ErrorScreen, ErrorMessageKey>> = {
  signIn: 'incorrectCredentials',
  other: 'incorrectCredentials',
  passwordless: 'passwordlessFailed',
  challenge: 'sessionExpired',
  changePassword: 'incorrectCurrentPassword',
  confirmSignUp: 'alreadyConfirmed',
};

/**
 * The message key for a {@link CognitoErrorCode} on `screen` (default: sign-in wording).
 * Exhaustive over every code, so a code added to core fails the type check here until it has a
 * message; the service's English text is never read.
 *
 * @example
 * errorMessageKey('CodeMismatchException'); // 'codeMismatch'
 * errorMessageKey('NotAuthorizedException', 'changePassword'); // 'incorrectCurrentPassword'
 */
export function errorMessageKey(
  code: CognitoErrorCode,
  screen: ErrorScreen = 'signIn',
): ErrorMessageKey {
  switch (code) {
    // User-existence: an unknown user gets the same answer as a wrong password, so the UI does not
    // reveal which accounts exist. Lockout is also NotAuthorizedException, hence the shared text.
    case 'NotAuthorizedException':
      return NOT_AUTHORIZED[screen];
    case 'UserNotFoundException':
      return 'incorrectCredentials';
    case 'UserNotConfirmedException':
      return 'userNotConfirmed';
    case 'PasswordResetRequiredException':
      return 'passwordResetRequired';
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return 'codeMismatch';
    case 'ExpiredCodeException':
      return 'codeExpired';
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return 'tooManyAttempts';
    case 'InvalidPasswordException':
    case 'PasswordHistoryPolicyViolationException':
      return 'invalidPassword';
    case 'UsernameExistsException':
    case 'AliasExistsException':
      return 'usernameExists';
    case 'InvalidParameterException':
    case 'InvalidInput':
    case 'SerializationException':
      return 'invalidParameter';
    case 'CodeDeliveryFailureException':
      return 'codeDeliveryFailed';
    case 'MFAMethodNotFoundException':
    case 'SoftwareTokenMFANotFoundException':
      return 'mfaMethodNotFound';
    case 'NotSignedIn':
    case 'InvalidToken':
    case 'InvalidState':
    case 'RefreshTokenReuseException':
      return 'sessionExpired';
    case 'NetworkError':
      return 'network';
    case 'OAuthStateMismatch':
    case 'OAuthNoPendingRedirect':
      return 'redirectRefused';
    case 'OAuthError':
      return 'providerRefused';
    case 'UserLambdaValidationException':
    case 'UnexpectedLambdaException':
    case 'InvalidLambdaResponseException':
      return 'rejectedByTrigger';
    case 'InvalidUserPoolConfigurationException':
    case 'InvalidEmailRoleAccessPolicyException':
    case 'InvalidSmsRoleAccessPolicyException':
    case 'InvalidSmsRoleTrustRelationshipException':
    case 'ResourceNotFoundException':
    case 'UnrecognizedClientException':
    case 'UnsupportedOperationException':
    case 'UnsupportedTokenTypeException':
    case 'UnknownOperationException':
    case 'MissingAuthenticationTokenException':
    case 'InvalidSignatureException':
    case 'AccessDeniedException':
    case 'UnauthorizedException':
    case 'ForbiddenException':
      return 'configuration';
    case 'ConcurrentModificationException':
    case 'DuplicateProviderException':
    case 'GroupExistsException':
    case 'InternalErrorException':
    case 'ProtocolError':
    case 'UnknownServiceException':
    case 'SrpError':
    case 'StorageError':
      return 'unexpected';
    case 'PasskeyCancelled':
      return 'passkeyCancelled';
    case 'PasskeyUnavailable':
      return 'passkeyUnavailable';
    case 'PasskeyFailed':
    case 'WebAuthnCredentialNotSupportedException':
      return 'passkeyFailed';
    // The registration outlived its challenge: start again.
    case 'WebAuthnChallengeNotFoundException':
      return 'sessionExpired';
    case 'WebAuthnNotEnabledException':
    case 'WebAuthnConfigurationMissingException':
    case 'WebAuthnClientMismatchException':
    case 'WebAuthnOriginNotAllowedException':
    case 'WebAuthnRelyingPartyMismatchException':
      return 'configuration';
    default:
      code satisfies never;
      return 'unexpected';
  }
}

/**
 * The text to show for any thrown value on `screen`: a {@link CognitoError} through its code (a
 * refused password through the rule Cognito named), anything else as the generic "unexpected"
 * text (its own message may hold internals and is never shown).
 */
export function errorText(messages: Messages, error: unknown, screen?: ErrorScreen): string {
  if (error instanceof AnswerNotAcceptedError) return messages.errors.answerNotAccepted;
  const rule = refusedPasswordRule(error);
  if (rule) return messages.passwordRules.refused[rule];
  return messages.errors[
    isCognitoError(error) ? errorMessageKey(error.code, screen) : 'unexpected'
  ];
}
