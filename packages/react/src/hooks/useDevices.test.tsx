import { isCognitoError } from '@cognito-kit/core';
import { internalsOf } from '@cognito-kit/core/low-level';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createHookEnv, renderSignedIn } from '../../test/hooks-env.js';
import { useCognitoAuth } from '../provider/context.js';
import { useDevices } from './useDevices.js';

describe('useDevices', () => {
  it('lists the devices, remembers the current one and forgets it with its secrets', async () => {
    const env = createHookEnv({ rememberDevice: 'always' });
    const { result } = await renderSignedIn(env, () => ({
      devices: useDevices(),
      auth: useCognitoAuth(),
    }));
    // Device confirmation runs in the background after sign-in; read the list once it is done.
    await act(() => result.current.hook.auth.idle());
    await act(() => result.current.hook.devices.refetch());
    const current = result.current.hook.devices.currentDeviceKey;
    expect(current).toMatch(/^us-east-1_/);
    await waitFor(() =>
      expect(result.current.hook.devices.devices?.map((d) => d.deviceKey)).toEqual([current]),
    );
    await act(() => result.current.hook.devices.rememberCurrent());
    await waitFor(() => expect(result.current.hook.devices.devices?.[0]?.remembered).toBe(true));
    expect(await internalsOf(result.current.hook.auth).devices.get('alice')).not.toBeNull();

    await act(() => result.current.hook.devices.forget(current ?? ''));
    await waitFor(() => expect(result.current.hook.devices.devices).toEqual([]));
    expect(await internalsOf(result.current.hook.auth).devices.get('alice')).toBeNull();
  });

  it('cannot remember a device the app declined to confirm', async () => {
    const env = createHookEnv(); // rememberDevice: 'never'
    const { result } = await renderSignedIn(env, useDevices);
    // Cognito bound the tokens to a new device, which stays unconfirmed and unlisted.
    expect(result.current.hook.currentDeviceKey).toMatch(/^us-east-1_/);
    await waitFor(() => expect(result.current.hook.devices).toEqual([]));
    await expect(act(() => result.current.hook.rememberCurrent())).rejects.toSatisfy((e) =>
      isCognitoError(e),
    );
  });
});
