'use client';
import { CognitoError, type Device } from '@cognito-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCognitoContext } from '../provider/context.js';
import { queryKeys } from './queryKeys.js';
import { useSignedInUser } from './signed-in.js';

/** What {@link useDevices} returns. */
export interface UseDevicesResult {
  /** The user's tracked devices (every page); undefined until loaded. */
  devices: Device[] | undefined;
  isLoading: boolean;
  error: Error | null;
  /** Reads the list again (e.g. after sign-in's background device confirmation). */
  refetch(): Promise<void>;
  /** The device key of this browser's session, when the pool tracks it. */
  currentDeviceKey: string | undefined;
  /** Marks this browser's device remembered (skips MFA where the pool allows it). */
  rememberCurrent(): Promise<void>;
  /** Stops tracking a device; for this browser's own device its stored secrets go too. */
  forget(deviceKey: string): Promise<void>;
}

/**
 * The signed-in user's devices (ListDevices, cached with React Query under
 * `queryKeys.devices(sub)`). Actions reject with a `CognitoError`.
 *
 * @example
 * const { devices, forget } = useDevices();
 */
export function useDevices(): UseDevicesResult {
  const { auth } = useCognitoContext('useDevices');
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const key = queryKeys.devices(user?.userId ?? '');
  const list = useQuery({
    queryKey: key,
    queryFn: () => auth.devices.listAll(),
    enabled: user !== null,
  });
  const refetch = () => queryClient.invalidateQueries({ queryKey: key, refetchType: 'all' });
  const currentDeviceKey = user?.deviceKey;

  return {
    devices: list.data,
    isLoading: user !== null && list.isPending,
    error: list.error,
    refetch,
    currentDeviceKey,
    async rememberCurrent() {
      if (!currentDeviceKey) {
        throw new CognitoError({
          code: 'InvalidState',
          message: 'This session has no tracked device to remember.',
        });
      }
      await auth.devices.setRemembered({ deviceKey: currentDeviceKey, remembered: true });
      await refetch();
    },
    async forget(deviceKey) {
      await auth.devices.forget(deviceKey); // this browser's own device: its secrets go too
      await refetch();
    },
  };
}
