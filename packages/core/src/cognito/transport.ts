import ky, { type KyInstance } from 'ky';
import { CognitoError, isCognitoError } from '../errors/index.js';
import { parseSuccessBody } from './guards.js';
import type { CognitoActions } from './types.js';
import { errorFromAnswer, isThrottlingName, readRequestId } from './wire-error.js';

/** How reads and refreshes are re-sent after a transient failure. */
export interface RetryPolicy {
  /** Extra attempts after the first one. Default 2. */
  limit?: number;
  /** Base of the exponential backoff in ms. Default 100. */
  baseDelay?: number;
  /** Upper bound of one backoff in ms. Default 2000. */
  maxDelay?: number;
}

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Cancels the request; a cancelled call rejects with a non-retryable `NetworkError`. */
  signal?: AbortSignal;
}

export interface TransportOptions {
  endpoint: string;
  fetch?: typeof fetch | undefined;
  /** Per-attempt timeout in ms. */
  timeout: number;
  retry?: RetryPolicy | undefined;
  /** Source of jitter in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * Request and answer type of each action of an AWS JSON 1.1 service: `{ Action: [Request, Answer] }`
 * (an interface works; `M` is checked against itself so no index signature is needed).
 */
export type WireActionShapes<M> = { [A in keyof M]: [unknown, unknown] };

/** Sends one action of `M` and returns its checked answer; `idempotent` allows re-sending. */
export type WireSend<M extends WireActionShapes<M>> = <A extends keyof M & string>(
  action: A,
  body: M[A][0],
  idempotent: boolean,
  call?: CallOptions,
) => Promise<M[A][1]>;

/** Sends one user-pool action and returns its checked answer; `idempotent` allows re-sending. */
export type Send = WireSend<CognitoActions>;

/** Options of {@link createWireTransport}: the transport's plus how answers are checked. */
export interface WireTransportOptions<M extends WireActionShapes<M>> extends TransportOptions {
  /** Parses and checks a 2xx body of `action`; throws a `ProtocolError` CognitoError otherwise. */
  parse: <A extends keyof M & string>(action: A, text: string) => M[A][1];
  /**
   * Re-send throttled requests (TooManyRequestsException, HTTP 429) even when they are not
   * idempotent: a throttled request was refused before the service acted on it. Default false
   * (the browser client never re-sends sign-in steps or writes).
   */
  resendThrottled?: boolean;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/**
 * The HTTP layer of the wire client: one ky instance, AWS JSON 1.1 framing, error mapping, and
 * jittered exponential backoff for the calls the client marks idempotent (reads and refreshes;
 * sign-in steps and writes are never re-sent, a retry could consume a code or a session twice).
 */
export function createTransport(options: TransportOptions): Send {
  return createWireTransport<CognitoActions>({ ...options, parse: parseSuccessBody });
}

/**
 * The transport of {@link createTransport} for any action set of the AWS JSON 1.1 protocol on
 * the Cognito endpoint (the admin API of `@cognito-kit/server` uses it with a signing `fetch`).
 * A `fetch` that throws a `CognitoError` (e.g. missing credentials) rejects with that error.
 */
export function createWireTransport<M extends WireActionShapes<M>>(
  options: WireTransportOptions<M>,
): WireSend<M> {
  const http: KyInstance = ky.create({
    fetch: (input, init) => forward(options.fetch ?? globalThis.fetch, input, init),
    timeout: options.timeout,
    retry: 0,
    throwHttpErrors: false,
    credentials: 'omit',
  });
  const limit = Math.max(0, options.retry?.limit ?? 2);
  const baseDelay = options.retry?.baseDelay ?? 100;
  const maxDelay = options.retry?.maxDelay ?? 2000;
  const random = options.random ?? Math.random;

  async function once<A extends keyof M & string>(
    action: A,
    body: M[A][0],
    signal: AbortSignal | undefined,
  ): Promise<M[A][1]> {
    let status: number;
    let headers: Headers;
    let text: string;
    try {
      const response = await http.post(options.endpoint, {
        body: JSON.stringify(body),
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': TARGET_PREFIX + action,
          'cache-control': 'no-store',
        },
        ...(signal ? { signal } : {}),
      });
      status = response.status;
      headers = response.headers;
      text = await response.text();
    } catch (cause) {
      if (isCognitoError(cause)) throw cause;
      throw networkError(action, cause, signal);
    }
    if (status >= 200 && status < 300) {
      try {
        return options.parse(action, text);
      } catch (error) {
        if (isCognitoError(error)) {
          throw new CognitoError({
            code: error.code,
            message: error.message,
            status,
            requestId: readRequestId(headers),
            action,
            cause: error.cause,
          });
        }
        throw error;
      }
    }
    throw errorFromAnswer(action, status, headers, parseErrorBody(text));
  }

  return async function send(action, body, idempotent, call) {
    const signal = call?.signal;
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(action, body, signal);
      } catch (error) {
        const resend = idempotent || (options.resendThrottled === true && isThrottled(error));
        if (!resend || attempt >= limit || signal?.aborted || !isTransient(error)) throw error;
        // "Full jitter": a random wait up to the exponential cap spreads retries of many clients.
        const cap = Math.min(maxDelay, baseDelay * 2 ** attempt);
        await sleep(Math.floor(random() * cap), signal);
      }
    }
  };
}

/**
 * Hands ky's request to the real fetch as a plain-string request. ky 1.9 keeps a tee'd clone
 * of every request body for retries and, once the call settles, awaits cancelling that clone;
 * when fetch fails before reading the original body (connection refused, timeout) that await
 * never settles (sindresorhus/ky#709, fixed in later ky). Reading the body here first settles
 * both branches, and gives in-process fetches (the emulator) a simple string body.
 */
async function forward(
  fetchImpl: typeof fetch,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const request = input instanceof Request ? input : new Request(input, init);
  const body = await request.text();
  return fetchImpl(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    credentials: 'omit',
  });
}

function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Error bodies from proxies and gateways are often HTML; the headers may still name it.
    return undefined;
  }
}

function networkError(
  action: string,
  cause: unknown,
  signal: AbortSignal | undefined,
): CognitoError {
  const aborted = signal?.aborted === true;
  const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
  return new CognitoError({
    code: 'NetworkError',
    message: aborted
      ? `${action} was cancelled.`
      : timedOut
        ? `${action} got no answer in time.`
        : `${action} got no answer (offline, DNS, CORS or connection failure).`,
    action,
    retryable: !aborted,
    cause,
  });
}

/** Answers saying the service refused the request for its rate (it did nothing with it). */
function isThrottled(error: unknown): boolean {
  if (!isCognitoError(error)) return false;
  if (error.code === 'TooManyRequestsException') return true;
  return (
    error.code === 'UnknownServiceException' &&
    (error.status === 429 || isThrottlingName(error.serviceType ?? ''))
  );
}

/** Failures worth re-sending an idempotent request for. */
function isTransient(error: unknown): boolean {
  if (!isCognitoError(error)) return false;
  if (error.code === 'NetworkError') return error.retryable;
  if (error.status !== undefined && error.status >= 500) return true;
  return isThrottled(error);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      reject(
        new CognitoError({
          code: 'NetworkError',
          message: 'Request was cancelled.',
          retryable: false,
        }),
      );
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
