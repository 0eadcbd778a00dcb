import type {
  AdminAction,
  AdminGroupSummary,
  AdminRequest,
  AdminResponse,
  AdminUserDetail,
} from '@cognito-kit/core';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAdminApi } from './AdminApiProvider.js';
import type { AdminApiError } from './api.js';
import { OPTIMISTIC, patchDetail, patchPages, type UserPages } from './cache.js';
import { adminKeys } from './keys.js';

/** The changes the admin hooks make (every action but the reads). */
export type AdminChange = Exclude<AdminAction, 'listUsers' | 'getUser' | 'listGroups'>;

interface Snapshot {
  detail?: AdminUserDetail;
  lists: [readonly unknown[], UserPages | undefined][];
}

const usernameOf = (body: unknown): string | undefined =>
  typeof (body as { username?: unknown }).username === 'string'
    ? (body as { username: string }).username
    : undefined;

/**
 * A change through the admin handler with the cache kept right: enabling, disabling, group
 * membership and attribute edits show at once and are rolled back if the handler refuses;
 * the others (reset password, sign out everywhere, delete, invite, groups) show when it answers.
 * Afterwards the affected queries are refetched.
 *
 * @example
 * const disable = useAdminMutation('disableUser');
 * await disable.mutateAsync({ username: 'alice' });
 */
export function useAdminMutation<A extends AdminChange>(
  action: A,
): UseMutationResult<AdminResponse<A>, AdminApiError, AdminRequest<A>, Snapshot> {
  const api = useAdminApi();
  const client = useQueryClient();
  const listKey = [...adminKeys.users(), 'list'];
  return useMutation<AdminResponse<A>, AdminApiError, AdminRequest<A>, Snapshot>({
    mutationFn: (body) => api.call(action, body),
    async onMutate(body) {
      const username = usernameOf(body);
      const snapshot: Snapshot = { lists: [] };
      if (!OPTIMISTIC.has(action) || username === undefined) return snapshot;
      await client.cancelQueries({ queryKey: adminKeys.users() });
      snapshot.detail = client.getQueryData<AdminUserDetail>(adminKeys.user(username));
      snapshot.lists = client.getQueriesData<UserPages>({ queryKey: listKey });
      const groups = client.getQueryData<readonly AdminGroupSummary[]>(adminKeys.groups());
      if (snapshot.detail) {
        client.setQueryData(
          adminKeys.user(username),
          patchDetail(snapshot.detail, action, body, groups),
        );
      }
      client.setQueriesData<UserPages>({ queryKey: listKey }, (pages) =>
        pages ? patchPages(pages, action, { ...body, username }) : pages,
      );
      return snapshot;
    },
    onError(_error, body, snapshot) {
      const username = usernameOf(body);
      if (!snapshot || username === undefined) return;
      if (snapshot.detail) client.setQueryData(adminKeys.user(username), snapshot.detail);
      for (const [key, pages] of snapshot.lists) client.setQueryData(key, pages);
    },
    onSuccess(_answer, body) {
      const username = usernameOf(body);
      if (action === 'deleteUser' && username !== undefined) {
        client.setQueriesData<UserPages>({ queryKey: listKey }, (pages) =>
          pages ? patchPages(pages, action, { username }) : pages,
        );
        client.removeQueries({ queryKey: adminKeys.user(username) });
      }
    },
    async onSettled(_answer, _error, body) {
      const username = usernameOf(body);
      const work: Promise<void>[] = [];
      if (action === 'createGroup' || action === 'deleteGroup') {
        work.push(client.invalidateQueries({ queryKey: adminKeys.groups() }));
      }
      if (action === 'deleteGroup') {
        work.push(client.invalidateQueries({ queryKey: [...adminKeys.users(), 'detail'] }));
      }
      if (username !== undefined && action !== 'deleteUser') {
        work.push(client.invalidateQueries({ queryKey: adminKeys.user(username) }));
      }
      if (username !== undefined) work.push(client.invalidateQueries({ queryKey: listKey }));
      await Promise.all(work);
    },
  });
}
