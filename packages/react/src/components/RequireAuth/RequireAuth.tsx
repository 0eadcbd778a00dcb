import type { ReactNode } from 'react';
import { selectGroups } from '../../hooks/groups.js';
import { useAuth } from '../../hooks/useAuth.js';
import { SignIn } from '../SignIn/SignIn.js';

/** Props of {@link RequireAuth}. */
export interface RequireAuthProps {
  /** Shown only to a signed-in user (in one of `groups`, when given). */
  children: ReactNode;
  /** Shown to everyone else; `<SignIn />` by default. */
  fallback?: ReactNode;
  /** Shown while a stored session is being restored (nothing by default, to avoid a flash). */
  loading?: ReactNode;
  /** The user must be in at least one of these groups (`cognito:groups` of the ID token). */
  groups?: readonly string[];
  /** Shown to a signed-in user outside `groups`. Nothing by default. */
  forbidden?: ReactNode;
}

/**
 * Renders its children only for a signed-in user — with `groups`, only for a member of one of
 * them. Hiding a screen is not protecting data: the server checks the token too.
 *
 * @example
 * <RequireAuth fallback={<Navigate to="/sign-in" />}><Dashboard /></RequireAuth>
 * <RequireAuth groups={['admins']} forbidden={<p>Admins only.</p>}><UserAdmin /></RequireAuth>
 */
export function RequireAuth({
  children,
  fallback,
  loading = null,
  groups,
  forbidden = null,
}: RequireAuthProps) {
  const status = useAuth((view) => view.status);
  const mine = useAuth(selectGroups);
  if (status === 'signedIn') {
    if (groups && !groups.some((g) => mine.includes(g))) return <>{forbidden}</>;
    return <>{children}</>;
  }
  if (status === 'initializing') return <>{loading}</>;
  return <>{fallback === undefined ? <SignIn /> : fallback}</>;
}
