import { isCognitoError } from '@cognito-kit/core';
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createHookEnv, PASSWORD, POOL_ID, renderSignedIn } from '../../test/hooks-env.js';
import { useChangePassword } from './useChangePassword.js';
import { usePasswordReset } from './usePasswordReset.js';
import { useSignUp } from './useSignUp.js';

const NEW_PASSWORD = 'An0ther-Passw0rd!';

describe('useSignUp', () => {
  it('signs up, resends and confirms with the e-mailed code, then the user can sign in', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, useSignUp, { username: null });
    const signUp = result.current.hook;
    const outcome = await signUp.signUp({
      username: 'carol',
      password: PASSWORD,
      attributes: { email: 'carol@example.com' },
    });
    expect(outcome.userConfirmed).toBe(false);
    expect(outcome.codeDelivery?.deliveryMedium).toBe('EMAIL');
    expect((await signUp.resendCode('carol'))?.deliveryMedium).toBe('EMAIL');
    await expect(signUp.confirm({ username: 'carol', code: '000000' })).rejects.toSatisfy((e) =>
      isCognitoError(e, 'CodeMismatchException'),
    );
    await signUp.confirm({ username: 'carol', code: env.emulator.api.outbox.lastCode('carol')! });
    expect(env.emulator.api.getUser(POOL_ID, 'carol')?.status).toBe('CONFIRMED');
    await act(() => result.current.auth.signIn({ username: 'carol', password: PASSWORD }));
    expect(result.current.auth.status).toBe('signedIn');
    expect(result.current.hook).toBe(signUp); // stable between renders
  });
});

describe('usePasswordReset', () => {
  it('requests a code and sets the new password with it', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, usePasswordReset, { username: null });
    const delivery = await result.current.hook.request('alice');
    expect(delivery?.deliveryMedium).toBe('EMAIL');
    const code = env.emulator.api.outbox.lastCode('alice')!;
    await result.current.hook.confirm({ username: 'alice', code, newPassword: NEW_PASSWORD });
    await expect(
      act(() => result.current.auth.signIn({ username: 'alice', password: PASSWORD })),
    ).rejects.toSatisfy((e) => isCognitoError(e, 'NotAuthorizedException'));
    await act(() => result.current.auth.signIn({ username: 'alice', password: NEW_PASSWORD }));
    expect(result.current.auth.status).toBe('signedIn');
  });
});

describe('useChangePassword', () => {
  it('refuses a wrong current password and changes it with the right one', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, useChangePassword);
    await expect(
      result.current.hook.changePassword({
        currentPassword: 'nope-Nope1!',
        newPassword: NEW_PASSWORD,
      }),
    ).rejects.toSatisfy((e) => isCognitoError(e, 'NotAuthorizedException'));
    await result.current.hook.changePassword({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    await act(() => result.current.auth.signOut());
    await act(() => result.current.auth.signIn({ username: 'alice', password: NEW_PASSWORD }));
    expect(result.current.auth.status).toBe('signedIn');
  });
});
