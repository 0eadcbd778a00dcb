/**
 * Server-side verification of AWS Signature Version 4 (`AWS4-HMAC-SHA256` in the
 * `Authorization` header), as Cognito demands it for Admin* and pool-management actions.
 *
 * Written against the published SigV4 algorithm with WebCrypto only, so the engine stays
 * runtime-agnostic. The error names and texts follow COGNITO-PROTOCOL §9.
 */

import { serviceError } from './errors.js';
import { computeSignature, stringToSign } from './sigv4-canonical.js';

export { computeSignature, stringToSign } from './sigv4-canonical.js';

/** A key pair the emulator accepts signatures from (`--credentials KEY:SECRET`). */
export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** When set, requests must carry this exact `X-Amz-Security-Token`. */
  readonly sessionToken?: string;
}

/** The documented default key pair (`local:local`). */
export const DEFAULT_CREDENTIALS: SigV4Credentials = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
};

/** Knobs for {@link checkSigV4}; the defaults are what Cognito does. */
export interface SigV4Options {
  /** Service name the credential scope must name. Default `cognito-idp`. */
  readonly service?: string;
  /** Allowed difference between `X-Amz-Date` and now, in ms. Default 15 minutes; `Infinity` turns the check off. */
  readonly maxSkewMs?: number;
}

/** The parts of a request SigV4 covers. The body is passed separately because a `Request` body can be read once. */
export interface SignedRequestParts {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: Uint8Array | string;
}

/** Outcome of a signature check: who signed, or the Cognito-shaped error to answer with. */
export type SigV4Result =
  | { readonly ok: true; readonly accessKeyId: string; readonly region: string }
  | {
      readonly ok: false;
      readonly type: SigV4ErrorType;
      readonly message: string;
      readonly status: number;
    };

/** Error `__type`s a failed signature check produces. */
export type SigV4ErrorType =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

const fail = (type: SigV4ErrorType, message: string): SigV4Result => ({
  ok: false,
  type,
  message,
  status: 400,
});

/** Texts AWS answers with (COGNITO-PROTOCOL §9). */
export const SIGV4_MESSAGES = {
  missing: 'Missing Authentication Token',
  unrecognized: 'The security token included in the request is invalid.',
  mismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
} as const;

interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Splits `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; returns the missing parts' complaints on failure. */
function parseAuthorization(value: string): ParsedAuthorization | { readonly problems: string[] } {
  const rest = value.slice(ALGORITHM.length).trim();
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const problems: string[] = [];
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential) problems.push("Authorization header requires 'Credential' parameter.");
  if (!signature) problems.push("Authorization header requires 'Signature' parameter.");
  if (!signedHeaders) problems.push("Authorization header requires 'SignedHeaders' parameter.");
  if (!credential || !signature || !signedHeaders) return { problems };
  const scope = credential.split('/');
  if (scope.length !== 5) {
    return {
      problems: [
        `Credential should be scoped to a valid region. Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.at(-1) ?? ''}'.`,
      ],
    };
  }
  const [accessKeyId, date, region, service, terminator] = scope as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: signedHeaders.split(';'),
    signature,
  };
}

/**
 * `x-amz-*` headers the request carries but the signature does not cover. AWS requires every
 * one of them to be signed ("Create a signed AWS API request", IAM User Guide: the canonical
 * headers must include host and any x-amz-* headers you include in the request). Unsigned, a
 * captured request could be re-pointed — `X-Amz-Target` names the action — while its signature
 * still verified. `x-amzn-*` (e.g. `x-amzn-trace-id`, which SDKs leave unsigned) is another prefix.
 */
function unsignedAmzHeaders(headers: Headers, signed: readonly string[]): string[] {
  const covered = new Set(signed.map((name) => name.toLowerCase()));
  const out: string[] = [];
  headers.forEach((_value, name) => {
    if (name.startsWith('x-amz-') && !covered.has(name)) out.push(name);
  });
  return out.sort();
}

/** Compares two hex strings without an early exit, so timing says nothing about where they differ. */
function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return diff === 0;
}

/** `20231114T221320Z` → epoch ms, or undefined when malformed. */
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Checks a request's SigV4 `Authorization` header against the accepted credentials.
 *
 * @param parts  method, URL, headers and the exact body bytes
 * @param credentials  key pairs the emulator accepts
 * @param nowMs  current time (the engine clock), for the `X-Amz-Date` skew check
 * @example
 * const result = await checkSigV4({ method, url, headers, body }, [DEFAULT_CREDENTIALS], Date.now());
 * if (!result.ok) console.log(result.type); // e.g. 'InvalidSignatureException'
 */
export async function checkSigV4(
  parts: SignedRequestParts,
  credentials: readonly SigV4Credentials[],
  nowMs: number,
  options: SigV4Options = {},
): Promise<SigV4Result> {
  const service = options.service ?? 'cognito-idp';
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const authorization = parts.headers.get('authorization');
  if (!authorization) return fail('MissingAuthenticationTokenException', SIGV4_MESSAGES.missing);
  if (!authorization.startsWith(`${ALGORITHM} `)) {
    return fail(
      'IncompleteSignatureException',
      `Unsupported AWS 'algorithm': '${authorization.split(' ')[0] ?? ''}'`,
    );
  }
  const parsed = parseAuthorization(authorization);
  const amzDate = parts.headers.get('x-amz-date');
  if ('problems' in parsed || !amzDate) {
    const problems = 'problems' in parsed ? [...parsed.problems] : [];
    if (!amzDate)
      problems.push(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      );
    return fail('IncompleteSignatureException', problems.join(' '));
  }
  if (parsed.terminator !== 'aws4_request') {
    return fail(
      'IncompleteSignatureException',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${parsed.terminator}'.`,
    );
  }
  if (!parsed.signedHeaders.includes('host')) {
    return fail(
      'IncompleteSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  const unsigned = unsignedAmzHeaders(parts.headers, parsed.signedHeaders);
  if (unsigned.length > 0) {
    return fail(
      'IncompleteSignatureException',
      `Every x-amz-* header must be a 'SignedHeader' in the AWS Authorization; not signed: ${unsigned.join(', ')}.`,
    );
  }
  const credential = credentials.find((c) => c.accessKeyId === parsed.accessKeyId);
  const sessionToken = parts.headers.get('x-amz-security-token');
  if (!credential || (credential.sessionToken ?? null) !== sessionToken) {
    return fail('UnrecognizedClientException', SIGV4_MESSAGES.unrecognized);
  }
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) {
    return fail(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`,
    );
  }
  if (parsed.date !== amzDate.slice(0, 8)) {
    return fail(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (parsed.service !== service) {
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${service}'.`,
    );
  }
  if (Math.abs(nowMs - signedAt) > maxSkewMs) {
    const minutes = Math.round(maxSkewMs / 60000);
    // AWS words the two sides differently: an old signature has "expired", one from the future
    // is "not yet current".
    return fail(
      'InvalidSignatureException',
      signedAt < nowMs
        ? `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - maxSkewMs)} (${formatAmzDate(nowMs)} - ${minutes} min.)`
        : `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + maxSkewMs)} (${formatAmzDate(nowMs)} + ${minutes} min.)`,
    );
  }
  const scope = `${parsed.date}/${parsed.region}/${parsed.service}/aws4_request`;
  const toSign = await stringToSign(parts, parsed.signedHeaders, amzDate, scope);
  const expected = await computeSignature(
    credential.secretAccessKey,
    parsed.date,
    parsed.region,
    parsed.service,
    toSign,
  );
  if (!constantTimeEqual(expected, parsed.signature.toLowerCase())) {
    return fail('InvalidSignatureException', SIGV4_MESSAGES.mismatch);
  }
  return { ok: true, accessKeyId: credential.accessKeyId, region: parsed.region };
}

/** Parses `KEY:SECRET` (the CLI's `--credentials`); the secret may itself contain `:`. */
export function parseCredentials(value: string): SigV4Credentials {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) {
    throw new Error('Credentials must look like KEY:SECRET (for example local:local).');
  }
  return { accessKeyId: value.slice(0, colon), secretAccessKey: value.slice(colon + 1) };
}

/**
 * Verifies a request's SigV4 signature for dispatch: resolves with the signing access key id,
 * or throws the Cognito-shaped {@link ServiceError}. Reads the body from a clone, so the caller
 * can still read the original.
 *
 * @example
 * const signedBy = await verifySigV4(request, [DEFAULT_CREDENTIALS], ctx.clock.now());
 */
export async function verifySigV4(
  request: Request,
  credentials: readonly SigV4Credentials[],
  nowMs: number,
  options: SigV4Options = {},
): Promise<string> {
  const body = new Uint8Array(await request.clone().arrayBuffer());
  const result = await checkSigV4(
    { method: request.method, url: request.url, headers: request.headers, body },
    credentials,
    nowMs,
    options,
  );
  if (!result.ok) throw serviceError(result.type, result.message, result.status);
  return result.accessKeyId;
}
