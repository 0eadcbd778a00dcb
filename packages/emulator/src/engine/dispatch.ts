/**
 * The HTTP face of the engine: a `(Request) => Promise<Response>` that speaks Cognito's JSON 1.1
 * protocol (`POST /` + `X-Amz-Target`), shapes errors as Cognito does, answers CORS preflights
 * and serves the JWKS, OpenID configuration and the dev-only outbox route.
 *
 * Requests are handled one at a time: handlers await WebCrypto between reading and writing the
 * state, and serialising them keeps every action atomic, like one Cognito request.
 */
import type { ActionMap, RequestMeta } from './action.js';
import type { EngineContext } from './context.js';
import { ServiceError, internalError, serializationError } from './errors.js';
import { sweepIfDue } from './expiry.js';
import { issuerOf, poolJwks } from './tokens.js';

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
}

/** Handles one HTTP request. */
export type RequestHandler = (request: Request) => Promise<Response>;

function baseHeaders(requestId: string, request: Request): Headers {
  const headers = new Headers({
    'x-amzn-RequestId': requestId,
    Date: new Date().toUTCString(),
    'Access-Control-Allow-Origin': request.headers.get('origin') ?? '*',
    'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS,
    Vary: 'Origin',
  });
  return headers;
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

  async function handleGet(url: URL, headers: Headers): Promise<Response> {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === '_emulator' && parts[1] === 'outbox' && parts.length === 2) {
      const poolId = url.searchParams.get('poolId');
      const username = url.searchParams.get('username');
      const messages = ctx.state.outbox.filter(
        (m) => (!poolId || m.poolId === poolId) && (!username || m.username === username),
      );
      return jsonResponse(200, { messages }, headers, 'application/json');
    }
    const pool = parts[0] !== undefined ? ctx.state.pools[parts[0]] : undefined;
    if (pool && parts.length === 3 && parts[1] === '.well-known') {
      if (parts[2] === 'jwks.json') {
        return jsonResponse(200, await poolJwks(ctx, pool), headers, 'application/json');
      }
      if (parts[2] === 'openid-configuration') {
        const issuer = issuerOf(ctx, pool, url.origin);
        return jsonResponse(
          200,
          {
            issuer,
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
    }
    return jsonResponse(404, { message: 'Not Found' }, headers, 'application/json');
  }

  async function handlePost(request: Request, url: URL, requestId: string, headers: Headers) {
    const target = request.headers.get('x-amz-target') ?? '';
    const action = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const handler = Object.hasOwn(options.actions, action) ? options.actions[action] : undefined;
    if (url.pathname !== '/' || !handler) {
      throw new ServiceError('UnknownOperationException', '', 400, 'Message');
    }
    let signedBy: string | undefined;
    if (options.adminActions.has(action)) {
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
    const headers = baseHeaders(requestId, request);
    try {
      if (request.method === 'OPTIONS') {
        headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
        headers.set('Access-Control-Max-Age', '600');
        return new Response(null, { status: 204, headers });
      }
      const url = new URL(request.url);
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

  // One request at a time with the state (see EngineLock for the pure work done outside it).
  return (request) => ctx.lock.run(() => handleOne(request));
}
