/** Users of the pool: create, read, list, change, delete, and their sign-in state. */
import type { CallOptions } from '../low-level.js';
import type { AdminCaller } from './caller.js';
import {
  fromWireGetUser,
  fromWireUser,
  toWireAttributes,
  type AdminUser,
  type AdminUserDetails,
  type AttributesInput,
} from './convert.js';
import type { UserFilter } from './filter.js';
import { fromWireGroup, type AdminGroup } from './groups.js';
import { requireAttributeNames, requireText, requireUsername } from './input.js';
import {
  LIMIT_NEXT_TOKEN,
  LIMIT_PAGINATION_TOKEN,
  allPages,
  pageOf,
  pageRequest,
  type Page,
  type PageOptions,
} from './pages.js';

/** Options of {@link AdminUsers.create}. */
export interface CreateUserInput {
  username: string;
  /** Attributes, e.g. `{ email: 'a@example.com', email_verified: true }`. */
  attributes?: AttributesInput;
  /** Omit to let Cognito generate one; the user must change it at first sign-in either way. */
  temporaryPassword?: string;
  /** `SUPPRESS`: send no invitation. `RESEND`: re-send the invitation to an existing user. */
  messageAction?: 'SUPPRESS' | 'RESEND';
  /** Where the invitation goes. Cognito's default is SMS. */
  deliveryMediums?: readonly ('EMAIL' | 'SMS')[];
  /** Move a verified e-mail / phone alias from another user to this one instead of failing. */
  forceAliasCreation?: boolean;
  clientMetadata?: Record<string, string>;
}

/** Options of {@link AdminUsers.list}. */
export interface ListUsersOptions extends PageOptions {
  /** Built with `userFilter.equals(…)` / `userFilter.startsWith(…)`. */
  filter?: UserFilter;
  /** Return only these attributes (default all). */
  attributesToGet?: readonly string[];
}

/** MFA preference per method; omitted methods are left unchanged. */
export interface MfaPreferenceInput {
  sms?: { enabled: boolean; preferred?: boolean };
  totp?: { enabled: boolean; preferred?: boolean };
  email?: { enabled: boolean; preferred?: boolean };
}

/** The user part of the admin API. */
export interface AdminUsers {
  /** AdminCreateUser. @returns the new user (status `FORCE_CHANGE_PASSWORD`). */
  create(input: CreateUserInput, call?: CallOptions): Promise<AdminUser>;
  /** AdminGetUser: attributes, status, enabled, MFA settings. */
  get(username: string, call?: CallOptions): Promise<AdminUserDetails>;
  /** ListUsers, one page. */
  list(options?: ListUsersOptions, call?: CallOptions): Promise<Page<AdminUser>>;
  /** ListUsers, every page: `for await (const user of admin.users.all()) …`. */
  all(options?: Omit<ListUsersOptions, 'nextToken'>, call?: CallOptions): AsyncIterable<AdminUser>;
  /** AdminUpdateUserAttributes; an empty value deletes the attribute. */
  updateAttributes(
    username: string,
    attributes: AttributesInput,
    options?: { clientMetadata?: Record<string, string> },
    call?: CallOptions,
  ): Promise<void>;
  /** AdminDeleteUserAttributes. */
  deleteAttributes(username: string, names: readonly string[], call?: CallOptions): Promise<void>;
  /** AdminDeleteUser. */
  delete(username: string, call?: CallOptions): Promise<void>;
  /** AdminEnableUser. */
  enable(username: string, call?: CallOptions): Promise<void>;
  /** AdminDisableUser (also revokes the user's tokens). */
  disable(username: string, call?: CallOptions): Promise<void>;
  /** AdminResetUserPassword: status `RESET_REQUIRED`, a code goes to the verified e-mail / phone. */
  resetPassword(username: string, call?: CallOptions): Promise<void>;
  /** AdminSetUserPassword: `permanent` → `CONFIRMED`, else `FORCE_CHANGE_PASSWORD`. */
  setPassword(
    username: string,
    password: string,
    options: { permanent: boolean },
    call?: CallOptions,
  ): Promise<void>;
  /** AdminConfirmSignUp: confirms an `UNCONFIRMED` user without a code. */
  confirmSignUp(username: string, call?: CallOptions): Promise<void>;
  /** AdminUserGlobalSignOut: the user's refresh tokens stop working. */
  globalSignOut(username: string, call?: CallOptions): Promise<void>;
  /** AdminSetUserMFAPreference. */
  setMfaPreference(
    username: string,
    preference: MfaPreferenceInput,
    call?: CallOptions,
  ): Promise<void>;
  /** AdminListGroupsForUser, one page. */
  groups(username: string, options?: PageOptions, call?: CallOptions): Promise<Page<AdminGroup>>;
  /** AdminListGroupsForUser, every page. */
  allGroups(username: string, call?: CallOptions): AsyncIterable<AdminGroup>;
}

const mfaSettings = (s: { enabled: boolean; preferred?: boolean } | undefined) =>
  s === undefined ? undefined : { Enabled: s.enabled, PreferredMfa: s.preferred === true };

export function adminUsers(caller: AdminCaller): AdminUsers {
  const { call } = caller;
  const user = (username: string) => ({ Username: requireUsername(username) });

  const list: AdminUsers['list'] = async (options = {}, c) => {
    if (options.attributesToGet) requireAttributeNames(options.attributesToGet);
    const answer = await caller.call(
      'ListUsers',
      {
        ...(options.filter && { Filter: options.filter.text }),
        ...(options.attributesToGet && { AttributesToGet: [...options.attributesToGet] }),
        ...pageRequest(options, LIMIT_PAGINATION_TOKEN),
      },
      c,
    );
    return pageOf(answer.Users, answer.PaginationToken, fromWireUser, 'ListUsers.Users');
  };

  const groups: AdminUsers['groups'] = async (username, options = {}, c) => {
    const answer = await caller.call(
      'AdminListGroupsForUser',
      { ...user(username), ...pageRequest(options, LIMIT_NEXT_TOKEN) },
      c,
    );
    return pageOf(answer.Groups, answer.NextToken, fromWireGroup, 'Groups');
  };

  return {
    async create(input, c) {
      const answer = await caller.call(
        'AdminCreateUser',
        {
          ...user(input.username),
          ...(input.attributes && { UserAttributes: toWireAttributes(input.attributes) }),
          ...(input.temporaryPassword !== undefined && {
            TemporaryPassword: requireText(input.temporaryPassword, 'The temporary password'),
          }),
          ...(input.messageAction && { MessageAction: input.messageAction }),
          ...(input.deliveryMediums && { DesiredDeliveryMediums: [...input.deliveryMediums] }),
          ...(input.forceAliasCreation !== undefined && {
            ForceAliasCreation: input.forceAliasCreation,
          }),
          ...(input.clientMetadata && { ClientMetadata: input.clientMetadata }),
        },
        c,
      );
      return fromWireUser(answer.User, 'AdminCreateUser.User');
    },
    async get(username, c) {
      return fromWireGetUser(await caller.call('AdminGetUser', user(username), c));
    },
    list,
    all: (options = {}, c) => allPages((next) => list({ ...options, ...next }, c)),
    async updateAttributes(username, attributes, options = {}, c) {
      requireAttributeNames(Object.keys(attributes));
      await caller.call(
        'AdminUpdateUserAttributes',
        {
          ...user(username),
          UserAttributes: toWireAttributes(attributes),
          ...(options.clientMetadata && { ClientMetadata: options.clientMetadata }),
        },
        c,
      );
    },
    async deleteAttributes(username, names, c) {
      requireAttributeNames(names);
      await caller.call(
        'AdminDeleteUserAttributes',
        { ...user(username), UserAttributeNames: [...names] },
        c,
      );
    },
    async delete(username, c) {
      await call('AdminDeleteUser', user(username), c);
    },
    async enable(username, c) {
      await call('AdminEnableUser', user(username), c);
    },
    async disable(username, c) {
      await call('AdminDisableUser', user(username), c);
    },
    async resetPassword(username, c) {
      await call('AdminResetUserPassword', user(username), c);
    },
    async setPassword(username, password, options, c) {
      await call(
        'AdminSetUserPassword',
        {
          ...user(username),
          Password: requireText(password, 'The password'),
          Permanent: options.permanent,
        },
        c,
      );
    },
    async confirmSignUp(username, c) {
      await call('AdminConfirmSignUp', user(username), c);
    },
    async globalSignOut(username, c) {
      await call('AdminUserGlobalSignOut', user(username), c);
    },
    async setMfaPreference(username, preference, c) {
      const sms = mfaSettings(preference.sms);
      const totp = mfaSettings(preference.totp);
      const email = mfaSettings(preference.email);
      await call(
        'AdminSetUserMFAPreference',
        {
          ...user(username),
          ...(sms && { SMSMfaSettings: sms }),
          ...(totp && { SoftwareTokenMfaSettings: totp }),
          ...(email && { EmailMfaSettings: email }),
        },
        c,
      );
    },
    groups,
    allGroups: (username, c) => allPages((next) => groups(username, next, c)),
  };
}
