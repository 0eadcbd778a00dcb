/**
 * The browser side of the admin handler's contract: one typed `call(action, body)` over a
 * fetch that carries the access token (core's `createAuthFetch`). The contract's types come
 * from `@cognito-kit/core` type-only, so no server code reaches the bundle.
 */
import type {
  AdminAction,
  AdminErrorBody,
  AdminErrorCode,
  AdminRequest,
  AdminResponse,
} from '@cognito-kit/core';

/** The handler refused: `code` is the contract's error code (`forbidden`, `self_protection`, …). */
export class AdminApiError extends Error {
  readonly code: AdminErrorCode | 'network';
  readonly status: number;
  constructor(code: AdminErrorCode | 'network', status: number, message?: string) {
    super(message ?? code);
    this.name = 'AdminApiError';
    this.code = code;
    this.status = status;
  }
}

/** The admin API as the hooks use it. */
export interface AdminApi {
  call<A extends AdminAction>(action: A, body: AdminRequest<A>): Promise<AdminResponse<A>>;
}

/** Options of {@link createAdminApi}. */
export interface AdminApiOptions {
  /** A fetch that adds the access token, e.g. `createAuthFetch({ getAccessToken })`. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Where the handler is mounted. Default `/api/admin`. */
  baseUrl?: string;
}

export function createAdminApi({ fetch, baseUrl = '/api/admin' }: AdminApiOptions): AdminApi {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async call(action, body) {
      let response: Response;
      try {
        response = await fetch(`${base}/${action}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      } catch {
        throw new AdminApiError('network', 0);
      }
      const json: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const error = (json as Partial<AdminErrorBody> | undefined)?.error;
        throw new AdminApiError(
          typeof error === 'string' ? error : 'upstream_error',
          response.status,
          (json as Partial<AdminErrorBody> | undefined)?.message,
        );
      }
      if (json === undefined) throw new AdminApiError('upstream_error', response.status);
      return json as AdminResponse<typeof action>;
    },
  };
}
