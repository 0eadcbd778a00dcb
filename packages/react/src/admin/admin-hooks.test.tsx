/**
 * The admin hooks against the real handler and the emulator (test/admin-env.tsx): paging and
 * search of useAdminUsers, useAdminUser, useAdminGroups, and the mutations' cache updates —
 * optimistic ones shown before the answer and rolled back on a refusal.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_POOL,
  AdminProviders,
  PEOPLE,
  createAdminEnv,
  person,
  signInAs,
  type AdminEnv,
} from '../../test/admin-env.js';
import { AdminApiError } from './api.js';
import { adminKeys } from './keys.js';
import { useAdminMutation } from './mutations.js';
import { useAdminGroups, useAdminUser, useAdminUsers } from './queries.js';

async function setup(as = 'boss') {
  const env = createAdminEnv();
  await signInAs(env, as);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AdminProviders env={env}>{children}</AdminProviders>
  );
  return { env, wrapper };
}

const rowsOf = (
  data: { pages: readonly { items: readonly { username: string }[] }[] } | undefined,
) => data?.pages.flatMap((p) => p.items.map((u) => u.username)) ?? [];

describe('useAdminUsers', () => {
  it('pages through every user with the handler’s tokens', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(() => useAdminUsers({ pageSize: 60 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(rowsOf(result.current.data)).toHaveLength(60);
    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }
    const all = rowsOf(result.current.data);
    expect(all).toHaveLength(PEOPLE + 2);
    expect(new Set(all).size).toBe(all.length);
    expect(result.current.data?.pages).toHaveLength(Math.ceil((PEOPLE + 2) / 60));
  });

  it('searches by e-mail prefix and filters by status', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(
      () => useAdminUsers({ search: { by: 'email', prefix: 'ben.1' }, pageSize: 60 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const expected = Array.from({ length: PEOPLE }, (_, i) => i)
      .filter((i) => i % 4 === 1 && String(i).startsWith('1'))
      .map(person);
    expect(rowsOf(result.current.data).sort()).toEqual(expected.sort());

    const disabled = renderHook(() => useAdminUsers({ status: 'disabled', pageSize: 60 }), {
      wrapper,
    });
    await waitFor(() => expect(disabled.result.current.isSuccess).toBe(true));
    const names = rowsOf(disabled.result.current.data);
    expect(names).toContain(person(3));
    expect(names).not.toContain(person(4));
    expect(names.length).toBe(
      Array.from({ length: PEOPLE }, (_, i) => i % 7 === 3).filter(Boolean).length,
    );
  });

  it('a non-admin gets the handler’s refusal as AdminApiError forbidden', async () => {
    const { wrapper } = await setup('helper');
    const { result } = renderHook(() => useAdminUsers(), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(AdminApiError);
    expect(result.current.error).toMatchObject({ code: 'forbidden', status: 403 });
  });
});

describe('useAdminUser and useAdminGroups', () => {
  it('reads one user with groups, and the pool’s groups', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(
      () => ({ user: useAdminUser('boss'), groups: useAdminGroups() }),
      {
        wrapper,
      },
    );
    await waitFor(() =>
      expect(result.current.user.isSuccess && result.current.groups.isSuccess).toBe(true),
    );
    expect(result.current.user.data).toMatchObject({
      username: 'boss',
      enabled: true,
      groups: [{ name: 'admins' }],
    });
    expect(result.current.groups.data?.map((g) => g.name).sort()).toEqual(['admins', 'editors']);
  });
});

describe('mutations', () => {
  function useBoth(username: string) {
    return {
      user: useAdminUser(username),
      list: useAdminUsers({ search: { by: 'username', prefix: username }, pageSize: 60 }),
      disable: useAdminMutation('disableUser'),
      enable: useAdminMutation('enableUser'),
      remove: useAdminMutation('removeFromGroup'),
      add: useAdminMutation('addToGroup'),
      del: useAdminMutation('deleteUser'),
    };
  }
  const enabledIn = (env: AdminEnv, username: string) => ({
    detail: env.queryClient.getQueryData<{ enabled: boolean }>(adminKeys.user(username))?.enabled,
    server: env.emulator.api.getUser(ADMIN_POOL, username)?.enabled,
  });

  it('disable shows at once in the detail and the lists, and the server agrees', async () => {
    const { env, wrapper } = await setup();
    const { result } = renderHook(() => useBoth(person(10)), { wrapper });
    await waitFor(() =>
      expect(result.current.user.isSuccess && result.current.list.isSuccess).toBe(true),
    );
    let pending!: Promise<unknown>;
    act(() => {
      pending = result.current.disable.mutateAsync({ username: person(10) });
    });
    // Optimistic: the cache says disabled before the handler has answered.
    await waitFor(() => expect(result.current.user.data?.enabled).toBe(false));
    expect(result.current.list.data?.pages[0]?.items[0]?.enabled).toBe(false);
    await act(() => pending);
    expect(enabledIn(env, person(10))).toEqual({ detail: false, server: false });
    expect(env.audit.map((e) => `${e.action}:${e.result}`)).toEqual(['disableUser:ok']);
  });

  it('a refused change is rolled back (self-protection)', async () => {
    const { env, wrapper } = await setup();
    const { result } = renderHook(() => useBoth('boss'), { wrapper });
    await waitFor(() => expect(result.current.user.isSuccess).toBe(true));
    let error: unknown;
    await act(async () => {
      error = await result.current.remove
        .mutateAsync({ username: 'boss', group: 'admins' })
        .catch((e: unknown) => e);
    });
    expect(error).toMatchObject({ code: 'self_protection', status: 409 });
    await waitFor(() =>
      expect(result.current.user.data?.groups.map((g) => g.name)).toEqual(['admins']),
    );
    expect(env.emulator.api.getUser(ADMIN_POOL, 'boss')?.groups).toEqual(['admins']);
    await act(async () => {
      error = await result.current.disable
        .mutateAsync({ username: 'boss' })
        .catch((e: unknown) => e);
    });
    expect(error).toMatchObject({ code: 'self_protection' });
    expect(result.current.user.data?.enabled).toBe(true);
  });

  it('group membership updates the detail; delete leaves the lists', async () => {
    const { env, wrapper } = await setup();
    const { result } = renderHook(() => useBoth(person(20)), { wrapper });
    await waitFor(() =>
      expect(result.current.user.isSuccess && result.current.list.isSuccess).toBe(true),
    );
    await act(() => result.current.add.mutateAsync({ username: person(20), group: 'editors' }));
    await waitFor(() =>
      expect(result.current.user.data?.groups.map((g) => g.name)).toEqual(['editors']),
    );
    expect(env.emulator.api.getUser(ADMIN_POOL, person(20))?.groups).toEqual(['editors']);
    await act(() => result.current.del.mutateAsync({ username: person(20) }));
    await waitFor(() => expect(rowsOf(result.current.list.data)).not.toContain(person(20)));
    expect(env.emulator.api.getUser(ADMIN_POOL, person(20))).toBeUndefined();
  });
});
