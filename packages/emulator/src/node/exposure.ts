/**
 * The warning printed when the emulator listens beyond this machine while anyone who read its
 * README can sign admin requests (the default `local:local` key pair).
 */
import { DEFAULT_CREDENTIALS, type SigV4Credentials } from '../engine/sigv4.js';

/** True for an address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/**
 * The warning lines for `host` and the accepted key pairs, or `undefined` when there is nothing
 * to warn about.
 */
export function exposureWarning(
  host: string,
  credentials: readonly SigV4Credentials[],
): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  const defaults = credentials.some(
    (c) =>
      c.accessKeyId === DEFAULT_CREDENTIALS.accessKeyId &&
      c.secretAccessKey === DEFAULT_CREDENTIALS.secretAccessKey,
  );
  if (!defaults) return undefined;
  return [
    '',
    '!!! WARNING: cognito-kit-emulator listens on a non-loopback address (' + host + ')',
    '!!! while the admin API accepts the public default credentials local:local.',
    '!!! Anyone who can reach this address can create, read and change users and read their',
    '!!! codes. Set --credentials KEY:SECRET, or bind --host 127.0.0.1.',
    '',
  ].join('\n');
}
