/**
 * SECRET_HASH = base64(HMAC-SHA256(key = client secret, message = username ‖ clientId)), required
 * from app clients that have a secret (COGNITO-PROTOCOL §6).
 */
import { bytesToBase64 } from '../context.js';
import { serviceError } from '../protocol/errors.js';
import { constantTimeEqual } from '../crypto/srp.js';
import type { ClientState } from '../model/state.js';

const encoder = new TextEncoder();

/** Computes the SECRET_HASH for `username` with the client's secret. */
export async function computeSecretHash(
  clientId: string,
  clientSecret: string,
  username: string,
): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(username + clientId));
  return bytesToBase64(new Uint8Array(mac));
}

/**
 * Checks a SECRET_HASH sent to a client with a secret against any of `usernames` (the names
 * the protocol allows at that step). Clients without a secret need none (and one sent is
 * ignored). Throws NotAuthorizedException otherwise.
 *
 * @example
 * await checkSecretHash(client, params['SECRET_HASH'], [typedUsername]);
 */
export async function checkSecretHash(
  client: ClientState,
  secretHash: string | undefined,
  usernames: readonly string[],
): Promise<void> {
  if (client.clientSecret === undefined) return;
  if (secretHash === undefined || secretHash === '') {
    throw serviceError(
      'NotAuthorizedException',
      `Client ${client.clientId} is configured for secret but secret was not received`,
    );
  }
  for (const username of new Set(usernames)) {
    const expected = await computeSecretHash(client.clientId, client.clientSecret, username);
    if (constantTimeEqual(expected, secretHash)) return;
  }
  throw serviceError(
    'NotAuthorizedException',
    `Unable to verify secret hash for client ${client.clientId}`,
  );
}

/** Checks a `ClientSecret` member (GetTokensFromRefreshToken, RevokeToken). */
export function checkClientSecret(client: ClientState, clientSecret: string | undefined): void {
  if (client.clientSecret === undefined) return;
  if (clientSecret === undefined) {
    throw serviceError(
      'NotAuthorizedException',
      `Client ${client.clientId} is configured for secret but secret was not received`,
    );
  }
  if (!constantTimeEqual(client.clientSecret, clientSecret)) {
    throw serviceError(
      'NotAuthorizedException',
      `Unable to verify secret hash for client ${client.clientId}`,
    );
  }
}
