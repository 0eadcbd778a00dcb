import type { AuthView } from '@cognito-kit/core';

const NONE: readonly string[] = [];

/**
 * A `useAuth` selector: the signed-in user's groups, from the verified ID token's
 * `cognito:groups` (empty when signed out or in no group). The same array is returned until the
 * tokens change, so components selecting it re-render only then. This is for showing and hiding
 * screens; the server must still check the access token (as `createAdminHandler` does).
 *
 * @example
 * const isAdmin = useAuth(selectGroups).includes('admins');
 */
export function selectGroups(view: AuthView): readonly string[] {
  const groups = view.user?.['cognito:groups'];
  return Array.isArray(groups) ? groups : NONE;
}
