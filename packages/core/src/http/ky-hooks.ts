import ky, { type AfterResponseHook, type BeforeRequestHook, type NormalizedOptions } from 'ky';
import { invalidInput } from '../errors/index.js';
import { bearer, tokenAfterRejection, tokenOf, type BearerTokenSource } from './token-source.js';

/** Options of {@link createAuthKyHooks}. */
export interface AuthKyHooksOptions extends BearerTokenSource {
  /** Which requests get the token. Default: all requests of the ky instance. */
  shouldAuthorize?: (request: Request) => boolean;
}

/** The `hooks` member to spread into `ky.create` / `ky.extend`. */
export interface AuthKyHooks {
  beforeRequest: BeforeRequestHook[];
  afterResponse: AfterResponseHook[];
}

/**
 * ky hooks with {@link createAuthFetch}'s behaviour: `beforeRequest` sets
 * `Authorization: Bearer <access token>`; `afterResponse` answers a 401 by getting a fresh
 * token and sending the request once more (ky keeps a copy of every body, so POSTs replay).
 * The retry goes out through a hook-less ky call with the instance's fetch and timeout, so it
 * cannot loop.
 *
 * @example
 * const api = ky.create({
 *   prefixUrl: 'https://api.example.com',
 *   hooks: createAuthKyHooks({ getAccessToken: (o) => session.getAccessToken(o) }),
 * });
 */
export function createAuthKyHooks(options: AuthKyHooksOptions): AuthKyHooks {
  if (typeof options?.getAccessToken !== 'function') {
    throw invalidInput('createAuthKyHooks needs a getAccessToken function.');
  }
  const applies = (request: Request): boolean =>
    !options.shouldAuthorize || options.shouldAuthorize(request);

  const beforeRequest: BeforeRequestHook = async (request) => {
    if (!applies(request)) return;
    request.headers.set('authorization', bearer(await options.getAccessToken()));
  };

  const afterResponse: AfterResponseHook = async (request, kyOptions, response) => {
    if (response.status !== 401 || !applies(request)) return;
    let fresh: string;
    try {
      fresh = await tokenAfterRejection(options, tokenOf(request.headers.get('authorization')));
    } catch {
      return; // Session ended: let ky handle the 401 as usual.
    }
    request.headers.set('authorization', bearer(fresh));
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
