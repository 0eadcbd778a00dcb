/**
 * The actions table: for each action of the contract, whether it changes anything (changes are
 * audited), how its body is read, whom it targets (for `authorize` and the audit), whether it
 * could lock the calling admin out, and what it does with the admin API. Adding an action is
 * one entry here plus its types in core's `admin-contract.ts`; the mapped type makes a missing
 * entry a compile error.
 */
import type { AdminAction, AdminResponse, AdminStatusFilter } from '@cognito-kit/core';
import { isCognitoError } from '../low-level.js';
import type { CognitoAdmin } from '../admin/create-admin.js';
import type { AdminUser } from '../admin/convert.js';
import type { UserFilter } from '../admin/filter.js';
import type { JsonBody } from './body.js';
import * as field from './fields.js';
import { deviceView, groupView, userView } from './views.js';

/** Whom an action is about; given to `authorize` and to the audit. */
export interface AdminTarget {
  readonly username?: string;
  readonly group?: string;
}

/**
 * How an action could take the caller's own admin rights: `user` — it disables or deletes the
 * target user; `membership` — it removes the target user from the group; `group` — it deletes
 * the group. The handler refuses it (`self_protection`) when the target is the caller and the
 * group, where one is named, is the admin group.
 */
export type SelfRisk = 'user' | 'membership' | 'group';

export interface ActionSpec<Input, A extends AdminAction> {
  readonly change: boolean;
  readonly selfRisk?: SelfRisk;
  parse(body: JsonBody): Input;
  target(input: Input): AdminTarget;
  run(admin: CognitoAdmin, input: Input): Promise<AdminResponse<A>>;
}

type ActionTable = { readonly [A in AdminAction]: ActionSpec<never, A> };

const define = <Input, A extends AdminAction>(spec: ActionSpec<Input, A>) =>
  spec as unknown as ActionSpec<never, A>;

const OK = { ok: true } as const;

const byUser = { parse: (body: JsonBody) => ({ username: field.username(body) }) };
const userTarget = (input: { username: string }): AdminTarget => ({ username: input.username });
const membership = {
  parse: (body: JsonBody) => ({ username: field.username(body), group: field.group(body) }),
  target: (input: { username: string; group: string }): AdminTarget => input,
};

interface ListUsersInput {
  search?: UserFilter;
  status?: AdminStatusFilter;
  limit: number;
  nextToken?: string;
}

function hasStatus(user: AdminUser, status: AdminStatusFilter): boolean {
  if (status === 'enabled') return user.enabled;
  if (status === 'disabled') return !user.enabled;
  return user.status === status;
}

/** AdminListDevices fails when the pool does not track devices; then there are none to show. */
async function devicesOf(admin: CognitoAdmin, username: string) {
  try {
    return (await admin.devices.list(username, { limit: 60 })).items.map(deviceView);
  } catch (error) {
    if (isCognitoError(error, 'InvalidUserPoolConfigurationException')) return [];
    throw error;
  }
}

async function allOf<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const ACTIONS: ActionTable = {
  listUsers: define<ListUsersInput, 'listUsers'>({
    change: false,
    parse(body) {
      const search = field.search(body);
      const status = field.status(body);
      return {
        ...field.paging(body, 20),
        ...(search && { search }),
        ...(status && { status }),
      };
    },
    target: () => ({}),
    // ListUsers takes one filter. A search goes to Cognito and the status is applied to each
    // page here (pages can then be shorter than the page size; only the token means "more").
    async run(admin, input) {
      const filter =
        input.search ?? (input.status === undefined ? undefined : field.statusFilter(input.status));
      const page = await admin.users.list({
        limit: input.limit,
        ...(filter && { filter }),
        ...(input.nextToken !== undefined && { nextToken: input.nextToken }),
      });
      const { status } = input;
      const items =
        input.search && status !== undefined
          ? page.items.filter((u) => hasStatus(u, status))
          : page.items;
      return {
        items: items.map(userView),
        ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
      };
    },
  }),
  getUser: define<{ username: string }, 'getUser'>({
    change: false,
    ...byUser,
    target: userTarget,
    async run(admin, { username }) {
      const user = await admin.users.get(username);
      const [groups, devices] = await Promise.all([
        allOf(admin.users.allGroups(user.username)),
        devicesOf(admin, user.username),
      ]);
      return {
        ...userView(user),
        groups: groups.map(groupView),
        devices,
        ...(user.preferredMfa !== undefined && { preferredMfa: user.preferredMfa }),
        mfaMethods: user.mfaMethods,
      };
    },
  }),
  createUser: define<
    {
      username: string;
      attributes?: Record<string, string>;
      temporaryPassword?: string;
      sendInvitation: boolean;
    },
    'createUser'
  >({
    change: true,
    parse(body) {
      const attributes = field.attributes(body, 'attributes', false);
      const temporaryPassword = field.temporaryPassword(body);
      return {
        username: field.username(body),
        sendInvitation: field.requireBoolean(body, 'sendInvitation'),
        ...(attributes && { attributes }),
        ...(temporaryPassword !== undefined && { temporaryPassword }),
      };
    },
    target: userTarget,
    async run(admin, input) {
      const user = await admin.users.create({
        username: input.username,
        ...(input.attributes && { attributes: input.attributes }),
        ...(input.temporaryPassword !== undefined && {
          temporaryPassword: input.temporaryPassword,
        }),
        // Cognito's default medium is SMS; an invitation from an admin screen goes by e-mail.
        ...(input.sendInvitation
          ? { deliveryMediums: ['EMAIL'] as const }
          : { messageAction: 'SUPPRESS' as const }),
      });
      return { user: userView(user) };
    },
  }),
  updateAttributes: define<
    { username: string; attributes: Record<string, string> },
    'updateAttributes'
  >({
    change: true,
    parse: (body) => ({
      username: field.username(body),
      attributes: field.attributes(body, 'attributes', true) ?? {},
    }),
    target: userTarget,
    async run(admin, input) {
      await admin.users.updateAttributes(input.username, input.attributes);
      return OK;
    },
  }),
  enableUser: define<{ username: string }, 'enableUser'>({
    change: true,
    ...byUser,
    target: userTarget,
    run: async (admin, { username }) => (await admin.users.enable(username), OK),
  }),
  disableUser: define<{ username: string }, 'disableUser'>({
    change: true,
    selfRisk: 'user',
    ...byUser,
    target: userTarget,
    run: async (admin, { username }) => (await admin.users.disable(username), OK),
  }),
  resetPassword: define<{ username: string }, 'resetPassword'>({
    change: true,
    ...byUser,
    target: userTarget,
    run: async (admin, { username }) => (await admin.users.resetPassword(username), OK),
  }),
  signOutEverywhere: define<{ username: string }, 'signOutEverywhere'>({
    change: true,
    ...byUser,
    target: userTarget,
    run: async (admin, { username }) => (await admin.users.globalSignOut(username), OK),
  }),
  deleteUser: define<{ username: string }, 'deleteUser'>({
    change: true,
    selfRisk: 'user',
    ...byUser,
    target: userTarget,
    run: async (admin, { username }) => (await admin.users.delete(username), OK),
  }),
  listGroups: define<{ limit: number; nextToken?: string }, 'listGroups'>({
    change: false,
    parse: (body) => field.paging(body, 60),
    target: () => ({}),
    async run(admin, input) {
      const page = await admin.groups.list(input);
      return {
        items: page.items.map(groupView),
        ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
      };
    },
  }),
  addToGroup: define<{ username: string; group: string }, 'addToGroup'>({
    change: true,
    ...membership,
    run: async (admin, { username, group }) => (await admin.groups.addUser(group, username), OK),
  }),
  removeFromGroup: define<{ username: string; group: string }, 'removeFromGroup'>({
    change: true,
    selfRisk: 'membership',
    ...membership,
    run: async (admin, { username, group }) => (await admin.groups.removeUser(group, username), OK),
  }),
  createGroup: define<{ group: string; description?: string; precedence?: number }, 'createGroup'>({
    change: true,
    parse(body) {
      const description = field.optionalString(body, 'description', 2048);
      const precedence = field.optionalPrecedence(body);
      return {
        group: field.group(body),
        ...(description !== undefined && { description }),
        ...(precedence !== undefined && { precedence }),
      };
    },
    target: (input) => ({ group: input.group }),
    async run(admin, { group, ...settings }) {
      return { group: groupView(await admin.groups.create(group, settings)) };
    },
  }),
  deleteGroup: define<{ group: string }, 'deleteGroup'>({
    change: true,
    selfRisk: 'group',
    parse: (body) => ({ group: field.group(body) }),
    target: (input) => ({ group: input.group }),
    run: async (admin, { group }) => (await admin.groups.delete(group), OK),
  }),
};

export const isAdminAction = (name: string): name is AdminAction =>
  Object.prototype.hasOwnProperty.call(ACTIONS, name);
