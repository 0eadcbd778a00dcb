/**
 * How a change shows in the cached admin data before (optimistic) and after the handler
 * answers. Pure functions of the cached values, so the rules are testable without React.
 */
import type {
  AdminAction,
  AdminGroupSummary,
  AdminPage,
  AdminRequest,
  AdminUserDetail,
  AdminUserSummary,
} from '@cognito-kit/core';
import type { InfiniteData } from '@tanstack/react-query';

export type UserPages = InfiniteData<AdminPage<AdminUserSummary>, string | undefined>;

/** Changes whose outcome is known in advance and cheap to undo: shown before the answer. */
export type OptimisticAction =
  'enableUser' | 'disableUser' | 'addToGroup' | 'removeFromGroup' | 'updateAttributes';

export const OPTIMISTIC: ReadonlySet<AdminAction> = new Set<OptimisticAction>([
  'enableUser',
  'disableUser',
  'addToGroup',
  'removeFromGroup',
  'updateAttributes',
]);

/** The summary fields of a user after `action` (undefined: no change to show). */
function patchUser<T extends AdminUserSummary>(user: T, action: AdminAction, body: unknown): T {
  switch (action) {
    case 'enableUser':
      return { ...user, enabled: true };
    case 'disableUser':
      return { ...user, enabled: false };
    case 'updateAttributes': {
      const attributes = { ...user.attributes };
      for (const [name, value] of Object.entries(
        (body as AdminRequest<'updateAttributes'>).attributes,
      )) {
        if (value === '') delete attributes[name];
        else attributes[name] = value;
      }
      return { ...user, attributes };
    }
    default:
      return user;
  }
}

/** The detail of a user after an optimistic `action`. */
export function patchDetail(
  detail: AdminUserDetail,
  action: AdminAction,
  body: unknown,
  groups: readonly AdminGroupSummary[] = [],
): AdminUserDetail {
  if (action === 'addToGroup' || action === 'removeFromGroup') {
    const { group } = body as AdminRequest<'addToGroup'>;
    const without = detail.groups.filter((g) => g.name !== group);
    if (action === 'removeFromGroup') return { ...detail, groups: without };
    const known = groups.find((g) => g.name === group) ?? { name: group };
    return { ...detail, groups: [...without, known] };
  }
  return patchUser(detail, action, body);
}

/** Every cached list page after `action` on `username` (deleted users leave the lists). */
export function patchPages(
  pages: UserPages,
  action: AdminAction,
  body: { username: string },
): UserPages {
  return {
    ...pages,
    pages: pages.pages.map((page) => ({
      ...page,
      items:
        action === 'deleteUser'
          ? page.items.filter((u) => u.username !== body.username)
          : page.items.map((u) => (u.username === body.username ? patchUser(u, action, body) : u)),
    })),
  };
}
