/**
 * Time-based one-time passwords as Cognito's software-token MFA uses them: RFC 6238 with
 * HMAC-SHA-1, 30-second steps and 6 digits; secrets are base32 without padding.
 *
 * The emulator accepts the current step and one step either side (clock drift between a phone
 * and the server), and refuses a step that has already been used, so a code seen once cannot
 * be replayed within its window.
 */
import { HOTP, Secret, TOTP } from 'otpauth';

/** Length of one TOTP time step in seconds. */
export const TOTP_PERIOD_SECONDS = 30;
/** Number of digits in a TOTP code. */
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one. */
export const TOTP_WINDOW = 1;
/**
 * Bytes of entropy in a generated secret. 20 bytes (160 bits) is the HMAC-SHA-1 key size RFC 4226
 * recommends and gives a 32-character base32 text with no partial group.
 */
const SECRET_BYTES = 20;

const BASE32_SECRET = /^[A-Z2-7]{16,}$/;

/**
 * Draws a fresh TOTP secret and returns it base32-encoded without padding (what Cognito returns
 * as `SecretCode`).
 *
 * @param random - source of random bytes (the engine context's `random`)
 * @example
 * const secret = generateTotpSecret((n) => crypto.getRandomValues(new Uint8Array(n)));
 * // 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
 */
export function generateTotpSecret(random: (size: number) => Uint8Array): string {
  const bytes = random(SECRET_BYTES);
  return new Secret({ buffer: toArrayBuffer(bytes) }).base32;
}

/** True when `secret` is an unpadded upper-case base32 text of at least 16 characters. */
export function isValidTotpSecret(secret: string): boolean {
  return BASE32_SECRET.test(secret);
}

/** The RFC 6238 step number (counter) that contains the instant `nowMs`. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The code an authenticator app would show for `secret` at `nowMs`. Used by the emulator's
 * programmatic API and by tests; the engine itself only verifies.
 */
export function totpCodeAt(secret: string, nowMs: number): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: nowMs,
  });
}

/** Outcome of {@link verifyTotp}: the step that matched, or why nothing did. */
export type TotpVerification =
  | { readonly ok: true; readonly step: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'mismatch' | 'replayed' };

/** Input of {@link verifyTotp}. */
export interface TotpVerifyInput {
  /** Base32 secret as stored for the user. */
  readonly secret: string;
  /** The 6 digits the user typed. */
  readonly code: string;
  /** Server time in milliseconds. */
  readonly nowMs: number;
  /** Highest step already accepted for this secret; steps at or below it are refused. */
  readonly lastUsedStep?: number | undefined;
}

/**
 * Checks a TOTP code against the current step ±{@link TOTP_WINDOW}. On success the caller must
 * store the returned `step` as the new `lastUsedStep` so the same code cannot be used twice.
 *
 * @example
 * const result = verifyTotp({ secret, code: '123456', nowMs: ctx.clock.now(), lastUsedStep });
 * if (result.ok) user.totpLastUsedStep = result.step;
 */
export function verifyTotp(input: TotpVerifyInput): TotpVerification {
  if (!/^\d{6}$/.test(input.code) || !isValidTotpSecret(input.secret)) {
    return { ok: false, reason: 'malformed' };
  }
  const secret = Secret.fromBase32(input.secret);
  const current = totpStep(input.nowMs);
  let replayed = false;
  // Earliest step first: a code that matches an older, unused step is accepted for that step,
  // which leaves the later steps free for the next code.
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step += 1) {
    const matches =
      HOTP.validate({
        token: input.code,
        secret,
        algorithm: 'SHA1',
        digits: TOTP_DIGITS,
        counter: step,
        window: 0,
      }) !== null;
    if (!matches) continue;
    if (input.lastUsedStep !== undefined && step <= input.lastUsedStep) {
      replayed = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: replayed ? 'replayed' : 'mismatch' };
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
