/**
 * The HTTP face of the engine: a `(Request) => Promise<Response>` that speaks Cognito's JSON 1.1
 * protocol (`POST /` + `X-Amz-Target`), shapes errors as Cognito does, answers CORS preflights
 * and serves the JWKS, OpenID configuration and the dev-only outbox route.
 *
 * Requests are handled one at a time: handlers await WebCrypto between reading and writing the
 * state, and serialising them keeps every action atomic, like one Cognito request.
 */
import type { ActionMap, RequestMeta } from './action.js';
import type { EngineContext } from '../context.js';
import { ServiceError, internalError, poolNotFound, serializationError } from './errors.js';
import {
  DroppedConnectionError,
  JWKS_FAULT_ACTION,
  faultAnswer,
  parseFaultRule,
  type Fault,
  type FaultInjector,
} from './faults.js';
import { createOriginPolicy, isForeignBrowserRequest, type OriginPolicy } from './origin-policy.js';
import { sweepIfDue } from '../model/expiry.js';
import { issuerOf, poolJwks } from '../model/tokens.js';
import { findPool } from '../model/users.js';
import { discoveryEndpoints, handleOAuth } from '../oauth/routes.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_TYPE = 'application/x-amz-json-1.1';

const CORS_ALLOW_HEADERS = [
  'content-type',
  'x-amz-target',
  'x-amz-user-agent',
  'cache-control',
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'amz-sdk-retry',
].join(', ');
const CORS_EXPOSE_HEADERS = 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date';

/** Options of {@link createDispatcher}. */
export interface DispatcherOptions {
  /** Every action the engine answers, by name. */
  actions: ActionMap;
  /** Names of actions that need a SigV4 signature (the admin actions). */
  adminActions: ReadonlySet<string>;
  /**
   * Verifies the SigV4 signature of an admin request and returns the access key id, or throws a
   * ServiceError (MissingAuthenticationTokenException, …). Without it admin actions are refused.
   */
  authorizeAdmin?: (request: Request, now: number) => Promise<string>;
  /** Called with unexpected exceptions (bugs) before answering 500. Default: console.error. */
  onInternalError?: (error: unknown) => void;
  /** Browser origins that get CORS answers (default: loopback only, see origin-policy.ts). */
  origins?: OriginPolicy;
  /** Injected faults, consumed before a request reaches the engine. */
  faults?: FaultInjector;
}

/** Handles one HTTP request. */
export type RequestHandler = (request: Request) => Promise<Response>;

/** Headers of every answer; CORS ones only for an origin the policy allows. */
function baseHeaders(requestId: string, request: Request, origins: OriginPolicy): Headers {
  const headers = new Headers({
    'x-amzn-RequestId': requestId,
    Date: new Date().toUTCString(),
    Vary: 'Origin',
  });
  const origin = request.headers.get('origin');
  if (origin !== null && origins.allows(origin)) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
  }
  return headers;
}

/**
 * Whether a request is in the AWS JSON protocol: `application/x-amz-json-1.1` (Cognito's) or
 * `1.0`, any case, parameters such as `charset` allowed. AWS JSON services pick the operation
 * from the content type and `X-Amz-Target` together, and answer UnknownOperationException to a
 * body they cannot route (reported for Kinesis with `application/octet-stream`:
 * disneystreaming/smithy4s#167). That Cognito answers the same is unverified; the emulator treats
 * a missing or other content type exactly like an unknown `X-Amz-Target`.
 */
function isJsonProtocol(contentType: string | null): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return mediaType === JSON_TYPE || mediaType === 'application/x-amz-json-1.0';
}

/** Refusal of a cross-site browser request to a dev route or the admin API. */
function crossSiteRefused(): ServiceError {
  return new ServiceError(
    'AccessDeniedException',
    'Cross-site browser requests to the emulator admin API and dev routes are refused; ' +
      'add the page origin with --cors-origin if it is yours.',
    403,
  );
}

/** The name a fault rule matches a request by: its action, or JWKS for the key-set route. */
function faultActionOf(request: Request): string | undefined {
  if (request.method === 'POST') {
    const target = request.headers.get('x-amz-target') ?? '';
    return target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  }
  if (
    request.method === 'GET' &&
    /^\/[^/]+\/\.well-known\/jwks\.json$/.test(new URL(request.url).pathname)
  )
    return JWKS_FAULT_ACTION;
  return undefined;
}

/** Header values must be ISO-8859-1 without line breaks; messages may echo user input. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}

function jsonResponse(
  status: number,
  body: unknown,
  headers: Headers,
  contentType = JSON_TYPE,
): Response {
  headers.set('Content-Type', contentType);
  return new Response(JSON.stringify(body), { status, headers });
}

function errorResponse(error: ServiceError, headers: Headers): Response {
  headers.set('x-amzn-ErrorType', error.type);
  headers.set('x-amzn-ErrorMessage', headerSafe(error.message));
  return jsonResponse(
    error.status,
    { __type: error.type, [error.messageKey]: error.message },
    headers,
  );
}

async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw serializationError('Request body is too large.');
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw serializationError('Request body is too large.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw serializationError('Request body is not valid UTF-8.');
  }
}

function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw serializationError('Unable to parse request body as JSON.');
  }
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw serializationError('Expected map or null');
  }
  return value as Record<string, unknown>;
}

/**
 * Builds the engine's request handler over `ctx`.
 *
 * @example
 * const handle = createDispatcher(ctx, { actions: allActions, adminActions: new Set() });
 * const response = await handle(new Request('http://localhost/', { method: 'POST', … }));
 */
export function createDispatcher(ctx: EngineContext, options: DispatcherOptions): RequestHandler {
  const onInternalError = options.onInternalError ?? ((e: unknown) => console.error(e));
  const origins = options.origins ?? createOriginPolicy();
  const faults = options.faults;

  /** `/_emulator/*`: the outbox and the fault controls; same-site browser requests only. */
  async function handleDev(request: Request, url: URL, headers: Headers): Promise<Response> {
    if (isForeignBrowserRequest(request, origins)) throw crossSiteRefused();
    const route = url.pathname.split('/').filter(Boolean).slice(1).join('/');
    if (route === 'outbox' && request.method === 'GET') {
      const poolId = url.searchParams.get('poolId');
      const username = url.searchParams.get('username');
      const messages = ctx.state.outbox.filter(
        (m) => (!poolId || m.poolId === poolId) && (!username || m.username === username),
      );
      return jsonResponse(200, { messages }, headers, 'application/json');
    }
    if (route === 'faults' && faults) {
      if (request.method === 'GET')
        return jsonResponse(200, { faults: faults.list() }, headers, 'application/json');
      if (request.method === 'DELETE') {
        faults.clear();
        return new Response(null, { status: 204, headers });
      }
      if (request.method === 'POST') {
        let rule;
        try {
          rule = parseFaultRule(parseBody(await readBody(request, ctx.behaviour.maxBodyBytes)));
        } catch (error) {
          if (error instanceof ServiceError) throw error;
          throw new ServiceError('InvalidParameterException', (error as Error).message);
        }
        return jsonResponse(200, { id: faults.inject(rule) }, headers, 'application/json');
      }
    }
    return jsonResponse(404, { message: 'Not Found' }, headers, 'application/json');
  }

  async function handleGet(url: URL, headers: Headers): Promise<Response> {
    const parts = url.pathname.split('/').filter(Boolean);
    const [poolId, wellKnown, document] = parts;
    const poolDocument =
      parts.length === 3 &&
      wellKnown === '.well-known' &&
      (document === 'jwks.json' || document === 'openid-configuration');
    if (poolId !== undefined && poolDocument) {
      // Any path segment may name a pool, so the lookup must see own records only: an
      // inherited `__proto__` "pool" would get its signing keys written onto Object.prototype.
      const pool = findPool(ctx, poolId);
      // A missing document is a 404 (Cognito's text for an unknown pool; that its JWKS route
      // answers with it is unverified).
      if (!pool) throw poolNotFound(poolId, 404);
      if (document === 'jwks.json') {
        return jsonResponse(200, await poolJwks(ctx, pool), headers, 'application/json');
      }
      const issuer = issuerOf(ctx, pool, url.origin);
      return jsonResponse(
        200,
        {
          issuer,
          // The OAuth 2.0 endpoints exist once the pool has a domain (served on this host).
          ...(pool.domain !== undefined && discoveryEndpoints(url.origin)),
          jwks_uri: `${issuer}/.well-known/jwks.json`,
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'token'],
          scopes_supported: ['openid', 'email', 'phone', 'profile'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        },
        headers,
        'application/json',
      );
    }
    return jsonResponse(404, { message: 'Not Found' }, headers, 'application/json');
  }

  async function handlePost(request: Request, url: URL, requestId: string, headers: Headers) {
    const target = request.headers.get('x-amz-target') ?? '';
    const action = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const handler = Object.hasOwn(options.actions, action) ? options.actions[action] : undefined;
    if (!isJsonProtocol(request.headers.get('content-type')) || url.pathname !== '/' || !handler) {
      throw new ServiceError('UnknownOperationException', '', 400, 'Message');
    }
    let signedBy: string | undefined;
    if (options.adminActions.has(action)) {
      if (isForeignBrowserRequest(request, origins)) throw crossSiteRefused();
      if (!options.authorizeAdmin) {
        throw new ServiceError(
          'MissingAuthenticationTokenException',
          'Missing Authentication Token',
        );
      }
      signedBy = await options.authorizeAdmin(request.clone(), ctx.clock.now());
    }
    const input = parseBody(await readBody(request, ctx.behaviour.maxBodyBytes));
    sweepIfDue(ctx);
    const meta: RequestMeta = {
      headers: request.headers,
      origin: url.origin,
      requestId,
      ...(signedBy !== undefined && { signedBy }),
    };
    const output = await handler(ctx, input, meta);
    return jsonResponse(200, output, headers);
  }

  async function handleOne(request: Request): Promise<Response> {
    const requestId = ctx.uuid();
    const headers = baseHeaders(requestId, request, origins);
    try {
      if (request.method === 'OPTIONS') {
        // A preflight from a page the policy does not allow is refused, so the browser never
        // sends the request itself.
        if (isForeignBrowserRequest(request, origins))
          return new Response(null, { status: 403, headers });
        headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
        headers.set('Access-Control-Max-Age', '600');
        return new Response(null, { status: 204, headers });
      }
      const url = new URL(request.url);
      if (url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/'))
        return await handleDev(request, url, headers);
      const oauth = await handleOAuth(ctx, request, url, headers, requestId);
      if (oauth) return oauth;
      if (request.method === 'GET') return await handleGet(url, headers);
      if (request.method !== 'POST') {
        throw new ServiceError('UnknownOperationException', '', 400, 'Message');
      }
      return await handlePost(request, url, requestId, headers);
    } catch (error) {
      if (error instanceof ServiceError) return errorResponse(error, headers);
      onInternalError(error);
      return errorResponse(internalError(), headers);
    }
  }

  /** The answer of an injected error or status fault (never reaches the engine). */
  function answerFault(request: Request, fault: Extract<Fault, { type: 'error' | 'status' }>) {
    const headers = baseHeaders(ctx.uuid(), request, origins);
    const answer = faultAnswer(fault);
    if (answer instanceof ServiceError) return errorResponse(answer, headers);
    headers.set('Content-Type', 'text/plain');
    return new Response(`Injected HTTP ${answer}`, { status: answer, headers });
  }

  return async (request) => {
    const action = faults ? faultActionOf(request) : undefined;
    const fault = action === undefined ? undefined : faults?.take(action);
    if (fault?.type === 'drop') throw new DroppedConnectionError();
    if (fault?.type === 'error' || fault?.type === 'status') return answerFault(request, fault);
    if (fault?.type === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    // One request at a time with the state (see EngineLock for the pure work done outside it).
    return ctx.lock.run(() => handleOne(request));
  };
}
