/**
 * SigV4-signed admin calls to an in-process emulator whose clock is frozen at {@link SIGNED_NOW}
 * (the signature's date must match it), signed with the default `local:local` key pair.
 */
import type { Emulator } from '../../src/index.js';
import { computeSignature, stringToSign } from '../../src/engine/sigv4.js';
import type { WireAnswer } from './wire.js';

/** The instant the signatures carry; freeze the emulator clock here (`now: SIGNED_NOW`). */
export const SIGNED_NOW = Date.UTC(2025, 0, 2, 3, 4, 5);
const AMZ_DATE = '20250102T030405Z';

/**
 * A `POST` of `body` (sent as is, valid JSON or not) to the admin action, SigV4-signed like any
 * client would sign it (the algorithm itself is tested in sigv4.test.ts), covering the
 * `signed` headers.
 *
 * @example
 * const response = await emulator.handle(await signedRequest('AdminGetUser', '{}'));
 */
export async function signedRequest(
  action: string,
  body: string,
  signed: readonly string[] = ['content-type', 'host', 'x-amz-date', 'x-amz-target'],
): Promise<Request> {
  const url = 'http://127.0.0.1:9229/';
  const headers = new Headers({
    host: '127.0.0.1:9229',
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    'x-amz-date': AMZ_DATE,
  });
  const scope = '20250102/us-east-1/cognito-idp/aws4_request';
  const toSign = await stringToSign(
    { method: 'POST', url, headers, body },
    signed,
    AMZ_DATE,
    scope,
  );
  const signature = await computeSignature('local', '20250102', 'us-east-1', 'cognito-idp', toSign);
  headers.set(
    'authorization',
    `AWS4-HMAC-SHA256 Credential=local/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
  );
  return new Request(url, { method: 'POST', headers, body });
}

/** Calls an admin action with a valid signature and reads the answer back. */
export async function signedCall(
  emulator: Emulator,
  action: string,
  input: unknown,
): Promise<WireAnswer> {
  const response = await emulator.handle(await signedRequest(action, JSON.stringify(input)));
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  return {
    status: response.status,
    headers: response.headers,
    body: parsed,
    type: typeof parsed['__type'] === 'string' ? parsed['__type'] : undefined,
    message: parsed['message'] as string | undefined,
  };
}
