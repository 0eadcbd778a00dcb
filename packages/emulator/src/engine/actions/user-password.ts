/**
 * Passwords: ForgotPassword, ConfirmForgotPassword (COGNITO-PROTOCOL §7, §8) and ChangePassword.
 */
import { own } from '../model/records.js';
import { sendPasswordResetCode } from '../model/code-purposes.js';
import type { ActionMap } from '../protocol/action.js';
import {
  admitCodeRequest,
  attemptLimitExceeded,
  codeMismatch,
  consumeCode,
  simulatedDelivery,
} from '../model/codes.js';
import { incorrectCredentials, serviceError } from '../protocol/errors.js';
import { assertPasswordConforms } from '../model/password-policy.js';
import { constantTimeEqual } from '../crypto/srp.js';
import { authenticateAccessToken } from '../model/tokens.js';
import { setPassword } from '../model/user-changes.js';
import { readInput, rules, str, stringMap } from '../protocol/validate.js';
import {
  clientIdentity,
  findUserOrHide,
  recoveryTarget,
  resolveClientCall,
} from './user-common.js';

/** Rolling-hour slot counting wrong previous passwords given to ChangePassword. */
const CHANGE_PASSWORD_FAILURES = 'changePasswordFailures';

/** ForgotPassword, ConfirmForgotPassword, ChangePassword. */
export const passwordActions: ActionMap = {
  async ForgotPassword(ctx, input) {
    const req = readInput(input, {
      ...clientIdentity,
      ClientMetadata: stringMap(),
    });
    const { pool, client } = await resolveClientCall(ctx, req);
    const user = findUserOrHide(pool, client, req.Username);
    if (!user) return { CodeDeliveryDetails: simulatedDelivery(pool, req.Username) };
    if (!user.enabled) throw serviceError('NotAuthorizedException', 'User is disabled.');
    // A user with an admin-set temporary password must sign in with it, not reset it.
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      throw serviceError(
        'NotAuthorizedException',
        'User password cannot be reset in the current state.',
      );
    }
    const target = recoveryTarget(user);
    if (target === undefined) {
      throw serviceError(
        'InvalidParameterException',
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      );
    }
    const details = sendPasswordResetCode(ctx, pool, user, target);
    return { CodeDeliveryDetails: details };
  },

  async ConfirmForgotPassword(ctx, input) {
    const req = readInput(input, {
      ...clientIdentity,
      ConfirmationCode: str({ required: true, ...rules.confirmationCode }),
      Password: str({ required: true, ...rules.password }),
      ClientMetadata: stringMap(),
    });
    const { pool, client } = await resolveClientCall(ctx, req);
    const user = findUserOrHide(pool, client, req.Username);
    // PreventUserExistenceErrors: an unknown user looks like a wrong code.
    if (!user) throw codeMismatch();
    // The policy is checked before the code is spent, so a weak password can be retried.
    assertPasswordConforms(pool.passwordPolicy, req.Password);
    consumeCode(ctx, user, 'forgotPassword', req.ConfirmationCode);
    // A reset (admin- or user-started) ends with the new password.
    const resetDone = user.status === 'RESET_REQUIRED' || user.status === 'FORCE_CHANGE_PASSWORD';
    setPassword(user, req.Password, ctx.clock.now(), resetDone ? 'CONFIRMED' : undefined);
    return {};
  },

  async ChangePassword(ctx, input) {
    const req = readInput(input, {
      PreviousPassword: str(rules.password),
      ProposedPassword: str({ required: true, ...rules.password }),
      AccessToken: str({ required: true, ...rules.token }),
    });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    const now = ctx.clock.now();
    if (user.password !== null) {
      const recent = (own(user.codeRequests, CHANGE_PASSWORD_FAILURES) ?? []).filter(
        (at) => now - at < 3_600_000,
      );
      if (recent.length >= 5) throw attemptLimitExceeded();
      if (req.PreviousPassword === undefined) {
        throw serviceError(
          'InvalidParameterException',
          "1 validation error detected: Value null at 'previousPassword' failed to satisfy constraint: Member must not be null",
        );
      }
      if (!constantTimeEqual(user.password, req.PreviousPassword)) {
        user.codeRequests[CHANGE_PASSWORD_FAILURES] = admitCodeRequest(recent, now, Infinity) ?? [];
        throw incorrectCredentials();
      }
    }
    assertPasswordConforms(pool.passwordPolicy, req.ProposedPassword);
    setPassword(user, req.ProposedPassword, now);
    delete user.codeRequests[CHANGE_PASSWORD_FAILURES];
    return {};
  },
};
