import { invalidInput } from '../errors/index.js';

/**
 * An origin allowed to receive the token: a string such as `'https://api.example.com'`
 * (scheme, host and any port; compared exactly), or a RegExp tested against the request's
 * origin, e.g. `/^https:\/\/[a-z0-9-]+\.example\.com$/` (anchor it).
 */
export type OriginRule = string | RegExp;

/** Which requests get the token (options of authFetch and the ky hooks). */
export interface AuthorizeOptions {
  /**
   * Origins besides the page's own that receive the token. Default none: the token goes to
   * the page's origin only, and in a runtime without a page (Node, workers without
   * `location`) to no origin until you list some.
   */
  origins?: OriginRule | readonly OriginRule[] | undefined;
  /**
   * Decides alone, replacing the origin rule: return true for the requests that get the
   * token. Anything it lets through is trusted with the token.
   */
  shouldAuthorize?: ((request: Request) => boolean) | undefined;
}

/** The page's origin, looked up per request (none during SSR, in Node, or for opaque origins). */
function pageOrigin(): string | undefined {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined;
}

/** The origin a string entry names; `InvalidInput` unless it is exactly an origin (one trailing `/` allowed). */
function originOfRule(rule: string, caller: string): string {
  let url: URL | undefined;
  try {
    url = new URL(rule);
  } catch {
    // reported below
  }
  // A path, query or user info would suggest a finer rule than this check makes.
  if (url === undefined || url.origin === 'null' || url.href !== `${url.origin}/`) {
    throw invalidInput(`${caller}: "${rule}" is not an origin like https://api.example.com.`);
  }
  return url.origin;
}

/**
 * The decision "does this request get the token?": `shouldAuthorize` when given, else the
 * request's origin is the page's own or on the `origins` list. Cross-origin requests outside
 * it go out without the token. Throws `InvalidInput` at creation for a malformed entry.
 */
export function createAuthorizePolicy(
  options: AuthorizeOptions,
  caller: string,
): (request: Request) => boolean {
  const custom = options.shouldAuthorize;
  if (custom !== undefined) {
    return (request) => custom(request);
  }
  const listed = options.origins === undefined ? [] : [options.origins].flat();
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const rule of listed) {
    if (rule instanceof RegExp) {
      // Without g / y: RegExp#test with them keeps state between calls.
      patterns.push(new RegExp(rule.source, rule.flags.replace(/[gy]/g, '')));
    } else {
      exact.add(originOfRule(String(rule), caller));
    }
  }
  return (request) => {
    const { origin } = new URL(request.url);
    if (origin === pageOrigin() || exact.has(origin)) return true;
    return patterns.some((pattern) => pattern.test(origin));
  };
}
