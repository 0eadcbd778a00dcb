import type {
  AdminGroupSummary,
  AdminPage,
  AdminUserDetail,
  AdminUserSummary,
} from '@cognito-kit/core';
import {
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useAdminApi } from './AdminApiProvider.js';
import type { AdminApiError } from './api.js';
import { adminKeys, type AdminUsersFilter } from './keys.js';

// A refusal (403, 404, validation) will not change on its own; only network trouble is retried.
const retry = (count: number, error: AdminApiError) =>
  count < 2 && (error.code === 'network' || error.status >= 500);

/**
 * Users, page by page with the handler's pagination: `data.pages`, `fetchNextPage()`,
 * `hasNextPage`. A search matches a prefix of one attribute; `status` narrows it.
 *
 * @example
 * const users = useAdminUsers({ search: { by: 'email', prefix: 'ali' }, status: 'disabled' });
 * const rows = users.data?.pages.flatMap((p) => p.items) ?? [];
 */
export function useAdminUsers(
  filter: AdminUsersFilter = {},
): UseInfiniteQueryResult<
  InfiniteData<AdminPage<AdminUserSummary>, string | undefined>,
  AdminApiError
> {
  const api = useAdminApi();
  const normalized: AdminUsersFilter = {
    ...(filter.search && filter.search.prefix.trim() !== '' && { search: filter.search }),
    ...(filter.status && { status: filter.status }),
    pageSize: filter.pageSize ?? 20,
  };
  return useInfiniteQuery({
    queryKey: adminKeys.userList(normalized),
    queryFn: ({ pageParam }) =>
      api.call('listUsers', {
        ...normalized,
        ...(pageParam !== undefined && { nextToken: pageParam }),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    retry,
  });
}

/** One user with groups, devices and MFA; disabled while `username` is empty. */
export function useAdminUser(
  username: string | undefined,
): UseQueryResult<AdminUserDetail, AdminApiError> {
  const api = useAdminApi();
  return useQuery({
    queryKey: adminKeys.user(username ?? ''),
    queryFn: () => api.call('getUser', { username: username ?? '' }),
    enabled: Boolean(username),
    retry,
  });
}

/** The pool's groups (the first 60; Cognito allows 10,000 — page with the handler for more). */
export function useAdminGroups(): UseQueryResult<readonly AdminGroupSummary[], AdminApiError> {
  const api = useAdminApi();
  return useQuery({
    queryKey: adminKeys.groups(),
    queryFn: async () => (await api.call('listGroups', { pageSize: 60 })).items,
    retry,
  });
}
