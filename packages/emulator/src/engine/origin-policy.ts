/**
 * Which web pages may talk to the emulator from a browser.
 *
 * The emulator runs on a developer's machine next to their browser, so every site open in that
 * browser can send it requests. By default only pages served from the loopback host
 * (`localhost`, `127.0.0.1`, `[::1]`, any port, http or https) get CORS answers; more origins are
 * added explicitly (`--cors-origin`). The dev routes (outbox, faults) and the admin API go
 * further and refuse cross-site browser requests outright, because a refused CORS read does not
 * stop a request from having its effect.
 */

/** Decides about the `Origin` of a browser request. */
export interface OriginPolicy {
  /** True when `origin` may read answers (gets `Access-Control-Allow-Origin`). */
  allows(origin: string): boolean;
}

const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/** True for `http(s)://localhost`, `127.0.0.1` or `[::1]` with any port. */
export function isLoopbackOrigin(origin: string): boolean {
  return LOOPBACK_ORIGIN.test(origin);
}

/**
 * Normalises an origin given by the user (`https://app.example.test`, with or without a
 * trailing slash); `*` allows every origin. Throws `TypeError` for anything else.
 */
export function normaliseOrigin(text: string): string {
  if (text === '*') return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`"${text}" is not an origin such as https://app.example.test.`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.pathname.replace(/\/$/, '') !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new TypeError(`"${text}" is not an origin (scheme://host[:port] only).`);
  }
  return url.origin;
}

/**
 * The loopback origins plus `extra` ones.
 *
 * @example
 * createOriginPolicy(['https://app.example.test']).allows('http://localhost:5173'); // true
 */
export function createOriginPolicy(extra: readonly string[] = []): OriginPolicy {
  const added = new Set(extra.map(normaliseOrigin));
  const any = added.has('*');
  return {
    allows: (origin) => any || isLoopbackOrigin(origin) || added.has(origin),
  };
}

/**
 * True for a browser request from a page the policy does not allow: an `Origin` it refuses, or
 * `Sec-Fetch-Site: cross-site` without an allowed `Origin` (navigations, `<img>`, form posts of
 * older browsers). Requests without these headers (curl, SDKs, Node) are not browser requests
 * from a web page and pass.
 */
export function isForeignBrowserRequest(request: Request, policy: OriginPolicy): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return !policy.allows(origin);
  return request.headers.get('sec-fetch-site') === 'cross-site';
}
