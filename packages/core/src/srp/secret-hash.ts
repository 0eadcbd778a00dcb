import { invalidInput } from '../errors/index.js';
import { bytesToBase64, utf8 } from './encoding.js';
import { hmacSha256 } from './hash.js';

/**
 * SECRET_HASH for app clients that have a secret: base64(HMAC-SHA256(key = clientSecret,
 * message = username ‖ clientId)). Which username to pass depends on the call (the typed name
 * for InitiateAuth, the internal one for later challenge answers and refresh).
 *
 * @example
 * const hash = await computeSecretHash('alice', clientId, clientSecret);
 */
export async function computeSecretHash(
  username: string,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  if (username === '') throw invalidInput('SECRET_HASH needs a username');
  if (clientId === '') throw invalidInput('SECRET_HASH needs a client id');
  if (clientSecret === '') throw invalidInput('SECRET_HASH needs a client secret');
  const mac = await hmacSha256(utf8(clientSecret), utf8(username + clientId));
  return bytesToBase64(mac);
}
