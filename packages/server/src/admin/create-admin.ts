import { adminAppClients, type AdminAppClients } from './app-clients.js';
import { createAdminCaller, type CognitoAdminOptions } from './caller.js';
import { adminDevices, type AdminDevices } from './devices.js';
import { adminGroups, type AdminGroups } from './groups.js';
import { adminIdentityProviders, type AdminIdentityProviders } from './identity-providers.js';
import { adminPool, type AdminPool } from './pool.js';
import { adminSignIn, type AdminSignIn } from './sign-in.js';
import { adminUsers, type AdminUsers } from './users.js';

/** The admin API of one user pool; see each part for its calls. */
export interface CognitoAdmin extends AdminSignIn {
  readonly userPoolId: string;
  /** The URL every call is POSTed to. */
  readonly endpoint: string;
  readonly users: AdminUsers;
  readonly devices: AdminDevices;
  readonly groups: AdminGroups;
  readonly identityProviders: AdminIdentityProviders;
  readonly appClients: AdminAppClients;
  readonly pool: AdminPool;
}

/**
 * The SigV4-signed admin API of one user pool, for servers holding AWS credentials. Every call
 * rejects with a `CognitoError` (Cognito's exception name as `code`, or `InvalidInput` for
 * input refused before sending — missing credentials included).
 *
 * @example
 * const admin = createCognitoAdmin({ userPoolId: 'eu-west-2_Zx9Yw8' }); // credentials from AWS_* env
 * await admin.users.create({ username: 'alice', attributes: { email: 'a@example.com', email_verified: true } });
 * await admin.groups.addUser('editors', 'alice');
 * for await (const user of admin.users.all({ filter: userFilter.startsWith('email', 'a') })) console.log(user.username);
 */
export function createCognitoAdmin(options: CognitoAdminOptions): CognitoAdmin {
  const caller = createAdminCaller(options);
  const signIn = adminSignIn(caller);
  return {
    userPoolId: caller.userPoolId,
    endpoint: caller.endpoint,
    users: adminUsers(caller),
    devices: adminDevices(caller),
    groups: adminGroups(caller),
    identityProviders: adminIdentityProviders(caller),
    appClients: adminAppClients(caller),
    pool: adminPool(caller),
    signIn: signIn.signIn,
    respond: signIn.respond,
  };
}
