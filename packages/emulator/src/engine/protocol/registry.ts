/**
 * All action handlers of the engine, merged from the per-area maps, and the names of the
 * actions that need a SigV4 signature.
 */
import type { ActionMap } from './action.js';
import { adminActionNames as adminNames, adminActions } from '../actions/admin-actions.js';
import { authActions } from '../actions/auth.js';
import { authFactorActions } from '../actions/auth-factors.js';
import { deviceActions } from '../actions/devices.js';
import { mfaActions } from '../actions/mfa.js';
import { passkeyActions } from '../actions/passkeys.js';
import { userActions } from '../actions/user.js';

/** Every action the engine answers. */
export const allActions: ActionMap = {
  ...authActions,
  ...userActions,
  ...mfaActions,
  ...deviceActions,
  ...passkeyActions,
  ...authFactorActions,
  ...adminActions,
};

/** Actions that require a SigV4-signed request (admin and pool-management actions). */
export const adminActionNames: ReadonlySet<string> = adminNames;
