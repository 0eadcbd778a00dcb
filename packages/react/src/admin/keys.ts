import type { AdminSearchField, AdminStatusFilter } from '@cognito-kit/core';
import { queryKeys } from '../hooks/queryKeys.js';

/** What {@link useAdminUsers} lists. */
export interface AdminUsersFilter {
  search?: { by: AdminSearchField; prefix: string };
  status?: AdminStatusFilter;
  /** 1–60. Default 20. */
  pageSize?: number;
}

/**
 * React Query keys of the admin data, under the library's prefix so sign-out clears them with
 * everything else.
 */
export const adminKeys = {
  all: [...queryKeys.all, 'admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (filter: AdminUsersFilter) => [...adminKeys.users(), 'list', filter] as const,
  user: (username: string) => [...adminKeys.users(), 'detail', username] as const,
  groups: () => [...adminKeys.all, 'groups'] as const,
};
