/**
 * One-time codes sent by SMS or e-mail (sign-up confirmation, password reset, attribute
 * verification, SMS/e-mail MFA): issue, check, expire, count failures and requests, and mask
 * the destination the way Cognito shows it in `CodeDeliveryDetails`.
 *
 * Records are plain JSON objects so they can live in the engine state and be persisted.
 */
import type { EngineContext } from '../context.js';
import { serviceError, type ServiceError } from '../protocol/errors.js';
import { own } from './records.js';
import type { CodePurpose, PoolState, UserState, VerifiableAttribute } from './state.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Lifetimes per purpose. Sign-up and attribute codes last 24 hours and password-reset codes
 * 1 hour (COGNITO-PROTOCOL §7, not configurable in Cognito). MFA codes only live as long as the
 * sign-in session that carries them; 3 minutes matches the default session validity.
 */
export const CODE_LIFETIME_MS: Readonly<Record<CodePurpose, number>> = {
  signUp: 24 * HOUR_MS,
  attribute: 24 * HOUR_MS,
  forgotPassword: HOUR_MS,
  mfa: 3 * 60 * 1000,
};

/**
 * Wrong codes tolerated before the code is burnt. Cognito does not publish its limits; clients
 * report a LimitExceededException after the fifth wrong password-reset code.
 */
export const MAX_FAILED_CODE_ATTEMPTS = 5;
/** Codes of one purpose a user may request per rolling hour before LimitExceededException. */
export const MAX_CODE_REQUESTS_PER_HOUR = 5;
/** The rolling window of {@link MAX_CODE_REQUESTS_PER_HOUR}. */
export const CODE_REQUEST_WINDOW_MS = HOUR_MS;

/** A code as stored for a user. */
export interface IssuedCode {
  readonly code: string;
  readonly purpose: CodePurpose;
  /** Attribute the code verifies (`email`, `phone_number`) for attribute codes. */
  readonly attributeName?: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** Wrong submissions so far. */
  failedAttempts: number;
}

/**
 * Draws `digits` uniformly distributed decimal digits. Rejection sampling avoids the bias a plain
 * `byte % 10` would have.
 *
 * @example
 * generateNumericCode(ctx.random); // '048213'
 */
export function generateNumericCode(random: (size: number) => Uint8Array, digits = 6): string {
  let code = '';
  while (code.length < digits) {
    for (const byte of random(digits)) {
      if (byte < 250 && code.length < digits) code += String(byte % 10);
    }
  }
  return code;
}

/**
 * Issues a fresh code for `purpose` at `nowMs`.
 *
 * @example
 * user.codes.signUp = issueCode(ctx.random, ctx.clock.now(), 'signUp');
 */
export function issueCode(
  random: (size: number) => Uint8Array,
  nowMs: number,
  purpose: CodePurpose,
  attributeName?: string,
): IssuedCode {
  return {
    code: generateNumericCode(random),
    purpose,
    ...(attributeName === undefined ? {} : { attributeName }),
    issuedAt: nowMs,
    expiresAt: nowMs + CODE_LIFETIME_MS[purpose],
    failedAttempts: 0,
  };
}

/**
 * Outcome of {@link checkCode}:
 * - `ok` — the code matched and must now be discarded by the caller;
 * - `missing` — no code was issued (or it was already used);
 * - `expired` — the code's lifetime is over;
 * - `mismatch` — wrong code, one more failure counted;
 * - `limitExceeded` — too many wrong codes; the code is unusable, a new one must be requested.
 */
export type CodeCheckOutcome = 'ok' | 'missing' | 'expired' | 'mismatch' | 'limitExceeded';

/**
 * Compares `submitted` with the stored code in constant time. Counts a failure on `record`
 * (mutates it) when the code is wrong.
 *
 * @example
 * switch (checkCode(user.codes.signUp, input.ConfirmationCode, ctx.clock.now())) { … }
 */
export function checkCode(
  record: IssuedCode | undefined,
  submitted: string,
  nowMs: number,
  maxFailures: number = MAX_FAILED_CODE_ATTEMPTS,
): CodeCheckOutcome {
  if (record === undefined) return 'missing';
  if (record.failedAttempts >= maxFailures) return 'limitExceeded';
  if (nowMs >= record.expiresAt) return 'expired';
  if (constantTimeEqual(record.code, submitted)) return 'ok';
  record.failedAttempts += 1;
  return 'mismatch';
}

/**
 * Rolling-hour request counter for code deliveries. Returns the history to store (requests of
 * the last hour plus this one) or `undefined` when the limit is reached and the request must be
 * refused with LimitExceededException.
 *
 * @example
 * const history = admitCodeRequest(user.codeRequests.forgotPassword, now);
 * if (history === undefined) throw limitExceeded(); else user.codeRequests.forgotPassword = history;
 */
export function admitCodeRequest(
  history: readonly number[] | undefined,
  nowMs: number,
  maxPerHour: number = MAX_CODE_REQUESTS_PER_HOUR,
): number[] | undefined {
  const recent = (history ?? []).filter((at) => nowMs - at < CODE_REQUEST_WINDOW_MS);
  if (recent.length >= maxPerHour) return undefined;
  return [...recent, nowMs];
}

/** `CodeDeliveryDetailsType` as Cognito returns it. */
export interface CodeDeliveryDetails {
  readonly Destination: string;
  readonly DeliveryMedium: 'EMAIL' | 'SMS';
  readonly AttributeName: string;
}

/**
 * Masks a phone number as Cognito does: `+` kept, every digit but the last four replaced by `*`
 * (`+15555551234` → `+*******1234`).
 */
export function maskPhoneNumber(phone: string): string {
  const plus = phone.startsWith('+') ? '+' : '';
  const digits = phone.slice(plus.length);
  const kept = digits.slice(-4);
  return plus + '*'.repeat(Math.max(0, digits.length - kept.length)) + kept;
}

/**
 * Masks an e-mail address: first character of the local part and of the domain, `***` for the
 * rest, the top-level domain kept (`alice@example.com` → `a***@e***.com`). The exact pattern
 * Cognito uses is unverified (COGNITO-PROTOCOL §7); clients must treat it as display text.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.charAt(0)}***@${host.charAt(0)}***${tld}`;
}

/**
 * Builds `CodeDeliveryDetails` for a code sent to `attributeName` (`email` → EMAIL, `phone_number`
 * → SMS) at `value`, masking the destination.
 *
 * @example
 * deliveryDetails('email', 'alice@example.com');
 * // { Destination: 'a***@e***.com', DeliveryMedium: 'EMAIL', AttributeName: 'email' }
 */
export function deliveryDetails(
  attributeName: 'email' | 'phone_number',
  value: string,
): CodeDeliveryDetails {
  return attributeName === 'email'
    ? { Destination: maskEmail(value), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
    : { Destination: maskPhoneNumber(value), DeliveryMedium: 'SMS', AttributeName: 'phone_number' };
}

/**
 * Delivery details for a user that does not exist (PreventUserExistenceErrors): shaped like a
 * real answer and stable for the same username, so repeated calls cannot tell the cases apart.
 * `medium` forces e-mail or SMS (USER_AUTH's EMAIL_OTP / SMS_OTP).
 */
export function simulatedDelivery(
  pool: PoolState,
  login: string,
  medium?: 'EMAIL' | 'SMS',
): CodeDeliveryDetails {
  if (medium !== 'SMS' && login.includes('@')) return deliveryDetails('email', login);
  const smsOnly =
    pool.autoVerifiedAttributes.length > 0 && !pool.autoVerifiedAttributes.includes('email');
  const sms = medium === undefined ? smsOnly || /^\+\d+$/.test(login) : medium === 'SMS';
  if (sms) {
    const digits = String(stableHash(login) % 10000).padStart(4, '0');
    return deliveryDetails('phone_number', `+1555555${digits}`);
  }
  return deliveryDetails('email', `${login}@${login.charAt(login.length - 1) || 'x'}.com`);
}

function stableHash(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  }
  return hash;
}

/** LimitExceededException `Attempt limit exceeded, please try after some time.` */
export function attemptLimitExceeded(): ServiceError {
  return serviceError(
    'LimitExceededException',
    'Attempt limit exceeded, please try after some time.',
  );
}

/** CodeMismatchException `Invalid verification code provided, please try again.` */
export function codeMismatch(): ServiceError {
  return serviceError(
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
}

/** ExpiredCodeException `Invalid code provided, please request a code again.` */
export function expiredCode(): ServiceError {
  return serviceError(
    'ExpiredCodeException',
    'Invalid code provided, please request a code again.',
  );
}

/**
 * The Cognito error for a failed {@link checkCode}: CodeMismatchException for a wrong code,
 * ExpiredCodeException for an expired or never-issued one, LimitExceededException once the
 * attempts are used up.
 */
export function codeCheckError(outcome: Exclude<CodeCheckOutcome, 'ok'>): ServiceError {
  switch (outcome) {
    case 'mismatch':
      return codeMismatch();
    case 'missing':
    case 'expired':
      return expiredCode();
    case 'limitExceeded':
      return attemptLimitExceeded();
    default:
      return outcome satisfies never;
  }
}

/**
 * Checks `submitted` against the user's code in `slot`; on success the code is removed, on
 * failure the matching Cognito error is thrown.
 *
 * @example
 * consumeCode(ctx, user, 'signUp', input.ConfirmationCode);
 */
export function consumeCode(
  ctx: EngineContext,
  user: UserState,
  slot: string,
  submitted: string,
): IssuedCode {
  const record: IssuedCode | undefined = own(user.codes, slot);
  const outcome = checkCode(record, submitted, ctx.clock.now());
  if (outcome !== 'ok' || record === undefined)
    throw codeCheckError(outcome === 'ok' ? 'missing' : outcome);
  delete user.codes[slot];
  return record;
}

/** Input of {@link sendCode}. */
export interface SendCodeInput {
  readonly pool: PoolState;
  readonly user: UserState;
  /** Where the code is kept on the user (`signUp`, `forgotPassword`, `attribute:email`). */
  readonly slot: string;
  readonly purpose: CodePurpose;
  /** Outbox purpose label (`SIGN_UP`, `FORGOT_PASSWORD`, `VERIFY_ATTRIBUTE`). */
  readonly label: string;
  /** The attribute the code goes to; its current value is the destination. */
  readonly attributeName: VerifiableAttribute;
}

/**
 * Issues a code, stores it on the user under `slot` (replacing an older one), "delivers" it to
 * the outbox and returns the masked `CodeDeliveryDetails`. Refuses with LimitExceededException
 * after {@link MAX_CODE_REQUESTS_PER_HOUR} requests for the same slot within an hour.
 *
 * @example
 * const details = sendCode(ctx, { pool, user, slot: 'signUp', purpose: 'signUp',
 *   label: 'SIGN_UP', attributeName: 'email' });
 */
export function sendCode(ctx: EngineContext, input: SendCodeInput): CodeDeliveryDetails {
  const { pool, user, slot, attributeName } = input;
  const destination = own(user.attributes, attributeName) ?? '';
  const now = ctx.clock.now();
  const history = admitCodeRequest(own(user.codeRequests, slot), now);
  if (history === undefined) throw attemptLimitExceeded();
  user.codeRequests[slot] = history;
  const issued = issueCode(ctx.random, now, input.purpose, attributeName);
  user.codes[slot] = issued;
  const details = deliveryDetails(attributeName, destination);
  ctx.outbox.send({
    poolId: pool.id,
    username: user.username,
    medium: details.DeliveryMedium,
    destination,
    purpose: input.label,
    code: issued.code,
    ...(details.DeliveryMedium === 'EMAIL' && { subject: 'Your verification code' }),
    message: `Your verification code is ${issued.code}.`,
  });
  return details;
}

function constantTimeEqual(expected: string, actual: string): boolean {
  // Length is not secret (always 6 digits); compare every character regardless of mismatches.
  let diff = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i += 1) {
    diff |= expected.charCodeAt(i) ^ (actual.charCodeAt(i) || 0);
  }
  return diff === 0;
}
