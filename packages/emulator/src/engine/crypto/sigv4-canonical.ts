/**
 * The SigV4 canonical request, string to sign and signature (AWS's published algorithm), with
 * WebCrypto only. Used by the verifier in `sigv4.ts` and by tests that sign requests.
 */
/** The parts of a request SigV4 covers. The body is passed separately because a `Request` body can be read once. */
export interface SignedRequestParts {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: Uint8Array | string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const encoder = new TextEncoder();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, uppercase hex. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Normalised, encoded path: empty and `.` segments dropped, `..` resolved, a trailing slash kept. */
function canonicalUri(pathname: string): string {
  const out: string[] = [];
  for (const segment of pathname.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(uriEncode(safeDecode(segment)));
  }
  const trailing = pathname.length > 1 && pathname.endsWith('/') && out.length > 0 ? '/' : '';
  return `/${out.join('/')}${trailing}`;
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs = search
    .slice(1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const key = eq < 0 ? p : p.slice(0, eq);
      const value = eq < 0 ? '' : p.slice(eq + 1);
      return [uriEncode(safeDecode(key)), uriEncode(safeDecode(value))] as const;
    });
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** Lowercase hex SHA-256 of text (UTF-8) or bytes. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

async function hmac(key: Uint8Array | ArrayBuffer, message: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    key as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
}

/**
 * Builds the SigV4 string to sign for a request as the server sees it. Exported for tests.
 * `Host` falls back to the URL's host because fetch implementations add it only on the wire.
 */
export async function stringToSign(
  parts: SignedRequestParts,
  signedHeaders: readonly string[],
  amzDate: string,
  scope: string,
): Promise<string> {
  const url = new URL(parts.url);
  const headerLines = signedHeaders.map((name) => {
    const raw = parts.headers.get(name) ?? (name === 'host' ? url.host : '');
    return `${name}:${raw.trim().replace(/\s+/g, ' ')}\n`;
  });
  const canonicalRequest = [
    parts.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    headerLines.join(''),
    signedHeaders.join(';'),
    await sha256Hex(parts.body),
  ].join('\n');
  return [ALGORITHM, amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');
}

/** HMAC chain `AWS4<secret>` → date → region → service → `aws4_request`, then the signature in hex. */
export async function computeSignature(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string,
  toSign: string,
): Promise<string> {
  let key = await hmac(encoder.encode(`AWS4${secretAccessKey}`), date);
  key = await hmac(key, region);
  key = await hmac(key, service);
  key = await hmac(key, 'aws4_request');
  return hex(await hmac(key, toSign));
}
