import { invalidInput } from '../errors/index.js';

/** Where authFetch and the ky hooks get tokens: the session's `getAccessToken` / `getIdToken`. */
export interface BearerTokenSource {
  /**
   * A valid access token; `forceRefresh` asks for a new one even if the current one looks valid
   * (the resource server just refused it).
   */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** A valid ID token, as `getAccessToken`; needed only with `token: 'id'`. */
  getIdToken?(options?: { forceRefresh?: boolean }): Promise<string>;
}

/**
 * Which token goes into which header (the choices server-to-server clients such as pycognito's
 * `RequestsSrpAuth` offer: its `auth_token_type`, `http_header`, `http_header_prefix`).
 */
export interface AuthHeaderOptions {
  /** Which token to send: `'access'` (default; what APIs should check) or `'id'`. */
  token?: 'access' | 'id' | undefined;
  /** The request header that carries it (default `Authorization`). */
  header?: string | undefined;
  /** The scheme before the token (default `Bearer`); `''` sends the bare token. */
  scheme?: string | undefined;
}

/** How requests are authorized, decided once from the options. */
export interface Credential {
  /** The header name (lower case). */
  readonly header: string;
  /** The current token, or a refreshed one with `forceRefresh`. */
  get(options?: { forceRefresh?: boolean }): Promise<string>;
  /** The header value for a token. */
  format(token: string): string;
  /** The token in a header value this credential wrote, if it is one. */
  parse(value: string | null): string | undefined;
}

// RFC 9110 token characters: what a header name and an auth scheme may consist of.
const TOKEN_CHARS = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The {@link Credential} of authFetch / ky hooks options (`token` other than `'id'` means the
 * access token). Throws `InvalidInput` at creation, not at the first request, for a bad header
 * name or scheme, or `token: 'id'` without `getIdToken`.
 */
export function credentialOf(
  options: BearerTokenSource & AuthHeaderOptions,
  caller: string,
): Credential {
  if (typeof options?.getAccessToken !== 'function') {
    throw invalidInput(`${caller} needs a getAccessToken function.`);
  }
  const header = (options.header ?? 'authorization').toLowerCase();
  const scheme = options.scheme ?? 'Bearer';
  if (!TOKEN_CHARS.test(header) || !TOKEN_CHARS.test(scheme || 'x')) {
    throw invalidInput(`${caller}: header and scheme must be single words.`);
  }
  const getIdToken = options.getIdToken;
  const wantsId = options.token === 'id';
  if (wantsId && typeof getIdToken !== 'function') {
    throw invalidInput(`${caller} needs a getIdToken function to send the ID token.`);
  }
  const get: Credential['get'] =
    wantsId && getIdToken ? (o) => getIdToken.call(options, o) : (o) => options.getAccessToken(o);
  const prefix = scheme === '' ? '' : `${scheme} `;
  return {
    header,
    get,
    format: (token) => `${prefix}${token}`,
    parse(value) {
      if (value === null || !value.toLowerCase().startsWith(prefix.toLowerCase())) return undefined;
      const token = value.slice(prefix.length).trim();
      return token === '' ? undefined : token;
    },
  };
}

/**
 * The token to retry with after a 401 for a request that carried `sentToken`. When another
 * request already refreshed in the meantime the current token differs and is used as is;
 * otherwise a refresh is forced. (The session coalesces concurrent refreshes either way.)
 */
export async function tokenAfterRejection(
  credential: Pick<Credential, 'get'>,
  sentToken: string | undefined,
): Promise<string> {
  const current = await credential.get();
  if (sentToken !== undefined && current !== sentToken) return current;
  return credential.get({ forceRefresh: true });
}
