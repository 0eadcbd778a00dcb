import { invalidInput } from '../errors/index.js';

/** The managed-login (hosted UI) endpoints of one user-pool domain. */
export interface OAuthEndpoints {
  /** `<domain>/oauth2/authorize` */
  readonly authorize: string;
  /** `<domain>/oauth2/token` */
  readonly token: string;
  /** `<domain>/oauth2/userInfo` */
  readonly userInfo: string;
  /** `<domain>/oauth2/revoke` */
  readonly revoke: string;
  /** `<domain>/logout` */
  readonly logout: string;
  /** Plain `http:` is used (loopback or a reserved test name only); oauth4webapi must be told. */
  readonly insecure: boolean;
}

// Names that can only be this machine or a private test network (RFC 6761): the emulator.
const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|.+\.localhost|.+\.test)$/i;

/**
 * Resolves a user-pool domain to its endpoints. `domain` is a host name
 * (`myapp.auth.eu-west-2.amazoncognito.com`, a custom domain; HTTPS implied) or a base URL,
 * which may carry a path (the emulator serves a pool's domain under one). Plain `http:` is
 * refused unless the host is loopback or a reserved test name, so a typo cannot send
 * authorization codes in clear text.
 *
 * @example
 * oauthEndpoints('myapp.auth.eu-west-2.amazoncognito.com').token;
 * // 'https://myapp.auth.eu-west-2.amazoncognito.com/oauth2/token'
 */
export function oauthEndpoints(domain: string): OAuthEndpoints {
  const raw = domain.trim();
  let base: URL;
  try {
    base = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw invalidInput('The OAuth domain must be a host name or an absolute URL.');
  }
  if (base.search !== '' || base.hash !== '') {
    throw invalidInput('The OAuth domain must not carry a query or a fragment.');
  }
  const insecure = base.protocol === 'http:';
  if (insecure ? !LOCAL_HOST.test(base.hostname) : base.protocol !== 'https:') {
    throw invalidInput('The OAuth domain must use https (http only for localhost).');
  }
  const root = base.href.replace(/\/+$/, '');
  return {
    authorize: `${root}/oauth2/authorize`,
    token: `${root}/oauth2/token`,
    userInfo: `${root}/oauth2/userInfo`,
    revoke: `${root}/oauth2/revoke`,
    logout: `${root}/logout`,
    insecure,
  };
}
