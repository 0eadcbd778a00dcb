import { isCognitoError } from '@cognito-kit/core';
import { QueryClient } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createHookEnv, PASSWORD, POOL_ID, renderSignedIn } from '../../test/hooks-env.js';
import { queryKeys } from './queryKeys.js';
import { useUser } from './useUser.js';

describe('useUser', () => {
  it('loads the attributes through React Query under queryKeys.profile(sub)', async () => {
    const env = createHookEnv();
    const queryClient = new QueryClient();
    const { result } = await renderSignedIn(env, useUser, { queryClient });
    await waitFor(() =>
      expect(result.current.hook.attributes?.['email']).toBe('alice@example.com'),
    );
    expect(result.current.hook.username).toBe('alice');
    const sub = result.current.hook.attributes?.['sub'] ?? '';
    expect(queryClient.getQueryData(queryKeys.profile(sub))).toMatchObject({ username: 'alice' });
  });

  it('shows an update at once and keeps it once Cognito accepts it', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, useUser);
    await waitFor(() => expect(result.current.hook.attributes).toBeDefined());
    const release = env.hold('UpdateUserAttributes');
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.hook.update({ given_name: 'Ally' });
    });
    // Optimistic: visible while the request is still held.
    await waitFor(() => expect(result.current.hook.attributes?.['given_name']).toBe('Ally'));
    expect(env.emulator.api.getUser(POOL_ID, 'alice')?.attributes['given_name']).toBe('Alice');
    release();
    await act(() => done);
    expect(env.emulator.api.getUser(POOL_ID, 'alice')?.attributes['given_name']).toBe('Ally');
    expect(result.current.hook.attributes?.['given_name']).toBe('Ally');
  });

  it('rolls an update back when Cognito refuses it', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, useUser);
    await waitFor(() => expect(result.current.hook.attributes).toBeDefined());
    const release = env.hold('UpdateUserAttributes');
    let failure: Promise<unknown> = Promise.resolve();
    act(() => {
      failure = result.current.hook.update({ 'custom:unknown': 'x' }).catch((e: unknown) => e);
    });
    await waitFor(() => expect(result.current.hook.attributes?.['custom:unknown']).toBe('x'));
    release();
    let error: unknown;
    await act(async () => {
      error = await failure;
    });
    expect(isCognitoError(error)).toBe(true);
    await waitFor(() => expect(result.current.hook.attributes?.['custom:unknown']).toBeUndefined());
    expect(result.current.hook.attributes?.['given_name']).toBe('Alice');
  });

  it('changes the e-mail, then verifies it with the code Cognito sent', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, useUser);
    const deliveries = await act(() => result.current.hook.update({ email: 'al@example.com' }));
    expect(deliveries.map((d) => d.deliveryMedium)).toEqual(['EMAIL']);
    const resent = await act(() => result.current.hook.sendVerificationCode('email'));
    expect(resent?.deliveryMedium).toBe('EMAIL');
    await expect(
      act(() => result.current.hook.verify({ attributeName: 'email', code: '000000' })),
    ).rejects.toSatisfy((e) => isCognitoError(e, 'CodeMismatchException'));
    const code = env.emulator.api.outbox.lastCode('alice') ?? '';
    await act(() => result.current.hook.verify({ attributeName: 'email', code }));
    const stored = env.emulator.api.getUser(POOL_ID, 'alice')?.attributes;
    expect(stored?.['email']).toBe('al@example.com');
    expect(stored?.['email_verified']).toBe('true');
    await waitFor(() => expect(result.current.hook.attributes?.['email']).toBe('al@example.com'));
    expect(result.current.hook.attributes?.['email_verified']).toBe('true');
  });

  it('clears the cache on sign-out, so the next user never sees the previous one', async () => {
    const env = createHookEnv();
    const queryClient = new QueryClient();
    const { result } = await renderSignedIn(env, useUser, { queryClient });
    await waitFor(() =>
      expect(result.current.hook.attributes?.['email']).toBe('alice@example.com'),
    );
    await act(() => result.current.auth.signOut());
    // The mounted hook keeps a disabled, empty query; nothing of alice's is left.
    const cached = queryClient.getQueryCache().findAll({ queryKey: queryKeys.all });
    expect(cached.filter((q) => q.state.data !== undefined)).toHaveLength(0);
    expect(result.current.hook.attributes).toBeUndefined();
    await act(() => result.current.auth.signIn({ username: 'bob', password: PASSWORD }));
    expect(result.current.hook.attributes?.['email']).not.toBe('alice@example.com');
    await waitFor(() => expect(result.current.hook.attributes?.['email']).toBe('bob@example.com'));
  });

  it('deletes the user and ends the session', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, useUser);
    await act(() => result.current.hook.deleteUser());
    expect(result.current.auth.status).toBe('signedOut');
    expect(env.emulator.api.getUser(POOL_ID, 'alice')).toBeUndefined();
  });
});
