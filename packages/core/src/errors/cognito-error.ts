import { isRetryableCode, type CognitoErrorCode } from './codes.js';

// A registered symbol brands instances, so `isCognitoError` still works when an app ends up
// with two bundled copies of this package (where `instanceof` would fail).
const BRAND = Symbol.for('cognito-kit.CognitoError');

/** What a {@link CognitoError} is built from. */
export interface CognitoErrorInit {
  code: CognitoErrorCode;
  message: string;
  /** HTTP status of the answer, when there was one. */
  status?: number | undefined;
  /** `x-amzn-RequestId` of the answer, when there was one. */
  requestId?: string | undefined;
  /** The Cognito action that failed (`InitiateAuth`, …). */
  action?: string | undefined;
  /** The raw exception name for `UnknownServiceException`. */
  serviceType?: string | undefined;
  /** Overrides the default retryability of `code`. */
  retryable?: boolean | undefined;
  cause?: unknown;
}

/**
 * The one error type of cognito-kit. `code` is Cognito's exception name or a local code;
 * never match on `message`, which is the service's English text and may change.
 *
 * @example
 * try { await auth.signIn({ username, password }); }
 * catch (e) { if (isCognitoError(e, 'NotAuthorizedException')) showWrongPassword(); }
 */
export class CognitoError extends Error {
  override readonly name = 'CognitoError';
  readonly code: CognitoErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly action: string | undefined;
  readonly serviceType: string | undefined;
  /** Whether the same request may succeed if sent again later. */
  readonly retryable: boolean;
  readonly [BRAND] = true;

  constructor(init: CognitoErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.action = init.action;
    this.serviceType = init.serviceType;
    this.retryable = init.retryable ?? isRetryableCode(init.code);
  }
}

/**
 * Whether `value` is a {@link CognitoError}, optionally with one of the given codes.
 *
 * @example
 * if (isCognitoError(err, 'CodeMismatchException', 'ExpiredCodeException')) askForNewCode();
 */
export function isCognitoError<C extends CognitoErrorCode>(
  value: unknown,
  ...codes: C[]
): value is CognitoError & { code: C } {
  if (typeof value !== 'object' || value === null || !(BRAND in value)) return false;
  return codes.length === 0 || codes.includes((value as CognitoError).code as C);
}

/** Shorthand for local errors raised before anything is sent. */
export function invalidInput(message: string): CognitoError {
  return new CognitoError({ code: 'InvalidInput', message });
}

/** Shorthand for an operation that does not fit the current auth state. */
export function invalidState(message: string): CognitoError {
  return new CognitoError({ code: 'InvalidState', message });
}

/** Shorthand for an answer that breaks the protocol's promised shape. */
export function protocolError(message: string, action?: string): CognitoError {
  return new CognitoError({ code: 'ProtocolError', message, action });
}
