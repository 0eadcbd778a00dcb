'use client';
import { isPasskeySupported, type Passkey } from '@cognito-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCognitoContext } from '../provider/context.js';
import { queryKeys } from './queryKeys.js';
import { useSignedInUser } from './signed-in.js';

/** What {@link usePasskeys} returns; actions reject with a `CognitoError`. */
export interface UsePasskeysResult {
  /** The user's passkeys (ListWebAuthnCredentials); undefined until loaded. */
  passkeys: Passkey[] | undefined;
  isLoading: boolean;
  error: Error | null;
  /** Whether this browser can create passkeys (false while server rendering). */
  supported: boolean;
  /**
   * Creates a passkey: the browser's prompt, then Cognito's check. Rejects `PasskeyCancelled`
   * when the user dismisses the prompt.
   */
  register(): Promise<void>;
  /** Removes the passkey with this id (it no longer signs the user in). */
  remove(id: string): Promise<void>;
  refetch(): Promise<void>;
}

/**
 * The signed-in user's passkeys, cached with React Query under `queryKeys.passkeys(sub)`.
 *
 * @example
 * const { passkeys, supported, register, remove } = usePasskeys();
 */
export function usePasskeys(): UsePasskeysResult {
  const { auth } = useCognitoContext('usePasskeys');
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const key = queryKeys.passkeys(user?.userId ?? '');
  const list = useQuery({
    queryKey: key,
    queryFn: () => auth.passkeys.list(),
    enabled: user !== null,
  });
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported(isPasskeySupported()), []);
  const refetch = () => queryClient.invalidateQueries({ queryKey: key, refetchType: 'all' });
  return {
    passkeys: list.data,
    isLoading: user !== null && list.isPending,
    error: list.error,
    supported,
    refetch,
    async register() {
      await auth.passkeys.register();
      await refetch();
    },
    async remove(id) {
      await auth.passkeys.delete(id);
      await refetch();
    },
  };
}
