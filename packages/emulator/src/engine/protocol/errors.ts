/**
 * Errors the engine answers with. A handler throws a {@link ServiceError}; dispatch turns it into
 * Cognito's wire shape (`{"__type","message"}` with the same name in `x-amzn-ErrorType`). Anything
 * else thrown becomes a 500 InternalErrorException.
 */

/** An error Cognito would answer with: its `__type`, message and HTTP status. */
export class ServiceError extends Error {
  /** Cognito's exception name, e.g. `NotAuthorizedException`. */
  readonly type: string;
  /** HTTP status (400 for client errors, 500 for InternalErrorException). */
  readonly status: number;
  /**
   * Body member that carries the message: Cognito's own exceptions use `message`, framework
   * errors (SerializationException, UnknownOperationException) use `Message`.
   */
  readonly messageKey: 'message' | 'Message';

  constructor(
    type: string,
    message: string,
    status = 400,
    messageKey: 'message' | 'Message' = 'message',
  ) {
    super(message);
    this.name = 'ServiceError';
    this.type = type;
    this.status = status;
    this.messageKey = messageKey;
  }
}

/**
 * Creates a {@link ServiceError} to throw from a handler.
 *
 * @example
 * throw serviceError('NotAuthorizedException', 'Incorrect username or password.');
 */
export function serviceError(type: string, message: string, status = 400): ServiceError {
  return new ServiceError(type, message, status);
}

/** True for a {@link ServiceError}, optionally of one of the given types. */
export function isServiceError(error: unknown, ...types: string[]): error is ServiceError {
  return error instanceof ServiceError && (types.length === 0 || types.includes(error.type));
}

/** SerializationException (unparsable JSON, wrong JSON types), with Cognito's `Message` member. */
export function serializationError(message: string): ServiceError {
  return new ServiceError('SerializationException', message, 400, 'Message');
}

/** NotAuthorizedException `Incorrect username or password.` — the answer for every bad credential. */
export function incorrectCredentials(): ServiceError {
  return serviceError('NotAuthorizedException', 'Incorrect username or password.');
}

/** UserNotFoundException `User does not exist.` */
export function userNotFound(): ServiceError {
  return serviceError('UserNotFoundException', 'User does not exist.');
}

/** ResourceNotFoundException for an unknown app client. */
export function clientNotFound(clientId: string): ServiceError {
  return serviceError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
}

/** ResourceNotFoundException for an unknown user pool. */
export function poolNotFound(poolId: string, status = 400): ServiceError {
  return serviceError('ResourceNotFoundException', `User pool ${poolId} does not exist.`, status);
}

/** NotAuthorizedException `Invalid session for the user.` (unknown or expired Session). */
export function invalidSession(): ServiceError {
  return serviceError('NotAuthorizedException', 'Invalid session for the user.');
}

/** InternalErrorException (HTTP 500): a bug in the emulator, never a client mistake. */
export function internalError(): ServiceError {
  return new ServiceError('InternalErrorException', 'An internal error occurred.', 500);
}

/**
 * CodeMismatchException for a wrong code answered to a sign-in challenge (SMS_MFA, EMAIL_OTP,
 * SMS_OTP, SOFTWARE_TOKEN_MFA).
 */
export function wrongSignInCode(): ServiceError {
  return serviceError('CodeMismatchException', 'Invalid code or auth state for the user.');
}
