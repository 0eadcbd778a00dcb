import { CognitoError, isCognitoExceptionCode } from '../errors/index.js';

/**
 * Normalises an AWS JSON-protocol error name: cut at the first `:` or `,`, keep what follows
 * `#`, trim. `NotAuthorizedException:http://…`, `com.amazonaws.cognito#NotAuthorizedException`
 * and `ExpiredCodeException:` (a real header value) all give the bare exception name.
 */
export function sanitizeErrorName(raw: string): string {
  let name = raw;
  const cut = name.search(/[:,]/);
  if (cut >= 0) name = name.slice(0, cut);
  const hash = name.lastIndexOf('#');
  if (hash >= 0) name = name.slice(hash + 1);
  return name.trim();
}

/** The request id of an answer, under any of the header spellings AWS services use. */
export function readRequestId(headers: Headers): string | undefined {
  return (
    headers.get('x-amzn-requestid') ??
    headers.get('x-amzn-request-id') ??
    headers.get('x-amz-request-id') ??
    undefined
  );
}

/** The parsed parts of an error answer, before they become a {@link CognitoError}. */
export interface WireErrorParts {
  /** Sanitised name, or undefined when neither header nor body names the error. */
  name: string | undefined;
  message: string | undefined;
}

/**
 * Reads the error name and message the way AWS SDKs do: header `x-amzn-ErrorType` first, then
 * body `code`, then body `__type`; message from body `message`, then `Message`, then the
 * `x-amzn-ErrorMessage` header. `body` is the parsed JSON (anything, since error bodies are
 * not guaranteed to be JSON objects).
 */
export function readWireError(headers: Headers, body: unknown): WireErrorParts {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const rawName =
    headers.get('x-amzn-errortype') ??
    stringMember(record, 'code') ??
    stringMember(record, '__type') ??
    undefined;
  const name = rawName === undefined ? undefined : sanitizeErrorName(rawName) || undefined;
  const message =
    stringMember(record, 'message') ??
    stringMember(record, 'Message') ??
    headers.get('x-amzn-errormessage') ??
    undefined;
  return { name, message };
}

function stringMember(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Turns an error answer (status ≥ 300) into a {@link CognitoError}. Known Cognito names keep
 * their code; other names become `UnknownServiceException` with the raw name in `serviceType`;
 * an answer without any name (a proxy's HTML page, say) is an `UnknownServiceException` too,
 * retryable when the status says the server side failed.
 */
export function errorFromAnswer(
  action: string,
  status: number,
  headers: Headers,
  body: unknown,
): CognitoError {
  const { name, message } = readWireError(headers, body);
  const requestId = readRequestId(headers);
  if (name !== undefined && isCognitoExceptionCode(name)) {
    return new CognitoError({
      code: name,
      // An empty text says nothing; the name at least does.
      message: message || name,
      status,
      requestId,
      action,
    });
  }
  return new CognitoError({
    code: 'UnknownServiceException',
    message: message || name || `HTTP ${status} without an error name`,
    status,
    requestId,
    action,
    serviceType: name,
    retryable: status >= 500 || status === 429 || (name !== undefined && isThrottlingName(name)),
  });
}

// Names AWS front ends use for throttling besides Cognito's own TooManyRequestsException.
const THROTTLING_NAMES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

/** Whether an error name (known or not) means the caller is being throttled. */
export function isThrottlingName(name: string): boolean {
  return THROTTLING_NAMES.has(name);
}
