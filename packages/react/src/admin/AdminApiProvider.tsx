import { createAuthFetch } from '@cognito-kit/core';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useCognitoAuth } from '../provider/context.js';
import { createAdminApi, type AdminApi, type AdminApiOptions } from './api.js';

const AdminApiContext = createContext<Partial<AdminApiOptions>>({});

/** Props of {@link AdminApiProvider}. */
export interface AdminApiProviderProps extends Partial<AdminApiOptions> {
  children?: ReactNode;
}

/**
 * Points the admin hooks and screens at the handler: `baseUrl` (default `/api/admin`) and the
 * `fetch` to send with (default: core's `createAuthFetch` over the provider's session, which
 * sends the access token to the page's own origin only — pass your own authFetch with `origins`
 * for a handler elsewhere). Optional when the handler is at `/api/admin` on this origin.
 *
 * @example
 * <AdminApiProvider baseUrl="/internal/admin"><UserAdmin /></AdminApiProvider>
 */
export function AdminApiProvider({ children, ...options }: AdminApiProviderProps) {
  const { baseUrl, fetch } = options;
  const value = useMemo(
    () => ({ ...(baseUrl !== undefined && { baseUrl }), ...(fetch && { fetch }) }),
    [baseUrl, fetch],
  );
  return <AdminApiContext.Provider value={value}>{children}</AdminApiContext.Provider>;
}

/** The admin API the nearest {@link AdminApiProvider} describes. */
export function useAdminApi(): AdminApi {
  const { baseUrl, fetch } = useContext(AdminApiContext);
  const auth = useCognitoAuth();
  return useMemo(
    () =>
      createAdminApi({
        fetch: fetch ?? createAuthFetch({ getAccessToken: (o) => auth.getAccessToken(o) }),
        ...(baseUrl !== undefined && { baseUrl }),
      }),
    [auth, baseUrl, fetch],
  );
}
