/**
 * The remembered-device exchange (COGNITO-PROTOCOL §4): DEVICE_SRP_AUTH carries the client's A
 * for the device, the server answers DEVICE_PASSWORD_VERIFIER with the device's salt, B and a
 * SECRET_BLOCK, and the claim is checked against the verifier ConfirmDevice stored — user SRP
 * with DeviceGroupKey as realm, DeviceKey as identity and the device password as secret.
 */
import { bytesToBase64, type EngineContext } from '../context.js';
import { incorrectCredentials, serviceError } from '../protocol/errors.js';
import { own } from '../model/records.js';
import {
  N,
  claimTimestampTolerance,
  parseHex,
  serverEphemeral,
  timestampWithinTolerance,
  verifyPasswordClaim,
} from '../crypto/srp.js';
import type { AuthSessionState } from '../model/state.js';
import {
  continueSignIn,
  deviceDoesNotExist,
  flowOf,
  isRemembered,
  resolveFlow,
  type AuthStepOutput,
  type SessionChallengeAnswer,
} from './flow.js';
import { requireParam } from './password.js';
import { reissueAuthSession } from './sessions.js';

/** DEVICE_SRP_AUTH: takes SRP_A for the device and answers DEVICE_PASSWORD_VERIFIER. */
export async function answerDeviceSrpAuth(
  ctx: EngineContext,
  session: AuthSessionState,
  responses: Record<string, string>,
): Promise<AuthStepOutput> {
  const { user } = resolveFlow(ctx, session);
  const deviceKey = requireParam(responses, 'DEVICE_KEY');
  const srpA = requireParam(responses, 'SRP_A');
  const device = own(user.devices, deviceKey);
  const verifier = device?.verifier !== undefined ? parseHex(device.verifier) : null;
  const salt = device?.salt !== undefined ? parseHex(device.salt) : null;
  if (!device || verifier === null || salt === null) throw deviceDoesNotExist();
  const A = parseHex(srpA);
  if (A === null || A % N === 0n) {
    throw serviceError('InvalidParameterException', 'Invalid SRP_A value.');
  }
  const { b, B } = await serverEphemeral(ctx.modExp, verifier, ctx.random);
  const secretBlock = bytesToBase64(ctx.random(256));
  const next = reissueAuthSession(ctx, session, 'DEVICE_PASSWORD_VERIFIER');
  next.deviceKey = deviceKey;
  next.srp = { A: A.toString(16), b: b.toString(16), B: B.toString(16), secretBlock };
  return {
    ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
    Session: next.id,
    ChallengeParameters: {
      SALT: salt.toString(16),
      SRP_B: B.toString(16),
      SECRET_BLOCK: secretBlock,
      USERNAME: user.username,
    },
  };
}

function sameBlock(stored: string, sent: string): boolean {
  const standard = sent.replace(/-/g, '+').replace(/_/g, '/');
  return stored === standard + '='.repeat((4 - (standard.length % 4)) % 4);
}

/** DEVICE_PASSWORD_VERIFIER: checks the device claim; a remembered device then skips MFA. */
export const answerDevicePasswordVerifier: SessionChallengeAnswer = async (
  ctx,
  session,
  responses,
  origin,
) => {
  const { pool, user } = resolveFlow(ctx, session);
  const block = requireParam(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = requireParam(responses, 'TIMESTAMP');
  const signature = requireParam(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const deviceKey = requireParam(responses, 'DEVICE_KEY');
  const device = own(user.devices, deviceKey);
  const srp = session.srp;
  if (!device || device.verifier === undefined || deviceKey !== session.deviceKey) {
    throw deviceDoesNotExist();
  }
  if (!srp || !sameBlock(srp.secretBlock, block)) throw incorrectCredentials();
  const ok = await verifyPasswordClaim(ctx.modExp, {
    A: BigInt(`0x${srp.A}`),
    b: BigInt(`0x${srp.b}`),
    B: BigInt(`0x${srp.B}`),
    v: BigInt(`0x${device.verifier}`),
    realm: device.deviceGroupKey,
    identity: device.deviceKey,
    secretBlock: srp.secretBlock,
    timestamp,
    signature,
  });
  const timely = timestampWithinTolerance(
    timestamp,
    ctx.clock.now(),
    claimTimestampTolerance(pool),
  );
  if (!ok || !timely) throw incorrectCredentials();
  const flow = {
    ...flowOf(session),
    deviceKey,
    deviceVerified: true,
    ...(isRemembered(pool, device) && { deviceTrusted: true }),
  };
  return continueSignIn(ctx, flow, origin, session);
};
