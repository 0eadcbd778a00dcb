/**
 * Temporary lockout after repeated failed sign-ins (COGNITO-PROTOCOL §8): after the fifth
 * failure the user is locked for 1 second, doubling with every further failure up to about
 * 15 minutes; attempts during a lockout are refused without being judged (even with the right
 * password) and about 15 quiet minutes reset the counter. Wrong MFA codes count as failures
 * too: Cognito's MFA guide says that after five unsuccessful attempts to present an MFA code
 * the same exponential-timeout lockout begins.
 */
import type { EngineContext } from '../context.js';
import { serviceError } from '../errors.js';
import type { UserState } from '../state.js';

/** NotAuthorizedException `Password attempts exceeded` (answered during a lockout). */
export function attemptsExceeded(): Error {
  return serviceError('NotAuthorizedException', 'Password attempts exceeded');
}

/** Throws `Password attempts exceeded` while the user is locked out; resets a stale counter. */
export function assertNotLockedOut(ctx: EngineContext, user: UserState): void {
  const now = ctx.clock.now();
  if (now < user.lockout.lockedUntil) throw attemptsExceeded();
  if (user.lockout.failures > 0 && now - user.lockout.lastFailureAt >= ctx.behaviour.lockoutMaxMs) {
    user.lockout = { failures: 0, lastFailureAt: 0, lockedUntil: 0 };
    ctx.changed();
  }
}

/**
 * Counts a failed sign-in (wrong password or wrong MFA code) and starts or extends the
 * lockout; true when the user is now past the threshold.
 */
export function countFailedSignIn(ctx: EngineContext, user: UserState): boolean {
  const now = ctx.clock.now();
  const { lockoutThreshold, lockoutMaxMs } = ctx.behaviour;
  const failures = user.lockout.failures + 1;
  let lockedUntil = 0;
  if (failures >= lockoutThreshold) {
    const exponent = Math.min(failures - lockoutThreshold, 30);
    lockedUntil = now + Math.min(1000 * 2 ** exponent, lockoutMaxMs);
  }
  user.lockout = { failures, lastFailureAt: now, lockedUntil };
  ctx.changed();
  return failures > lockoutThreshold;
}

/**
 * Counts a failed password and returns the error to answer with: `Incorrect username or
 * password.` until the threshold, `Password attempts exceeded` beyond it.
 */
export function recordFailedSignIn(ctx: EngineContext, user: UserState): Error {
  return countFailedSignIn(ctx, user)
    ? attemptsExceeded()
    : serviceError('NotAuthorizedException', 'Incorrect username or password.');
}

/** Clears the failure counter after a successful sign-in. */
export function recordSuccessfulSignIn(ctx: EngineContext, user: UserState): void {
  if (user.lockout.failures === 0 && user.lockout.lockedUntil === 0) return;
  user.lockout = { failures: 0, lastFailureAt: 0, lockedUntil: 0 };
  ctx.changed();
}
