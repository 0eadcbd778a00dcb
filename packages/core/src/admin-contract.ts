/**
 * The JSON contract between `createAdminHandler` (@cognito-kit/server) and the admin screens of
 * `@cognito-kit/react/admin`: every action's request body, its answer, and the error codes.
 *
 * Types only — this module emits no code. It lives in core because both halves already depend
 * on core: the React side imports it type-only and so carries no server code (nor a dependency
 * on the server package, whose AWS signing would otherwise reach browser type graphs), and an
 * app that implements the same contract in another language still gets these types from the
 * package its browser code uses anyway.
 *
 * Transport: `POST <basePath>/<action>` with a JSON object body and
 * `Authorization: Bearer <access token>`; 200 with the action's answer, or an error status with
 * `{ error: AdminErrorCode, message? }`. Dates are ISO 8601 strings.
 */

/** Cognito's user status (`UserStatusType` plus `EXTERNAL_PROVIDER`). */
export type AdminUserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'UNKNOWN'
  | 'RESET_REQUIRED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'EXTERNAL_PROVIDER';

/** A user as lists show it. */
export interface AdminUserSummary {
  readonly username: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly enabled: boolean;
  readonly status: AdminUserStatus;
  readonly createdAt?: string;
  readonly lastModifiedAt?: string;
}

/** A group as lists show it. */
export interface AdminGroupSummary {
  readonly name: string;
  readonly description?: string;
  readonly precedence?: number;
  readonly createdAt?: string;
}

/** A device the user remembered (device tracking on). */
export interface AdminDeviceSummary {
  readonly deviceKey: string;
  readonly name?: string;
  readonly remembered: boolean;
  readonly lastAuthenticatedAt?: string;
}

/** One user with everything the detail screen shows. */
export interface AdminUserDetail extends AdminUserSummary {
  readonly groups: readonly AdminGroupSummary[];
  readonly devices: readonly AdminDeviceSummary[];
  readonly preferredMfa?: string;
  readonly mfaMethods: readonly string[];
}

/** What a list search matches on: a prefix of one of these (ListUsers searches one attribute). */
export type AdminSearchField = 'username' | 'email' | 'phone_number' | 'name';

/** A list filter: enabled / disabled, or one of Cognito's statuses. */
export type AdminStatusFilter = 'enabled' | 'disabled' | AdminUserStatus;

/** A page of a list; `nextToken` is absent on the last page. */
export interface AdminPage<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

/** Answer of every change that returns nothing else. */
export interface AdminOk {
  readonly ok: true;
}

/** A user is named by username; groups by name. */
export interface AdminUserRef {
  username: string;
}
export interface AdminMembershipRef {
  username: string;
  group: string;
}

/** Every action, its request body and its answer. */
export interface AdminContract {
  listUsers: {
    request: {
      search?: { by: AdminSearchField; prefix: string };
      status?: AdminStatusFilter;
      /** 1–60, default 20. */
      pageSize?: number;
      nextToken?: string;
    };
    response: AdminPage<AdminUserSummary>;
  };
  getUser: { request: AdminUserRef; response: AdminUserDetail };
  createUser: {
    request: {
      username: string;
      /** e.g. `{ email: 'a@example.com', email_verified: 'true' }`. */
      attributes?: Record<string, string>;
      /** Omit to let Cognito generate one. */
      temporaryPassword?: string;
      /** `true`: Cognito sends the invitation (by e-mail); `false`: nothing is sent. */
      sendInvitation: boolean;
    };
    response: { user: AdminUserSummary };
  };
  updateAttributes: {
    request: AdminUserRef & { attributes: Record<string, string> };
    response: AdminOk;
  };
  enableUser: { request: AdminUserRef; response: AdminOk };
  disableUser: { request: AdminUserRef; response: AdminOk };
  resetPassword: { request: AdminUserRef; response: AdminOk };
  signOutEverywhere: { request: AdminUserRef; response: AdminOk };
  deleteUser: { request: AdminUserRef; response: AdminOk };
  listGroups: {
    request: { pageSize?: number; nextToken?: string };
    response: AdminPage<AdminGroupSummary>;
  };
  addToGroup: { request: AdminMembershipRef; response: AdminOk };
  removeFromGroup: { request: AdminMembershipRef; response: AdminOk };
  createGroup: {
    request: { group: string; description?: string; precedence?: number };
    response: { group: AdminGroupSummary };
  };
  deleteGroup: { request: { group: string }; response: AdminOk };
}

export type AdminAction = keyof AdminContract;
export type AdminRequest<A extends AdminAction> = AdminContract[A]['request'];
export type AdminResponse<A extends AdminAction> = AdminContract[A]['response'];

/**
 * Why the handler refused, in the body as `{ error }`:
 * - 400 `unknown_action`, `malformed_body` (not a JSON object), `body_too_large`,
 *   `invalid_input` (a field failed validation; `message` says which);
 * - 401 `unauthorized` / `invalid_token` (RFC 6750 challenge), 403 `forbidden` (no detail);
 * - 405 `method_not_allowed`;
 * - 409 `self_protection`: an admin tried to disable or delete themselves, or to leave (or
 *   delete) the admin group;
 * - Cognito's refusals: 404 `user_not_found` / `group_not_found`, 409 `user_exists` /
 *   `group_exists` / `alias_exists`, 400 `invalid_password` / `invalid_parameter`,
 *   409 `not_allowed` (e.g. resetting a disabled user), 429 `throttled`, 502 `upstream_error`;
 * - 500 `audit_failed`: the change was made but the audit hook threw.
 */
export type AdminErrorCode =
  | 'unknown_action'
  | 'malformed_body'
  | 'body_too_large'
  | 'invalid_input'
  | 'unauthorized'
  | 'invalid_token'
  | 'invalid_request'
  | 'forbidden'
  | 'method_not_allowed'
  | 'self_protection'
  | 'user_not_found'
  | 'group_not_found'
  | 'user_exists'
  | 'group_exists'
  | 'alias_exists'
  | 'invalid_password'
  | 'invalid_parameter'
  | 'not_allowed'
  | 'throttled'
  | 'upstream_error'
  | 'audit_failed'
  | 'temporarily_unavailable';

/** The body of every refusal. */
export interface AdminErrorBody {
  readonly error: AdminErrorCode;
  /** Only with the 400 codes: what was wrong (the handler's own words, never Cognito's). */
  readonly message?: string;
}
