/**
 * Remembered devices: the verifier sent with ConfirmDevice and the DEVICE_PASSWORD_VERIFIER
 * claim. Device SRP is user SRP with poolName → DeviceGroupKey, username → DeviceKey and
 * password → device password (COGNITO-PROTOCOL.md §4).
 */
import { bytesToBigInt } from './bigint.js';
import { bytesToBase64, paddedBytes } from './encoding.js';
import { computeClaim, type PasswordClaim } from './claim.js';
import { drawBytes, webCryptoRandom, type RandomBytes, type SrpEphemeral } from './ephemeral.js';
import { computeVerifier, computeX } from './steps.js';
import { requireText } from './user-srp.js';

/** The DEVICE_PASSWORD_VERIFIER challenge plus the stored device secrets. */
export interface DeviceClaimInput {
  deviceGroupKey: string;
  deviceKey: string;
  devicePassword: string;
  /** SALT (hex). */
  salt: string;
  /** SRP_B (hex). */
  srpB: string;
  /** SECRET_BLOCK (base64; URL-safe accepted too). */
  secretBlock: string;
  /** For TIMESTAMP; default `new Date()`. */
  now?: Date;
}

/** New remembered-device secrets and the verifier config for ConfirmDevice. */
export interface DeviceVerifier {
  /** Keep with DeviceKey and DeviceGroupKey; needed for every later device sign-in. Secret. */
  devicePassword: string;
  /** DeviceSecretVerifierConfig.PasswordVerifier: base64 of padHex(g^x mod N). */
  passwordVerifier: string;
  /** DeviceSecretVerifierConfig.Salt: base64 of padHex(salt). */
  salt: string;
}

function requireDeviceNames(deviceGroupKey: string, deviceKey: string): void {
  requireText(deviceGroupKey, 'DeviceGroupKey');
  requireText(deviceKey, 'DeviceKey');
}

const DEVICE_PASSWORD_BYTES = 40;
const DEVICE_SALT_BYTES = 16;

/**
 * Draws a device password (base64 of 40 random bytes) and a 16-byte salt, and computes the
 * verifier Cognito stores for the device. `random` is asked first for the 40 password bytes,
 * then for the 16 salt bytes.
 *
 * @example
 * const { devicePassword, passwordVerifier, salt } =
 *   await generateDeviceVerifier(meta.DeviceGroupKey, meta.DeviceKey);
 * await confirmDevice({ DeviceKey: meta.DeviceKey,
 *   DeviceSecretVerifierConfig: { PasswordVerifier: passwordVerifier, Salt: salt } });
 */
export async function generateDeviceVerifier(
  deviceGroupKey: string,
  deviceKey: string,
  random: RandomBytes = webCryptoRandom,
): Promise<DeviceVerifier> {
  requireDeviceNames(deviceGroupKey, deviceKey);
  const devicePassword = bytesToBase64(drawBytes(random, DEVICE_PASSWORD_BYTES));
  const salt = bytesToBigInt(drawBytes(random, DEVICE_SALT_BYTES));
  const x = await computeX(salt, deviceGroupKey, deviceKey, devicePassword);
  const verifier = computeVerifier(x);
  return {
    devicePassword,
    passwordVerifier: bytesToBase64(paddedBytes(verifier)),
    salt: bytesToBase64(paddedBytes(salt)),
  };
}

/**
 * PASSWORD_CLAIM_SIGNATURE and TIMESTAMP for a DEVICE_PASSWORD_VERIFIER answer. Use a fresh
 * ephemeral (its `srpA` went out in the DEVICE_SRP_AUTH answer).
 *
 * @example
 * const claim = await computeDeviceClaim(deviceEphemeral, {
 *   deviceGroupKey, deviceKey, devicePassword,
 *   salt: p.SALT, srpB: p.SRP_B, secretBlock: p.SECRET_BLOCK,
 * });
 */
export async function computeDeviceClaim(
  e: SrpEphemeral,
  input: DeviceClaimInput,
): Promise<PasswordClaim> {
  requireDeviceNames(input.deviceGroupKey, input.deviceKey);
  requireText(input.devicePassword, 'device password');
  return computeClaim(e, {
    realm: input.deviceGroupKey,
    identity: input.deviceKey,
    secret: input.devicePassword,
    salt: input.salt,
    srpB: input.srpB,
    secretBlock: input.secretBlock,
    now: input.now,
  });
}
