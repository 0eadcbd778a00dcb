import { invalidInput } from '../errors/index.js';
import { bearer, tokenAfterRejection, type BearerTokenSource } from './token-source.js';

/** Options of {@link createAuthFetch}. */
export interface AuthFetchOptions extends BearerTokenSource {
  /** The fetch to wrap. Default: the global fetch at call time. */
  fetch?: typeof fetch;
  /**
   * Which requests get the token. Default: all. Restrict it to your API's origin when the same
   * function may reach third parties, so the token never leaks to them.
   */
  shouldAuthorize?: (request: Request) => boolean;
}

/**
 * A fetch-compatible function for your own API: it sets `Authorization: Bearer <access token>`
 * (replacing any Authorization header given), and when the API answers 401 it gets a fresh
 * token — refreshing unless another request already did — and sends the request once more.
 *
 * Bodies: strings, bytes, Blobs, FormData, URLSearchParams and `Request` objects are kept for
 * the one retry. A `ReadableStream` body is sent as it streams and cannot be sent twice: then
 * the 401 is returned as is (after the token refresh, so the caller's own retry can succeed).
 * If the refresh itself fails (session ended), the 401 is returned too.
 *
 * @example
 * const api = createAuthFetch({ getAccessToken: (o) => session.getAccessToken(o) });
 * const res = await api('https://api.example.com/orders', { method: 'POST', body: JSON.stringify(order) });
 */
export function createAuthFetch(options: AuthFetchOptions): typeof fetch {
  if (typeof options?.getAccessToken !== 'function') {
    throw invalidInput('createAuthFetch needs a getAccessToken function.');
  }
  const send = (request: Request): Promise<Response> =>
    (options.fetch ?? globalThis.fetch)(request);

  return async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    if (options.shouldAuthorize && !options.shouldAuthorize(request)) return send(request);

    const token = await options.getAccessToken();
    request.headers.set('authorization', bearer(token));
    // A stream the caller handed us is read once by the first send; anything else can be
    // cloned up front (Request.clone tees the body, so the spare is still readable later).
    const streamed = init?.body instanceof ReadableStream;
    const spare = streamed ? undefined : request.clone();

    const response = await send(request);
    if (response.status !== 401) return response;

    let fresh: string;
    try {
      fresh = await tokenAfterRejection(options, token);
    } catch {
      // The session could not produce a token (refresh token revoked, signed out): the
      // caller gets the server's 401 and the session reports the sign-out on its own.
      return response;
    }
    if (spare === undefined) return response;
    void response.body?.cancel().catch(() => undefined);
    spare.headers.set('authorization', bearer(fresh));
    return send(spare);
  };
}
