/**
 * React Query keys of the data the hooks cache. Everything sits under `queryKeys.all`, so the
 * provider clears it all at once on sign-out; per-user keys carry the user's `sub`, so a new
 * user never sees the previous user's cache.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: queryKeys.user(sub) });
 */
export const queryKeys = {
  /** Prefix of every key of this library. */
  all: ['cognito-kit'] as const,
  /** Everything cached for one user. */
  user: (userId: string) => ['cognito-kit', 'user', userId] as const,
  /** GetUser: attributes and MFA settings (shared by `useUser` and `useMfa`). */
  profile: (userId: string) => ['cognito-kit', 'user', userId, 'profile'] as const,
  /** ListDevices (all pages). */
  devices: (userId: string) => ['cognito-kit', 'user', userId, 'devices'] as const,
  /** ListWebAuthnCredentials. */
  passkeys: (userId: string) => ['cognito-kit', 'user', userId, 'passkeys'] as const,
};
