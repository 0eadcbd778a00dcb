import { CognitoError } from '../errors/index.js';

/**
 * An SRP value the protocol forbids, or challenge data that cannot be SRP input (not hex, not
 * base64). The message names the value, never its content: SRP values are secrets.
 */
export function srpError(message: string): CognitoError {
  return new CognitoError({ code: 'SrpError', message });
}
