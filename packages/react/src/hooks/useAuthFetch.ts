'use client';
import { createAuthFetch, type AuthFetchOptions } from '@cognito-kit/core';
import { useMemo } from 'react';
import { useCognitoContext } from '../provider/context.js';

/** Options of {@link useAuthFetch}: `createAuthFetch`'s, the token source being the provider's. */
export type UseAuthFetchOptions = Omit<AuthFetchOptions, 'getAccessToken' | 'getIdToken'>;

/** What {@link useAuthFetch} returns: `fetch`'s signature. */
export type AuthFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * A fetch for your own API that sends the signed-in user's token (`createAuthFetch` of
 * `@cognito-kit/core` wired to the provider's session): `Authorization: Bearer <access token>`
 * on requests to the page's origin and the `origins` you list, one refresh and retry on a 401.
 * The function stays the same across renders while the options mean the same (`origins` is
 * compared by value; pass `fetch` and `shouldAuthorize` as stable functions).
 *
 * @example
 * const api = useAuthFetch({ origins: ['https://api.example.com'] });
 * const orders = useQuery({ queryKey: ['orders'], queryFn: () => api('https://api.example.com/orders').then((r) => r.json()) });
 */
export function useAuthFetch(options: UseAuthFetchOptions = {}): AuthFetch {
  const { auth } = useCognitoContext('useAuthFetch');
  const { origins, token, header, scheme, fetch, shouldAuthorize } = options;
  // Array literals are new on every render: compare the origin rules by value.
  const originsKey = JSON.stringify(
    origins === undefined ? null : (Array.isArray(origins) ? origins : [origins]).map(String),
  );
  return useMemo<AuthFetch>(
    () =>
      createAuthFetch({
        getAccessToken: (o) => auth.getAccessToken(o),
        getIdToken: (o) => auth.getIdToken(o),
        origins,
        token,
        header,
        scheme,
        shouldAuthorize,
        ...(fetch === undefined ? {} : { fetch }),
      }),
    // `origins` is represented by `originsKey`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [auth, originsKey, token, header, scheme, fetch, shouldAuthorize],
  );
}
