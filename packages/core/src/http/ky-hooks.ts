import ky, { type AfterResponseHook, type BeforeRequestHook, type NormalizedOptions } from 'ky';
import { createAuthorizePolicy, type AuthorizeOptions } from './authorize-policy.js';
import {
  credentialOf,
  tokenAfterRejection,
  type AuthHeaderOptions,
  type BearerTokenSource,
} from './token-source.js';

/** Options of {@link createAuthKyHooks}: those of `createAuthFetch`, without `fetch`. */
export interface AuthKyHooksOptions
  extends BearerTokenSource, AuthHeaderOptions, AuthorizeOptions {}

/** The `hooks` member to spread into `ky.create` / `ky.extend`. */
export interface AuthKyHooks {
  beforeRequest: BeforeRequestHook[];
  afterResponse: AfterResponseHook[];
}

/**
 * ky hooks with {@link createAuthFetch}'s behaviour: `beforeRequest` sets
 * `Authorization: Bearer <access token>` on requests to the page's origin and the listed
 * `origins` (or those `shouldAuthorize` accepts), and leaves every other request without it;
 * `afterResponse` answers a 401 by getting a fresh
 * token and sending the request once more (ky keeps a copy of every body, so POSTs replay).
 * The retry goes out through a hook-less ky call with the instance's fetch and timeout, so it
 * cannot loop.
 *
 * @example
 * const api = ky.create({
 *   prefixUrl: 'https://api.example.com',
 *   hooks: createAuthKyHooks({
 *     getAccessToken: (o) => session.getAccessToken(o),
 *     origins: ['https://api.example.com'],
 *   }),
 * });
 */
export function createAuthKyHooks(options: AuthKyHooksOptions): AuthKyHooks {
  const credential = credentialOf(options, 'createAuthKyHooks');
  const applies = createAuthorizePolicy(options, 'createAuthKyHooks');

  const beforeRequest: BeforeRequestHook = async (request) => {
    if (!applies(request)) return;
    request.headers.set(credential.header, credential.format(await credential.get()));
  };

  const afterResponse: AfterResponseHook = async (request, kyOptions, response) => {
    if (response.status !== 401 || !applies(request)) return;
    const sent = credential.parse(request.headers.get(credential.header));
    let fresh: string;
    try {
      fresh = await tokenAfterRejection(credential, sent);
    } catch {
      return; // Session ended: let ky handle the 401 as usual.
    }
    request.headers.set(credential.header, credential.format(fresh));
    // ky hands hooks its full options object; its public type just does not list these two.
    const { fetch, timeout } = kyOptions as NormalizedOptions & {
      fetch?: typeof globalThis.fetch;
      timeout?: number | false;
    };
    return ky(request, {
      ...(fetch ? { fetch } : {}),
      ...(timeout === undefined ? {} : { timeout }),
      retry: 0,
      // The outer instance still applies its own throwHttpErrors to what we return.
      throwHttpErrors: false,
    });
  };

  return { beforeRequest: [beforeRequest], afterResponse: [afterResponse] };
}
