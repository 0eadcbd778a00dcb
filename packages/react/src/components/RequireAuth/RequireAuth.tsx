import type { ReactNode } from 'react';
import { useAuth } from '../../hooks/useAuth.js';
import { SignIn } from '../SignIn/SignIn.js';

/** Props of {@link RequireAuth}. */
export interface RequireAuthProps {
  /** Shown only to a signed-in user. */
  children: ReactNode;
  /** Shown to everyone else; `<SignIn />` by default. */
  fallback?: ReactNode;
  /** Shown while a stored session is being restored (nothing by default, to avoid a flash). */
  loading?: ReactNode;
}

/**
 * Renders its children only for a signed-in user.
 *
 * @example
 * <RequireAuth fallback={<Navigate to="/sign-in" />}><Dashboard /></RequireAuth>
 */
export function RequireAuth({ children, fallback, loading = null }: RequireAuthProps) {
  const status = useAuth((view) => view.status);
  if (status === 'signedIn') return <>{children}</>;
  if (status === 'initializing') return <>{loading}</>;
  return <>{fallback === undefined ? <SignIn /> : fallback}</>;
}
