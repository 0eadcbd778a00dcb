'use client';
import type { CodeDelivery, UserAttributes, UserProfile } from '@cognito-kit/core';
import { useMutation } from '@tanstack/react-query';
import { useCognitoContext } from '../provider/context.js';
import { useProfileQuery } from './profile-query.js';
import { useSignedInUser } from './signed-in.js';

/** What {@link useUser} returns. */
export interface UseUserResult {
  /** Attributes by name (`email`, `email_verified: 'true'`, `custom:plan`…); undefined until loaded. */
  attributes: Record<string, string> | undefined;
  /** Cognito's internal username; undefined until loaded. */
  username: string | undefined;
  isLoading: boolean;
  /** Why loading failed, if it did. */
  error: Error | null;
  /**
   * Updates attributes, shown at once (optimistically) and rolled back if Cognito refuses.
   * Resolves with where verification codes went (changing `email` or `phone_number`).
   */
  update(attributes: UserAttributes): Promise<CodeDelivery[]>;
  /** Removes attributes. */
  remove(names: readonly string[]): Promise<void>;
  /** Sends a verification code for `email` or `phone_number`. */
  sendVerificationCode(attributeName: string): Promise<CodeDelivery | undefined>;
  /** Verifies an attribute with the code the user received. */
  verify(input: { attributeName: string; code: string }): Promise<void>;
  /** Deletes the user for good, then ends the local session. */
  deleteUser(): Promise<void>;
}

/**
 * The signed-in user's attributes (GetUser, cached with React Query under
 * `queryKeys.profile(sub)`) and the actions that change them. Actions reject with a `CognitoError`.
 *
 * @example
 * const { attributes, update } = useUser();
 * await update({ given_name: 'Alice' });
 */
export function useUser(): UseUserResult {
  const { auth } = useCognitoContext('useUser');
  const user = useSignedInUser();
  const { profile, key, queryClient, refetch: refetchAfter } = useProfileQuery(auth, user);

  const update = useMutation({
    mutationFn: (attributes: UserAttributes) => auth.user.updateAttributes(attributes),
    onMutate: async (attributes) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<UserProfile>(key);
      if (previous) {
        queryClient.setQueryData<UserProfile>(key, {
          ...previous,
          attributes: { ...previous.attributes, ...attributes },
        });
      }
      return { previous };
    },
    onError: (_error, _attributes, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    // Cognito decides what stuck (a changed e-mail may wait for verification): read it back.
    onSettled: refetchAfter,
  });

  return {
    attributes: profile.data?.attributes,
    username: profile.data?.username,
    isLoading: user !== null && profile.isPending,
    error: profile.error,
    update: update.mutateAsync,
    remove: async (names) => {
      await auth.user.deleteAttributes(names);
      await refetchAfter();
    },
    sendVerificationCode: (attributeName) => auth.user.sendVerificationCode({ attributeName }),
    verify: async (input) => {
      await auth.user.verifyAttribute(input);
      await refetchAfter();
    },
    deleteUser: () => auth.user.delete(), // core signs out after deleting
  };
}
