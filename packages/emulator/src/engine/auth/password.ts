/**
 * The first factor: USER_SRP_AUTH (InitiateAuth → PASSWORD_VERIFIER → claim check) and the
 * plain-password flows (USER_PASSWORD_AUTH, and ADMIN_USER_PASSWORD_AUTH for the admin twin),
 * with PreventUserExistenceErrors, SECRET_HASH, user-status checks and the lockout.
 */
import { bytesToBase64, type EngineContext } from '../context.js';
import { incorrectCredentials, serviceError, userNotFound } from '../protocol/errors.js';
import { own } from '../model/records.js';
import {
  N,
  bytesToHex,
  claimTimestampTolerance,
  computeVerifier,
  constantTimeEqual,
  parseHex,
  poolRealm,
  serverEphemeral,
  timestampWithinTolerance,
  verifyPasswordClaim,
} from '../crypto/srp.js';
import type { ClientState, PoolState, SrpChallengeState, UserState } from '../model/state.js';
import { findUserByLogin, getUser } from '../model/users.js';
import {
  continueSignIn,
  deviceDoesNotExist,
  type AuthStepOutput,
  type SignInFlow,
} from './flow.js';
import { startCustomChallenge } from './custom-challenge.js';
import { assertNotLockedOut, recordFailedSignIn } from './lockout.js';
import { checkSecretHash } from './secret-hash.js';

/** Where a first-factor request comes from. */
export interface FirstFactorInput {
  pool: PoolState;
  client: ClientState;
  authFlow: string;
  /** AuthParameters as sent. */
  params: Record<string, string>;
  origin: string;
  /** Admin flows (AdminInitiateAuth) get no device tracking. */
  admin?: boolean;
}

/** InvalidParameterException `Missing required parameter NAME`, as Cognito words it. */
export function missingParameter(name: string): Error {
  return serviceError('InvalidParameterException', `Missing required parameter ${name}`);
}

/** Reads a required AuthParameters / ChallengeResponses entry. */
export function requireParam(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

/**
 * Refuses users who may not sign in at all: disabled, or who must reset their password (with
 * PreventUserExistenceErrors that looks like a wrong password).
 */
export function assertMaySignIn(client: ClientState, user: UserState): void {
  if (!user.enabled) throw serviceError('NotAuthorizedException', 'User is disabled.');
  if (user.status === 'RESET_REQUIRED') {
    if (client.preventUserExistenceErrors === 'ENABLED') throw incorrectCredentials();
    throw serviceError('PasswordResetRequiredException', 'Password reset required for the user');
  }
}

/**
 * The user a USER_PASSWORD_AUTH or CUSTOM_AUTH request names, once its SECRET_HASH checks out.
 * An unknown login is UserNotFoundException, or a wrong password with PreventUserExistenceErrors;
 * a user who may not sign in is refused ({@link assertMaySignIn}).
 *
 * @example
 * const user = await requireSigningInUser(pool, client, login, params['SECRET_HASH']);
 */
export async function requireSigningInUser(
  pool: PoolState,
  client: ClientState,
  login: string,
  secretHash: string | undefined,
): Promise<UserState> {
  await checkSecretHash(client, secretHash, [login]);
  const user = findUserByLogin(pool, login);
  if (!user) {
    if (client.preventUserExistenceErrors === 'ENABLED') throw incorrectCredentials();
    throw userNotFound();
  }
  assertMaySignIn(client, user);
  return user;
}

/** Checks that only apply once the password proved right. */
function assertPasswordUsable(ctx: EngineContext, pool: PoolState, user: UserState): void {
  if (user.status === 'UNCONFIRMED') {
    throw serviceError('UserNotConfirmedException', 'User is not confirmed.');
  }
  const days = pool.passwordPolicy.temporaryPasswordValidityDays;
  if (
    user.status === 'FORCE_CHANGE_PASSWORD' &&
    days > 0 &&
    ctx.clock.now() > user.passwordSetAt + days * 86_400_000
  ) {
    throw serviceError(
      'NotAuthorizedException',
      'Temporary password has expired and must be reset by an administrator.',
    );
  }
}

function checkDeviceKey(user: UserState, deviceKey: string | undefined): void {
  if (deviceKey !== undefined && !own(user.devices, deviceKey)) throw deviceDoesNotExist();
}

async function sha256(text: string): Promise<Uint8Array> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return new Uint8Array(digest);
}

/**
 * A stand-in user for PreventUserExistenceErrors: the same salt and a UUID-like
 * USER_ID_FOR_SRP for the same pool and username every time, so probing cannot tell.
 */
export async function simulatedIdentity(pool: PoolState, login: string) {
  const seed = `${pool.id}\u0000${login.toLowerCase()}`;
  const salt = bytesToHex((await sha256(`salt:${seed}`)).slice(0, 16));
  const id = bytesToHex((await sha256(`id:${seed}`)).slice(0, 16));
  const userId = `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${id.slice(17, 20)}-${id.slice(20, 32)}`;
  return { salt, userId };
}

function newSecretBlock(ctx: EngineContext): string {
  // Real blocks are long opaque blobs starting `AgV4` (bytes 02 05 78); keep that look.
  const bytes = new Uint8Array(512);
  bytes.set([0x02, 0x05, 0x78]);
  bytes.set(ctx.random(509), 3);
  return bytesToBase64(bytes);
}

/** Normalises a SECRET_BLOCK echoed in URL-safe base64 back to the stored form. */
function normaliseBlock(block: string): string {
  const standard = block.replace(/-/g, '+').replace(/_/g, '/');
  return standard + '='.repeat((4 - (standard.length % 4)) % 4);
}

/**
 * USER_SRP_AUTH, step 1: answers PASSWORD_VERIFIER with SALT, SRP_B, SECRET_BLOCK and the
 * internal username (no Session). Unknown users get a simulated challenge when the client has
 * PreventUserExistenceErrors enabled.
 */
export async function startSrpAuth(
  ctx: EngineContext,
  input: FirstFactorInput,
): Promise<AuthStepOutput> {
  const { pool, client, params } = input;
  const login = requireParam(params, 'USERNAME');
  const srpA = requireParam(params, 'SRP_A');
  await checkSecretHash(client, params['SECRET_HASH'], [login]);
  const A = parseHex(srpA);
  if (A === null || A % N === 0n) {
    throw serviceError('InvalidParameterException', 'Invalid SRP_A value.');
  }
  const user = findUserByLogin(pool, login);
  const expiresAt = ctx.clock.now() + client.authSessionValiditySeconds * 1000;
  const base = {
    poolId: pool.id,
    clientId: client.clientId,
    authFlow: input.authFlow,
    A: A.toString(16),
    expiresAt,
    ...(input.admin && { admin: true }),
  };

  let challenge: SrpChallengeState;
  if (!user) {
    if (client.preventUserExistenceErrors !== 'ENABLED') throw userNotFound();
    const fake = await simulatedIdentity(pool, login);
    const v = BigInt(`0x${bytesToHex(ctx.random(384))}`) % N;
    const { b, B } = await ctx.lock.unlocked(() => serverEphemeral(ctx.modExp, v, ctx.random));
    challenge = {
      ...base,
      secretBlock: newSecretBlock(ctx),
      username: fake.userId,
      b: b.toString(16),
      B: B.toString(16),
      salt: fake.salt,
      simulated: true,
    };
  } else {
    assertMaySignIn(client, user);
    if (user.status === 'UNCONFIRMED' && ctx.behaviour.userNotConfirmedAt === 'initiate') {
      throw serviceError('UserNotConfirmedException', 'User is not confirmed.');
    }
    // An unknown DEVICE_KEY is only reported at PASSWORD_VERIFIER, where clients retry
    // without it (amazon-cognito-identity-js sends it in both places).
    const presented = params['DEVICE_KEY'];
    const deviceKey =
      presented !== undefined && own(user.devices, presented) ? presented : undefined;
    const salt = parseHex(user.srpSalt) ?? 0n;
    const { username, password } = user;
    // Pure number work, outside the engine lock. If the user changes meanwhile, the answer is
    // checked against the user as they are then (answerPasswordVerifier), so nothing is re-read.
    const { b, B } = await ctx.lock.unlocked(async () => {
      // A user without a password (never set) gets a random verifier nobody can match.
      const v =
        password === null
          ? BigInt(`0x${bytesToHex(ctx.random(384))}`) % N
          : await computeVerifier(ctx.modExp, salt, poolRealm(pool.id), username, password);
      return serverEphemeral(ctx.modExp, v, ctx.random);
    });
    challenge = {
      ...base,
      secretBlock: newSecretBlock(ctx),
      username: user.username,
      b: b.toString(16),
      B: B.toString(16),
      salt: user.srpSalt,
      simulated: false,
      ...(deviceKey !== undefined && { deviceKey }),
    };
  }
  ctx.state.srpChallenges[challenge.secretBlock] = challenge;
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: challenge.salt,
      SRP_B: challenge.B,
      SECRET_BLOCK: challenge.secretBlock,
      USERNAME: challenge.username,
      USER_ID_FOR_SRP: challenge.username,
    },
  };
}

/**
 * USER_SRP_AUTH, step 2: checks PASSWORD_CLAIM_SIGNATURE against the pending exchange named by
 * PASSWORD_CLAIM_SECRET_BLOCK. Every failure reads `Incorrect username or password.` and counts
 * towards the lockout.
 */
export async function answerPasswordVerifier(
  ctx: EngineContext,
  client: ClientState,
  responses: Record<string, string>,
  origin: string,
): Promise<AuthStepOutput> {
  const block = requireParam(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = requireParam(responses, 'TIMESTAMP');
  const signature = requireParam(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const key = normaliseBlock(block);
  const challenge = own(ctx.state.srpChallenges, key);
  if (!challenge || challenge.clientId !== client.clientId) throw incorrectCredentials();
  // Spent by any answer except the unknown-device one below, which clients retry.
  const spend = () => {
    delete ctx.state.srpChallenges[key];
  };
  if (challenge.expiresAt <= ctx.clock.now()) {
    spend();
    throw incorrectCredentials();
  }
  const typed = responses['USERNAME'];
  await checkSecretHash(client, responses['SECRET_HASH'], [
    challenge.username,
    ...(typed !== undefined ? [typed] : []),
  ]);
  const pool = own(ctx.state.pools, challenge.poolId);
  const user = pool && !challenge.simulated ? getUser(pool, challenge.username) : undefined;
  if (!pool || !user || user.password === null) {
    spend();
    throw incorrectCredentials();
  }
  assertNotLockedOut(ctx, user);
  const salt = parseHex(challenge.salt) ?? 0n;
  const { password } = user;
  const realm = poolRealm(pool.id);
  // The claim check is pure number work: done outside the engine lock (see EngineLock).
  const ok = await ctx.lock.unlocked(async () =>
    verifyPasswordClaim(ctx.modExp, {
      A: BigInt(`0x${challenge.A}`),
      b: BigInt(`0x${challenge.b}`),
      B: BigInt(`0x${challenge.B}`),
      v: await computeVerifier(ctx.modExp, salt, realm, challenge.username, password),
      realm,
      identity: challenge.username,
      secretBlock: key,
      timestamp,
      signature,
    }),
  );
  // Back under the lock: another answer with the same SECRET_BLOCK may have spent it meanwhile
  // (it must work once only), or the user may have gone or changed their password.
  if (
    ctx.state.srpChallenges[key] !== challenge ||
    getUser(pool, challenge.username) !== user ||
    user.password !== password
  ) {
    throw incorrectCredentials();
  }
  // A claim signed too far from the emulator's clock fails like a wrong signature.
  const timely = timestampWithinTolerance(
    timestamp,
    ctx.clock.now(),
    claimTimestampTolerance(pool),
  );
  if (!ok || !timely) {
    spend();
    throw recordFailedSignIn(ctx, user);
  }
  checkDeviceKey(user, responses['DEVICE_KEY']);
  spend();
  assertMaySignIn(client, user);
  assertPasswordUsable(ctx, pool, user);
  const deviceKey = responses['DEVICE_KEY'] ?? challenge.deviceKey;
  const flow: SignInFlow = {
    poolId: pool.id,
    clientId: client.clientId,
    username: user.username,
    authFlow: challenge.authFlow,
    ...(deviceKey !== undefined && { deviceKey }),
    ...(challenge.admin && { admin: true }),
  };
  // CUSTOM_AUTH with srpFirst: the password was the first step, the custom challenges follow.
  if (challenge.authFlow === 'CUSTOM_AUTH') return startCustomChallenge(ctx, flow, 0);
  return continueSignIn(ctx, flow, origin);
}

/**
 * Judges a password sent in clear (USER_PASSWORD_AUTH, and PASSWORD in USER_AUTH): refused
 * unjudged during a lockout, a wrong one counts towards it, and a right one must still be
 * usable (confirmed user, temporary password not expired).
 */
export function provePassword(
  ctx: EngineContext,
  pool: PoolState,
  user: UserState,
  password: string,
): void {
  assertNotLockedOut(ctx, user);
  if (user.password === null || !constantTimeEqual(user.password, password)) {
    throw recordFailedSignIn(ctx, user);
  }
  assertPasswordUsable(ctx, pool, user);
}

/**
 * USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH: the password travels in the request and is
 * compared directly.
 */
export async function passwordAuth(
  ctx: EngineContext,
  input: FirstFactorInput,
): Promise<AuthStepOutput> {
  const { pool, client, params } = input;
  const login = requireParam(params, 'USERNAME');
  const password = requireParam(params, 'PASSWORD');
  const user = await requireSigningInUser(pool, client, login, params['SECRET_HASH']);
  provePassword(ctx, pool, user, password);
  const deviceKey = input.admin ? undefined : params['DEVICE_KEY'];
  checkDeviceKey(user, deviceKey);
  const flow: SignInFlow = {
    poolId: pool.id,
    clientId: client.clientId,
    username: user.username,
    authFlow: input.authFlow,
    ...(deviceKey !== undefined && { deviceKey }),
    ...(input.admin && { admin: true }),
  };
  return continueSignIn(ctx, flow, input.origin);
}
