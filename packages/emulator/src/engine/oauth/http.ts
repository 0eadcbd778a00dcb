/**
 * Small HTTP pieces of the OAuth 2.0 endpoints: reading form bodies, Basic credentials and
 * cookies, and building redirects, RFC 6749 JSON errors and HTML pages. OAuth answers never use
 * the JSON API's `__type` envelope (COGNITO-PASSWORDLESS-OAUTH §11).
 */

/** Largest form body the OAuth endpoints read. */
const MAX_FORM_BYTES = 64 * 1024;

/** An OAuth error with its RFC 6749 code and the HTTP status to answer. */
export class OAuthError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, description: string, status = 400) {
    super(description);
    this.name = 'OAuthError';
    this.code = code;
    this.status = status;
  }
}

/** Reads an `application/x-www-form-urlencoded` body; anything else is `invalid_request`. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new OAuthError('invalid_request', 'The body must be application/x-www-form-urlencoded.');
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_FORM_BYTES)
    throw new OAuthError('invalid_request', 'The body is too large.');
  return new URLSearchParams(new TextDecoder().decode(bytes));
}

/**
 * One parameter of a form or query: absent → `undefined`, given twice → `invalid_request`
 * (RFC 6749 §3.1: parameters must not be included more than once).
 */
export function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new OAuthError('invalid_request', `Duplicate parameter ${name}.`);
  const value = values[0];
  return value === undefined || value === '' ? undefined : value;
}

/** `Authorization: Basic base64(id:secret)` with RFC 6749 §2.3.1's form-encoding undone. */
export function basicCredentials(
  request: Request,
): { clientId: string; clientSecret: string } | undefined {
  const header = request.headers.get('authorization');
  if (header === null || !/^basic /i.test(header)) return undefined;
  let decoded: string;
  try {
    decoded = atob(header.slice(6).trim());
  } catch {
    throw new OAuthError('invalid_client', 'Malformed Basic credentials.', 401);
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_client', 'Malformed Basic credentials.', 401);
  const unescape = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
  try {
    return {
      clientId: unescape(decoded.slice(0, colon)),
      clientSecret: unescape(decoded.slice(colon + 1)),
    };
  } catch {
    throw new OAuthError('invalid_client', 'Malformed Basic credentials.', 401);
  }
}

/** The cookies of a request by name. */
export function cookies(request: Request): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax, Secure on HTTPS; `maxAge` 0 deletes it. */
export function cookieHeader(name: string, value: string, maxAge: number, secure: boolean): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Headers every OAuth answer carries: no caching (RFC 6749 §5.1). */
export function noStore(headers: Headers): Headers {
  headers.set('Cache-Control', 'no-store');
  headers.set('Pragma', 'no-cache');
  return headers;
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Headers): Response {
  headers.set('Content-Type', 'application/json;charset=UTF-8');
  return new Response(JSON.stringify(body), { status, headers: noStore(headers) });
}

/** The RFC 6749 §5.2 error body `{"error","error_description"}`. */
export function oauthErrorJson(error: OAuthError, headers: Headers): Response {
  if (error.status === 401) headers.set('WWW-Authenticate', 'Basic realm="cognito-kit-emulator"');
  return json(error.status, { error: error.code, error_description: error.message }, headers);
}

/** A 302 to `location`. */
export function redirect(location: string, headers: Headers): Response {
  headers.set('Location', location);
  return new Response(null, { status: 302, headers: noStore(headers) });
}

/** `base` with `params` added to its query (or to its fragment, for the implicit flow). */
export function withParams(
  base: string,
  params: Record<string, string | undefined>,
  where: 'query' | 'fragment' = 'query',
): string {
  const url = new URL(base);
  const extra = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) extra.set(name, value);
  if (where === 'fragment') {
    url.hash = extra.toString();
    return url.toString();
  }
  for (const [name, value] of extra) url.searchParams.set(name, value);
  return url.toString();
}

/** An HTML page answer. */
export function html(status: number, page: string, headers: Headers): Response {
  headers.set('Content-Type', 'text/html;charset=UTF-8');
  // The hosted pages run no script and must not be framed (clickjacking of the sign-in form).
  headers.set(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
  );
  headers.set('X-Frame-Options', 'DENY');
  return new Response(page, { status, headers: noStore(headers) });
}

/** URL-safe base64 without padding. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `BASE64URL(SHA-256(verifier))`, the S256 code challenge (RFC 7636 §4.2). */
export async function s256(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(verifier),
  );
  return base64Url(new Uint8Array(digest));
}
