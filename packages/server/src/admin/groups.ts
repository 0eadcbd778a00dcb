/** Groups of the pool and their members. */
import type { CallOptions } from '../low-level.js';
import type { AdminCaller } from './caller.js';
import { fromWireUser, requireString, toDate, type AdminUser } from './convert.js';
import { requireGroupName, requireUsername } from './input.js';
import {
  LIMIT_NEXT_TOKEN,
  allPages,
  pageOf,
  pageRequest,
  type Page,
  type PageOptions,
} from './pages.js';
import type { WireGroup } from './wire-types.js';

export interface AdminGroup {
  readonly name: string;
  readonly description: string | undefined;
  /** IAM role whose ARN goes into `cognito:roles` / `cognito:preferred_role` of ID tokens. */
  readonly roleArn: string | undefined;
  /** Lower wins when several groups carry a role; 0 is the highest. */
  readonly precedence: number | undefined;
  readonly createdAt: Date | undefined;
  readonly lastModifiedAt: Date | undefined;
}

/** Settings of a group; on update, omitted members are left as they are. */
export interface GroupSettings {
  description?: string;
  roleArn?: string;
  precedence?: number;
}

export interface AdminGroups {
  /** CreateGroup. */
  create(name: string, settings?: GroupSettings, call?: CallOptions): Promise<AdminGroup>;
  /** GetGroup. */
  get(name: string, call?: CallOptions): Promise<AdminGroup>;
  /** UpdateGroup. */
  update(name: string, settings: GroupSettings, call?: CallOptions): Promise<AdminGroup>;
  /** DeleteGroup (members lose it from their next tokens). */
  delete(name: string, call?: CallOptions): Promise<void>;
  /** ListGroups, one page. */
  list(options?: PageOptions, call?: CallOptions): Promise<Page<AdminGroup>>;
  /** ListGroups, every page. */
  all(call?: CallOptions): AsyncIterable<AdminGroup>;
  /** ListUsersInGroup, one page. */
  users(name: string, options?: PageOptions, call?: CallOptions): Promise<Page<AdminUser>>;
  /** ListUsersInGroup, every page. */
  allUsers(name: string, call?: CallOptions): AsyncIterable<AdminUser>;
  /** AdminAddUserToGroup. */
  addUser(name: string, username: string, call?: CallOptions): Promise<void>;
  /** AdminRemoveUserFromGroup. */
  removeUser(name: string, username: string, call?: CallOptions): Promise<void>;
}

export function fromWireGroup(wire: WireGroup | undefined, where: string): AdminGroup {
  return {
    name: requireString(wire?.GroupName, `${where}.GroupName`),
    description: wire?.Description,
    roleArn: wire?.RoleArn,
    precedence: wire?.Precedence,
    createdAt: toDate(wire?.CreationDate, `${where}.CreationDate`),
    lastModifiedAt: toDate(wire?.LastModifiedDate, `${where}.LastModifiedDate`),
  };
}

const settingsOf = (s: GroupSettings = {}) => ({
  ...(s.description !== undefined && { Description: s.description }),
  ...(s.roleArn !== undefined && { RoleArn: s.roleArn }),
  ...(s.precedence !== undefined && { Precedence: s.precedence }),
});

export function adminGroups(caller: AdminCaller): AdminGroups {
  const group = (name: string) => ({ GroupName: requireGroupName(name) });
  const list: AdminGroups['list'] = async (options = {}, c) => {
    const answer = await caller.call('ListGroups', pageRequest(options, LIMIT_NEXT_TOKEN), c);
    return pageOf(answer.Groups, answer.NextToken, fromWireGroup, 'ListGroups.Groups');
  };
  const users: AdminGroups['users'] = async (name, options = {}, c) => {
    const answer = await caller.call(
      'ListUsersInGroup',
      { ...group(name), ...pageRequest(options, LIMIT_NEXT_TOKEN) },
      c,
    );
    return pageOf(answer.Users, answer.NextToken, fromWireUser, 'ListUsersInGroup.Users');
  };
  return {
    async create(name, settings, c) {
      const answer = await caller.call(
        'CreateGroup',
        { ...group(name), ...settingsOf(settings) },
        c,
      );
      return fromWireGroup(answer.Group, 'CreateGroup.Group');
    },
    async get(name, c) {
      return fromWireGroup((await caller.call('GetGroup', group(name), c)).Group, 'GetGroup.Group');
    },
    async update(name, settings, c) {
      const answer = await caller.call(
        'UpdateGroup',
        { ...group(name), ...settingsOf(settings) },
        c,
      );
      return fromWireGroup(answer.Group, 'UpdateGroup.Group');
    },
    async delete(name, c) {
      await caller.call('DeleteGroup', group(name), c);
    },
    list,
    all: (c) => allPages((next) => list(next, c)),
    users,
    allUsers: (name, c) => allPages((next) => users(name, next, c)),
    async addUser(name, username, c) {
      await caller.call(
        'AdminAddUserToGroup',
        { ...group(name), Username: requireUsername(username) },
        c,
      );
    },
    async removeUser(name, username, c) {
      await caller.call(
        'AdminRemoveUserFromGroup',
        { ...group(name), Username: requireUsername(username) },
        c,
      );
    },
  };
}
