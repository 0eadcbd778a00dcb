/**
 * GetUserAuthFactors: the user's MFA settings and the factors choice-based sign-in (USER_AUTH)
 * would offer them (service model: `ConfiguredUserAuthFactors`, e.g. `["PASSWORD",
 * "WEB_AUTHN"]`; SOFTWARE_TOKEN only as an MFA factor).
 */
import type { ActionMap } from '../protocol/action.js';
import type { PoolState, UserState } from '../model/state.js';
import { authenticateAccessToken } from '../model/tokens.js';
import { readInput, rules, str } from '../protocol/validate.js';
import { availableFirstFactors } from '../auth/user-auth.js';
import { userMfaMembers } from './admin-shapes.js';

/**
 * `ConfiguredUserAuthFactors`: the first factors USER_AUTH offers the user (PASSWORD standing
 * for both password forms), then SOFTWARE_TOKEN when TOTP MFA is set up.
 */
export function configuredAuthFactors(pool: PoolState, user: UserState): string[] {
  const first = availableFirstFactors(pool, user).filter((f) => f !== 'PASSWORD_SRP');
  return [...first, ...(user.mfa.totpEnabled ? ['SOFTWARE_TOKEN'] : [])];
}

/** GetUserAuthFactors. */
export const authFactorActions: ActionMap = {
  async GetUserAuthFactors(ctx, input) {
    const req = readInput(input, { AccessToken: str({ required: true, ...rules.token }) });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    return {
      Username: user.username,
      ...userMfaMembers(user),
      ConfiguredUserAuthFactors: configuredAuthFactors(pool, user),
    };
  },
};
