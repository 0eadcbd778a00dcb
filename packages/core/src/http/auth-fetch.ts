import { createAuthorizePolicy, type AuthorizeOptions } from './authorize-policy.js';
import {
  credentialOf,
  tokenAfterRejection,
  type AuthHeaderOptions,
  type BearerTokenSource,
} from './token-source.js';

/** Options of {@link createAuthFetch}. */
export interface AuthFetchOptions extends BearerTokenSource, AuthHeaderOptions, AuthorizeOptions {
  /** The fetch to wrap. Default: the global fetch at call time. */
  fetch?: typeof fetch;
}

/**
 * A fetch-compatible function for your own API: it sets `Authorization: Bearer <access token>`
 * (replacing any such header given), and when the API answers 401 it gets a fresh token —
 * refreshing unless another request already did — and sends the request once more.
 *
 * Who gets the token: by default requests to the page's own origin and to the `origins` you
 * list; any other request goes out untouched, without the token (in Node, with no page, only
 * the listed origins). `shouldAuthorize` replaces that rule. `token`, `header` and `scheme`
 * choose what is sent (e.g. the ID token in `X-Id-Token` without a scheme).
 *
 * Bodies: strings, bytes, Blobs, FormData, URLSearchParams and `Request` objects are kept for
 * the one retry. A `ReadableStream` body is sent as it streams and cannot be sent twice: then
 * the 401 is returned as is (after the token refresh, so the caller's own retry can succeed).
 * If the refresh itself fails (session ended), the 401 is returned too.
 *
 * @example
 * const api = createAuthFetch({
 *   getAccessToken: (o) => session.getAccessToken(o),
 *   origins: ['https://api.example.com'],
 * });
 * const res = await api('https://api.example.com/orders', { method: 'POST', body: JSON.stringify(order) });
 */
export function createAuthFetch(options: AuthFetchOptions): typeof fetch {
  const credential = credentialOf(options, 'createAuthFetch');
  const authorizes = createAuthorizePolicy(options, 'createAuthFetch');
  const send = (request: Request): Promise<Response> =>
    (options.fetch ?? globalThis.fetch)(request);
  return async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    if (!authorizes(request)) return send(request);
    const token = await credential.get();
    request.headers.set(credential.header, credential.format(token));
    // A stream the caller handed us is read once by the first send; anything else can be
    // cloned up front (Request.clone tees the body, so the spare is still readable later).
    const streamed = init?.body instanceof ReadableStream;
    const spare = streamed ? undefined : request.clone();
    const response = await send(request);
    if (response.status !== 401) return response;
    let fresh: string;
    try {
      fresh = await tokenAfterRejection(credential, token);
    } catch {
      // The session could not produce a token (refresh token revoked, signed out): the
      // caller gets the server's 401 and the session reports the sign-out on its own.
      return response;
    }
    if (spare === undefined) return response;
    void response.body?.cancel().catch(() => undefined);
    spare.headers.set(credential.header, credential.format(fresh));
    return send(spare);
  };
}
