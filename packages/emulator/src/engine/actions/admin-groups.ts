/**
 * Groups: CreateGroup, GetGroup, UpdateGroup, ListGroups, DeleteGroup, AdminAddUserToGroup,
 * AdminRemoveUserFromGroup, AdminListGroupsForUser, ListUsersInGroup. Membership lives on the
 * user (`user.groups`), which is what tokens read for `cognito:groups`.
 */
import { own } from '../model/records.js';
import type { ActionMap } from '../protocol/action.js';
import type { EngineContext } from '../context.js';
import { serviceError } from '../protocol/errors.js';
import type { GroupState, PoolState } from '../model/state.js';
import { requirePool } from '../model/users.js';
import { joinGroup, leaveGroup } from '../model/user-changes.js';
import { int, readInput, str } from '../protocol/validate.js';
import {
  groupNameField,
  limitField,
  paginate,
  sortedBy,
  tokenField,
  userPoolIdField,
  usernameField,
} from './admin-common.js';
import { groupType, userType } from './admin-shapes.js';
import { requireAdminUser } from './admin-user-rules.js';

const groupSettingFields = {
  Description: str({ max: 2048 }),
  RoleArn: str({
    min: 20,
    max: 2048,
    pattern: {
      regex:
        /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/,
      text: 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
    },
  }),
  Precedence: int({ min: 0, max: 2147483647 }),
};

function requireGroup(pool: PoolState, name: string): GroupState {
  const group = own(pool.groups, name);
  if (!group) throw serviceError('ResourceNotFoundException', 'Group not found.');
  return group;
}

function readGroupRef(raw: Record<string, unknown>) {
  return readInput(raw, { UserPoolId: userPoolIdField(), GroupName: groupNameField() });
}

function readMembership(ctx: EngineContext, raw: Record<string, unknown>) {
  const input = readInput(raw, {
    UserPoolId: userPoolIdField(),
    Username: usernameField(),
    GroupName: groupNameField(),
  });
  const pool = requirePool(ctx, input.UserPoolId);
  const group = requireGroup(pool, input.GroupName);
  return { pool, group, user: requireAdminUser(pool, input.Username) };
}

/** Group actions. */
export const groupAdminActions: ActionMap = {
  async CreateGroup(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      GroupName: groupNameField(),
      ...groupSettingFields,
    });
    const pool = requirePool(ctx, input.UserPoolId);
    if (own(pool.groups, input.GroupName)) {
      throw serviceError('GroupExistsException', 'A group with the name already exists.');
    }
    const now = ctx.clock.now();
    const group: GroupState = {
      groupName: input.GroupName,
      ...(input.Description !== undefined && { description: input.Description }),
      ...(input.RoleArn !== undefined && { roleArn: input.RoleArn }),
      ...(input.Precedence !== undefined && { precedence: input.Precedence }),
      createdAt: now,
      lastModifiedAt: now,
    };
    pool.groups[group.groupName] = group;
    return { Group: groupType(pool.id, group) };
  },

  async GetGroup(ctx, raw) {
    const input = readGroupRef(raw);
    const pool = requirePool(ctx, input.UserPoolId);
    return { Group: groupType(pool.id, requireGroup(pool, input.GroupName)) };
  },

  async UpdateGroup(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      GroupName: groupNameField(),
      ...groupSettingFields,
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const group = requireGroup(pool, input.GroupName);
    if (input.Description !== undefined) group.description = input.Description;
    if (input.RoleArn !== undefined) group.roleArn = input.RoleArn;
    if (input.Precedence !== undefined) group.precedence = input.Precedence;
    group.lastModifiedAt = ctx.clock.now();
    return { Group: groupType(pool.id, group) };
  },

  async ListGroups(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      Limit: limitField(0),
      NextToken: tokenField(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const groups = sortedBy(Object.values(pool.groups), (g) => g.groupName);
    const page = paginate(
      groups,
      (g) => g.groupName,
      `groups:${pool.id}`,
      input.Limit || 60,
      input.NextToken,
    );
    return {
      Groups: page.items.map((g) => groupType(pool.id, g)),
      ...(page.next && { NextToken: page.next }),
    };
  },

  async DeleteGroup(ctx, raw) {
    const input = readGroupRef(raw);
    const pool = requirePool(ctx, input.UserPoolId);
    requireGroup(pool, input.GroupName);
    delete pool.groups[input.GroupName];
    for (const user of Object.values(pool.users)) {
      leaveGroup(user, input.GroupName);
    }
    return {};
  },

  async AdminAddUserToGroup(ctx, raw) {
    const { group, user } = readMembership(ctx, raw);
    joinGroup(user, group.groupName);
    return {};
  },

  async AdminRemoveUserFromGroup(ctx, raw) {
    const { group, user } = readMembership(ctx, raw);
    leaveGroup(user, group.groupName);
    return {};
  },

  async AdminListGroupsForUser(ctx, raw) {
    const input = readInput(raw, {
      Username: usernameField(),
      UserPoolId: userPoolIdField(),
      Limit: limitField(0),
      NextToken: tokenField(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    const groups = sortedBy(
      user.groups
        .map((name) => own(pool.groups, name))
        .filter((g): g is GroupState => g !== undefined),
      (g) => g.groupName,
    );
    const page = paginate(
      groups,
      (g) => g.groupName,
      `user-groups:${pool.id}:${user.username}`,
      input.Limit || 60,
      input.NextToken,
    );
    return {
      Groups: page.items.map((g) => groupType(pool.id, g)),
      ...(page.next && { NextToken: page.next }),
    };
  },

  async ListUsersInGroup(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      GroupName: groupNameField(),
      Limit: limitField(0),
      NextToken: tokenField(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    requireGroup(pool, input.GroupName);
    const users = sortedBy(
      Object.values(pool.users).filter((u) => u.groups.includes(input.GroupName)),
      (u) => u.username,
    );
    const page = paginate(
      users,
      (u) => u.username,
      `group-users:${pool.id}:${input.GroupName}`,
      input.Limit || 60,
      input.NextToken,
    );
    return {
      Users: page.items.map((u) => userType(u)),
      ...(page.next && { NextToken: page.next }),
    };
  },
};
