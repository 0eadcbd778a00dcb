/**
 * SRP-6a as Amazon Cognito does it, for users and remembered devices, plus SECRET_HASH.
 * Native BigInt and WebCrypto only; nothing touches globals at import.
 */
export {
  createSrpEphemeral,
  srpEphemeralFrom,
  type RandomBytes,
  type SrpEphemeral,
} from './ephemeral.js';
export type { PasswordClaim } from './claim.js';
export { computePasswordClaim, poolNameOf, type PasswordClaimInput } from './user-srp.js';
export {
  computeDeviceClaim,
  generateDeviceVerifier,
  type DeviceClaimInput,
  type DeviceVerifier,
} from './device-srp.js';
export { formatCognitoTimestamp } from './timestamp.js';
export { computeSecretHash } from './secret-hash.js';
