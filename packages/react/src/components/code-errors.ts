import { isCognitoError } from '@cognito-kit/core';

/** Whether `error` is about the code the user typed (so the code field is marked invalid). */
export function isCodeError(error: unknown): boolean {
  return isCognitoError(
    error,
    'CodeMismatchException',
    'ExpiredCodeException',
    'EnableSoftwareTokenMFAException',
  );
}

/**
 * Whether `error` refuses the password the user typed to prove who they are (the sign-in
 * password, the current password of a change), so that field is marked invalid. Cognito answers an
 * unknown user the same way (user-existence protection), so this never singles out the username.
 */
export function isWrongPasswordError(error: unknown): boolean {
  return isCognitoError(error, 'NotAuthorizedException');
}

/** Whether `error` refuses a new password (a policy rule, or one used before). */
export function isWeakPasswordError(error: unknown): boolean {
  return isCognitoError(
    error,
    'InvalidPasswordException',
    'PasswordHistoryPolicyViolationException',
  );
}

/** Whether `error` says the username is taken, so the sign-up's username field is marked. */
export function isUsernameTakenError(error: unknown): boolean {
  return isCognitoError(error, 'UsernameExistsException');
}

/** Whether `error` says an e-mail address or phone number belongs to another account already. */
export function isAliasTakenError(error: unknown): boolean {
  return isCognitoError(error, 'AliasExistsException');
}
