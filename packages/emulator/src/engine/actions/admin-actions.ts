/**
 * Every admin and pool-management action (all of them require a SigV4 signature), merged for
 * the registry: `adminActions` to answer them, `adminActionNames` for dispatch to demand a
 * signature.
 */
import type { ActionMap } from '../protocol/action.js';
import { adminAuthActions } from './admin-auth.js';
import { clientAdminActions } from './admin-clients.js';
import { deviceAdminActions } from './admin-devices.js';
import { groupAdminActions } from './admin-groups.js';
import { idpAdminActions } from './admin-idps.js';
import { federationAdminActions } from './admin-federation.js';
import { oauthAdminActions } from './admin-oauth.js';
import { poolAdminActions } from './admin-pools.js';
import { userAdminActions } from './admin-users.js';

/**
 * Handlers of the admin API (user pools, app clients, users, groups, identity providers, admin
 * sign-in, users' devices and MFA preference).
 */
export const adminActions: ActionMap = {
  ...poolAdminActions,
  ...clientAdminActions,
  ...userAdminActions,
  ...groupAdminActions,
  ...idpAdminActions,
  ...oauthAdminActions,
  ...federationAdminActions,
  ...adminAuthActions,
  ...deviceAdminActions,
};

/** Names of the actions above; dispatch refuses them without a valid SigV4 signature. */
export const adminActionNames: ReadonlySet<string> = new Set(Object.keys(adminActions));
