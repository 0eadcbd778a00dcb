/**
 * What comes after a proven first factor: NEW_PASSWORD_REQUIRED, the remembered-device
 * exchange, MFA (SMS_MFA / EMAIL_OTP / SOFTWARE_TOKEN_MFA / SELECT_MFA_TYPE / MFA_SETUP), and
 * finally the tokens (with NewDeviceMetadata when device tracking is on). Every challenge step
 * funnels back through {@link continueSignIn} so the order is decided in one place.
 */
import { issueCode, maskEmail, maskPhoneNumber } from '../model/codes.js';
import { nowSeconds, type EngineContext } from '../context.js';
import { invalidSession, serviceError } from '../protocol/errors.js';
import type {
  AuthSessionState,
  DeviceState,
  MfaChallengeName,
  PoolState,
  UserState,
} from '../model/state.js';
import { nameIndex, own } from '../model/records.js';
import { missingRequiredAttributes } from '../model/required-attributes.js';
import { issueTokens, type AuthenticationResult } from '../model/tokens.js';
import { getUser } from '../model/users.js';
import { recordSuccessfulSignIn } from './lockout.js';
import { closeAuthSession, openAuthSession, type SessionSeed } from './sessions.js';

/** The answer of InitiateAuth / RespondToAuthChallenge (and their admin twins). */
export interface AuthStepOutput {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
  /** Extra members (AvailableChallenges, …) pass through untouched. */
  [member: string]: unknown;
}

/**
 * Answers the challenge of an open sign-in session, once respondToChallenge has checked the
 * session, USERNAME and SECRET_HASH: one contract for every challenge answered from its
 * responses (RespondToAuthChallenge's `ChallengeResponses`) and the caller's origin.
 */
export type SessionChallengeAnswer = (
  ctx: EngineContext,
  session: AuthSessionState,
  responses: Record<string, string>,
  origin: string,
) => Promise<AuthStepOutput>;

/** A sign-in between steps: who, through which client and flow, and what is already proven. */
export type SignInFlow = SessionSeed;

/**
 * The sign-in facts of a session (or flow) without its per-challenge data (codes, SRP values,
 * MFA options), to carry into the next step.
 */
export function flowOf(flow: SignInFlow): SignInFlow {
  return {
    poolId: flow.poolId,
    clientId: flow.clientId,
    username: flow.username,
    authFlow: flow.authFlow,
    ...(flow.deviceKey !== undefined && { deviceKey: flow.deviceKey }),
    ...(flow.mfaDone && { mfaDone: true }),
    ...(flow.deviceVerified && { deviceVerified: true }),
    ...(flow.deviceTrusted && { deviceTrusted: true }),
    ...(flow.admin && { admin: true }),
  };
}

/** Pool, client and user of a flow, or `Invalid session for the user.` when one vanished. */
export function resolveFlow(ctx: EngineContext, flow: SignInFlow) {
  const pool = own(ctx.state.pools, flow.poolId);
  const client = own(pool?.clients, flow.clientId);
  const user = pool ? getUser(pool, flow.username) : undefined;
  if (!pool || !client || !user) throw invalidSession();
  return { pool, client, user };
}

/** The device the flow presented, if the user has it. */
export function flowDevice(user: UserState, flow: SignInFlow): DeviceState | undefined {
  return flow.deviceKey !== undefined ? own(user.devices, flow.deviceKey) : undefined;
}

/** ResourceNotFoundException for a DEVICE_KEY the user does not have. */
export function deviceDoesNotExist(): Error {
  return serviceError('ResourceNotFoundException', 'Device does not exist.');
}

/** A device counts as remembered when the user (or an always-remember pool) said so. */
export function isRemembered(pool: PoolState, device: DeviceState): boolean {
  if (device.verifier === undefined) return false;
  if (device.rememberedStatus !== null) return device.rememberedStatus === 'remembered';
  return (
    pool.deviceConfiguration !== null && !pool.deviceConfiguration.deviceOnlyRememberedOnUserPrompt
  );
}

/** MFA challenges the user can answer right now, in Cognito's order. */
export function availableMfa(pool: PoolState, user: UserState): MfaChallengeName[] {
  if (pool.mfaConfiguration === 'OFF') return [];
  const out: MfaChallengeName[] = [];
  const phone = own(user.attributes, 'phone_number');
  const email = own(user.attributes, 'email');
  // In a pool where MFA is required, a phone number is enough for SMS (Cognito's legacy rule).
  if (
    pool.mfaFactors.includes('SMS') &&
    phone &&
    (user.mfa.smsEnabled || pool.mfaConfiguration === 'ON')
  ) {
    out.push('SMS_MFA');
  }
  if (pool.mfaFactors.includes('TOTP') && user.mfa.totpEnabled && user.mfa.totpSecret) {
    out.push('SOFTWARE_TOKEN_MFA');
  }
  if (pool.mfaFactors.includes('EMAIL') && user.mfa.emailEnabled && email) out.push('EMAIL_OTP');
  return out;
}

/** The answer that opens `session`'s challenge, with USERNAME = the internal username. */
export function challengeOutput(
  session: AuthSessionState,
  parameters: Record<string, string>,
): AuthStepOutput {
  return {
    ChallengeName: session.challenge,
    Session: session.id,
    ChallengeParameters: { ...parameters, USERNAME: session.username },
  };
}

/**
 * Opens a one-time-code challenge: SMS_MFA or EMAIL_OTP after a password, or SMS_OTP / EMAIL_OTP
 * as the first factor of USER_AUTH (the same challenge name and answer as e-mail MFA, see
 * COGNITO-PASSWORDLESS-OAUTH §3). Sends a fresh code to the outbox and tells the client where
 * (masked). `emailOverride` is the address being set up in MFA_SETUP (e-mail variant).
 */
export function startCodeChallenge(
  ctx: EngineContext,
  flow: SignInFlow,
  challenge: 'SMS_MFA' | 'SMS_OTP' | 'EMAIL_OTP',
  emailOverride?: string,
): AuthStepOutput {
  const { pool, client, user } = resolveFlow(ctx, flow);
  const sms = challenge !== 'EMAIL_OTP';
  const destination = sms
    ? own(user.attributes, 'phone_number')
    : (emailOverride ?? own(user.attributes, 'email'));
  if (!destination) {
    throw serviceError('MFAMethodNotFoundException', 'No destination to send the code to.');
  }
  const code = issueCode(ctx.random, ctx.clock.now(), 'mfa');
  // The code lives as long as the session that carries it.
  const session = openAuthSession(ctx, client, challenge, flow);
  session.mfaCode = { ...code, expiresAt: session.expiresAt };
  ctx.outbox.send({
    poolId: pool.id,
    username: user.username,
    medium: sms ? 'SMS' : 'EMAIL',
    destination,
    purpose: challenge,
    code: code.code,
    ...(sms ? {} : { subject: 'Your sign-in code' }),
    message: `Your authentication code is ${code.code}.`,
  });
  return challengeOutput(session, {
    CODE_DELIVERY_DELIVERY_MEDIUM: sms ? 'SMS' : 'EMAIL',
    CODE_DELIVERY_DESTINATION: sms ? maskPhoneNumber(destination) : maskEmail(destination),
  });
}

/** Opens the MFA challenge the user must answer, or returns undefined when none applies. */
function startMfa(ctx: EngineContext, flow: SignInFlow): AuthStepOutput | undefined {
  const { pool, client, user } = resolveFlow(ctx, flow);
  if (flow.mfaDone || flow.deviceTrusted || pool.mfaConfiguration === 'OFF') return undefined;
  const options = availableMfa(pool, user);
  if (options.length === 0) {
    if (pool.mfaConfiguration !== 'ON') return undefined;
    const setup: MfaChallengeName[] = [];
    if (pool.mfaFactors.includes('TOTP')) setup.push('SOFTWARE_TOKEN_MFA');
    if (pool.mfaFactors.includes('EMAIL')) setup.push('EMAIL_OTP');
    if (setup.length === 0) {
      throw serviceError('MFAMethodNotFoundException', 'No MFA method is available for the user.');
    }
    const session = openAuthSession(ctx, client, 'MFA_SETUP', { ...flow, mfaOptions: setup });
    return challengeOutput(session, { MFAS_CAN_SETUP: JSON.stringify(setup) });
  }
  const preferred = user.mfa.preferred;
  const chosen =
    preferred && options.includes(preferred)
      ? preferred
      : options.length === 1
        ? options[0]
        : undefined;
  if (chosen === undefined) {
    const session = openAuthSession(ctx, client, 'SELECT_MFA_TYPE', {
      ...flow,
      mfaOptions: options,
    });
    return challengeOutput(session, { MFAS_CAN_CHOOSE: JSON.stringify(options) });
  }
  return startMfaChallenge(ctx, flow, chosen);
}

/** Opens the challenge for one chosen MFA factor. */
export function startMfaChallenge(
  ctx: EngineContext,
  flow: SignInFlow,
  challenge: MfaChallengeName,
): AuthStepOutput {
  switch (challenge) {
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      return startCodeChallenge(ctx, flow, challenge);
    case 'SOFTWARE_TOKEN_MFA': {
      const { client } = resolveFlow(ctx, flow);
      return challengeOutput(openAuthSession(ctx, client, 'SOFTWARE_TOKEN_MFA', flow), {});
    }
    default:
      return challenge satisfies never;
  }
}

/** The next step of a sign-in whose first factor (and any earlier challenge) is proven. */
export async function continueSignIn(
  ctx: EngineContext,
  flow: SignInFlow,
  origin: string,
  previous?: AuthSessionState,
): Promise<AuthStepOutput> {
  if (previous) closeAuthSession(ctx, previous);
  const { pool, client, user } = resolveFlow(ctx, flow);
  const next = flowOf(flow);

  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const session = openAuthSession(ctx, client, 'NEW_PASSWORD_REQUIRED', next);
    const { sub: _sub, ...visible } = user.attributes;
    return challengeOutput(session, {
      userAttributes: JSON.stringify(visible),
      // Required attributes the user still lacks, named as the answer must carry them.
      requiredAttributes: JSON.stringify(
        missingRequiredAttributes(pool, user.attributes).map((name) => `userAttributes.${name}`),
      ),
      USER_ID_FOR_SRP: user.username,
    });
  }

  // Order that both reference clients can follow: a remembered device proves itself first
  // and skips MFA; a known but not remembered device proves itself after MFA.
  const device = flowDevice(user, next);
  const deviceUsable = !next.admin && device?.verifier !== undefined && !next.deviceVerified;
  // amazon-cognito-identity-js answers a DEVICE_SRP_AUTH that follows MFA with the MFA step's
  // Session, so that step's string carries over to the device challenge.
  const deviceChallenge = (): AuthStepOutput =>
    challengeOutput(openAuthSession(ctx, client, 'DEVICE_SRP_AUTH', next, previous?.id), {});
  if (deviceUsable && isRemembered(pool, device)) return deviceChallenge();

  const mfa = startMfa(ctx, next);
  if (mfa) return mfa;
  if (deviceUsable) return deviceChallenge();

  return { ChallengeParameters: {}, AuthenticationResult: await completeSignIn(ctx, next, origin) };
}

/** Issues the tokens that end a sign-in, registering a new device when tracking is on. */
async function completeSignIn(
  ctx: EngineContext,
  flow: SignInFlow,
  origin: string,
): Promise<AuthenticationResult> {
  const { pool, client, user } = resolveFlow(ctx, flow);
  const now = ctx.clock.now();
  let deviceKey: string | undefined;
  let newDevice: DeviceState | undefined;
  const known = flowDevice(user, flow);
  if (flow.deviceVerified && known) {
    known.lastAuthenticatedAt = now;
    deviceKey = known.deviceKey;
  } else if (pool.deviceConfiguration && !flow.admin) {
    newDevice = {
      deviceKey: `${pool.region}_${ctx.uuid()}`,
      deviceGroupKey: user.deviceGroupKey,
      rememberedStatus: null,
      attributes: nameIndex(),
      createdAt: now,
      lastModifiedAt: now,
      lastAuthenticatedAt: now,
    };
    user.devices[newDevice.deviceKey] = newDevice;
    deviceKey = newDevice.deviceKey;
  }
  recordSuccessfulSignIn(user);
  const result = await issueTokens(ctx, {
    pool,
    client,
    user,
    origin,
    authTime: nowSeconds(ctx),
    originJti: ctx.uuid(),
    deviceKey,
    withRefreshToken: true,
  });
  if (newDevice) {
    result.NewDeviceMetadata = {
      DeviceKey: newDevice.deviceKey,
      DeviceGroupKey: newDevice.deviceGroupKey,
    };
  }
  return result;
}
