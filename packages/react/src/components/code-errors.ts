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
