import { CognitoError, isCognitoError, protocolError } from '../errors/index.js';
import type { Session } from '../session/session-types.js';
import type { DeviceSecrets } from '../session/token-store.js';
import {
  computeDeviceClaim,
  computePasswordClaim,
  createSrpEphemeral,
  type SrpEphemeral,
} from '../srp/index.js';
import type { ChallengeNameType } from '../cognito/types.js';
import type { AuthEffect, AuthEvent } from './events.js';
import type { AuthRunnerPorts } from './ports.js';
import type { PresentedDevice, SignedInUser } from './state.js';

/** Secrets of one sign-in attempt. Held by the runner only, dropped when the attempt ends. */
export interface AttemptSecrets {
  readonly attempt: number;
  password: string | undefined;
  /** The user's SRP ephemeral (taken from `prepareSignIn` when there is one). */
  ephemeral: SrpEphemeral | undefined;
  /** The device SRP ephemeral of DEVICE_SRP_AUTH. */
  deviceEphemeral: SrpEphemeral | undefined;
  /** Secrets of the device presented in this sign-in, once found. */
  device: DeviceSecrets | undefined;
}

/** Projects a verified session onto what the UI may see. */
export function toSignedInUser(session: Session): SignedInUser {
  return {
    username: session.username,
    userId: session.idClaims.sub,
    // A copy: the snapshot is frozen deeply and must not freeze the session manager's objects.
    claims: structuredClone(session.idClaims),
    expiresAt: session.expiresAt,
    deviceKey: session.deviceKey,
  };
}

/** Any thrown value as a CognitoError (unexpected ones become ProtocolError, kept as cause). */
export function asCognitoError(error: unknown): CognitoError {
  if (isCognitoError(error)) return error;
  return new CognitoError({
    code: 'ProtocolError',
    message: 'Unexpected failure during sign-in.',
    cause: error,
  });
}

/** Context the effect performer needs from its runner. */
export interface EffectContext {
  readonly ports: AuthRunnerPorts;
  /** The secrets of `attempt`, or undefined when that attempt is over. */
  secretsFor(attempt: number): AttemptSecrets | undefined;
}

/**
 * Performs one sign-in effect (network, SRP math, storage) and returns the event reporting its
 * result, or undefined when there is nothing to report. Failures become `STEP_FAILED`.
 * `restoreSession`, `confirmDevice`, `forgetDevice`, `linkDeviceOwner` and `signOut` are handled
 * by the runner.
 */
export async function performSignInEffect(
  ctx: EffectContext,
  effect: Exclude<
    AuthEffect,
    { type: 'restoreSession' | 'confirmDevice' | 'forgetDevice' | 'linkDeviceOwner' | 'signOut' }
  >,
): Promise<AuthEvent | undefined> {
  const { client, session, devices, userPoolId, random } = ctx.ports;
  const secrets = ctx.secretsFor(effect.attempt);
  // The attempt was abandoned: its result would be ignored anyway, so send nothing.
  if (!secrets) return undefined;
  // A device found at PASSWORD_VERIFIER: the event reports it, whether Cognito accepted it or not.
  let found: PresentedDevice | undefined;
  const reportFound = () => (found ? { device: found } : {});
  const withHash = async (responses: Record<string, string>) => {
    const name = responses['USERNAME'];
    const hash = name === undefined ? undefined : await client.secretHash(name);
    return hash === undefined ? responses : { ...responses, SECRET_HASH: hash };
  };
  const respond = async (
    challengeName: string,
    responses: Record<string, string>,
    step: {
      session?: string | undefined;
      clientMetadata?: Readonly<Record<string, string>> | undefined;
    },
  ): Promise<AuthEvent> => {
    const output = await client.respondToAuthChallenge({
      // The wire type lists known names; the machine only echoes names Cognito sent.
      ChallengeName: challengeName as ChallengeNameType,
      ChallengeResponses: await withHash(responses),
      ...(step.session ? { Session: step.session } : {}),
      ...(step.clientMetadata ? { ClientMetadata: { ...step.clientMetadata } } : {}),
    });
    return { type: 'AUTH_RESULT', attempt: effect.attempt, output, ...reportFound() };
  };

  try {
    switch (effect.type) {
      case 'initiateAuth': {
        const parameters: Record<string, string> = { USERNAME: effect.username };
        const preferred = effect.authFlow === 'USER_AUTH' ? effect.preferredChallenge : undefined;
        if (preferred) parameters['PREFERRED_CHALLENGE'] = preferred;
        const srp =
          effect.authFlow === 'USER_SRP_AUTH' ||
          preferred === 'PASSWORD_SRP' ||
          (effect.authFlow === 'CUSTOM_AUTH' && secrets.password !== undefined);
        if (srp) {
          // A retry (unknown device) needs a fresh ephemeral: each A is used once.
          const ephemeral = secrets.ephemeral ?? createSrpEphemeral(random);
          secrets.ephemeral = ephemeral;
          parameters['SRP_A'] = ephemeral.srpA;
          if (effect.authFlow === 'CUSTOM_AUTH') parameters['CHALLENGE_NAME'] = 'SRP_A';
        } else if (effect.authFlow === 'USER_PASSWORD_AUTH' || preferred === 'PASSWORD') {
          parameters['PASSWORD'] = secrets.password ?? '';
          if (effect.deviceKey) parameters['DEVICE_KEY'] = effect.deviceKey;
        }
        const output = await client.initiateAuth({
          AuthFlow: effect.authFlow,
          AuthParameters: await withHash(parameters),
          ...(effect.session ? { Session: effect.session } : {}),
          ...(effect.clientMetadata ? { ClientMetadata: { ...effect.clientMetadata } } : {}),
        });
        return { type: 'AUTH_RESULT', attempt: effect.attempt, output };
      }
      case 'answerWithPassword': {
        if (secrets.password === undefined) {
          throw protocolError('A password answer without a password');
        }
        const responses: Record<string, string> = { USERNAME: effect.username };
        if (effect.srp) {
          // Each A is used once: a new one for this answer.
          const ephemeral = createSrpEphemeral(random);
          secrets.ephemeral = ephemeral;
          responses['ANSWER'] = 'PASSWORD_SRP';
          responses['SRP_A'] = ephemeral.srpA;
        } else {
          responses['ANSWER'] = 'PASSWORD';
          responses['PASSWORD'] = secrets.password;
          if (effect.deviceKey) responses['DEVICE_KEY'] = effect.deviceKey;
        }
        return await respond('SELECT_CHALLENGE', responses, effect);
      }
      case 'getPasskeyAssertion': {
        if (!ctx.ports.passkeys) {
          throw new CognitoError({
            code: 'PasskeyUnavailable',
            message: 'No passkey authenticator is configured.',
          });
        }
        const authenticator = await ctx.ports.passkeys();
        const credential = await authenticator.get(effect.requestOptions);
        return { type: 'PASSKEY_ASSERTED', attempt: effect.attempt, credential };
      }
      case 'answerPasswordVerifier': {
        const ephemeral = secrets.ephemeral;
        if (!ephemeral || secrets.password === undefined) {
          throw protocolError('PASSWORD_VERIFIER without a pending SRP sign-in');
        }
        secrets.ephemeral = undefined;
        let deviceKey = effect.deviceKey;
        if (effect.lookUpDevice) {
          // Stored under the internal name (signed in with another alias, or the plain name).
          const device = await devices.get(effect.userIdForSrp).catch(() => null);
          if (device) {
            secrets.device = device;
            deviceKey = device.deviceKey;
            found = { deviceKey, owner: effect.userIdForSrp };
          }
        }
        const claim = await computePasswordClaim(ephemeral, {
          userPoolId,
          userIdForSrp: effect.userIdForSrp,
          password: secrets.password,
          salt: effect.salt,
          srpB: effect.srpB,
          secretBlock: effect.secretBlock,
        });
        return await respond(
          'PASSWORD_VERIFIER',
          {
            USERNAME: effect.userIdForSrp,
            PASSWORD_CLAIM_SECRET_BLOCK: effect.secretBlock,
            TIMESTAMP: claim.timestamp,
            PASSWORD_CLAIM_SIGNATURE: claim.signature,
            ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}),
          },
          effect,
        );
      }
      case 'answerDeviceSrp': {
        const device = secrets.device ?? (await devices.get(effect.deviceOwner)) ?? undefined;
        if (!device || device.deviceKey !== effect.deviceKey) {
          throw protocolError('Cognito asked for a device this browser does not remember');
        }
        secrets.device = device;
        const ephemeral = createSrpEphemeral(random);
        secrets.deviceEphemeral = ephemeral;
        return await respond(
          'DEVICE_SRP_AUTH',
          {
            USERNAME: effect.username,
            DEVICE_KEY: effect.deviceKey,
            SRP_A: ephemeral.srpA,
          },
          effect,
        );
      }
      case 'answerDevicePasswordVerifier': {
        const { device, deviceEphemeral } = secrets;
        if (!device || !deviceEphemeral) {
          throw protocolError('DEVICE_PASSWORD_VERIFIER before DEVICE_SRP_AUTH');
        }
        secrets.deviceEphemeral = undefined;
        const claim = await computeDeviceClaim(deviceEphemeral, {
          deviceGroupKey: device.deviceGroupKey,
          deviceKey: device.deviceKey,
          devicePassword: device.devicePassword,
          salt: effect.salt,
          srpB: effect.srpB,
          secretBlock: effect.secretBlock,
        });
        return await respond(
          'DEVICE_PASSWORD_VERIFIER',
          {
            USERNAME: effect.username,
            PASSWORD_CLAIM_SECRET_BLOCK: effect.secretBlock,
            TIMESTAMP: claim.timestamp,
            PASSWORD_CLAIM_SIGNATURE: claim.signature,
            DEVICE_KEY: effect.deviceKey,
          },
          effect,
        );
      }
      case 'respond':
        return await respond(effect.challengeName, { ...effect.responses }, effect);
      case 'associateSoftwareToken': {
        const output = await client.associateSoftwareToken({ Session: effect.session });
        if (typeof output.SecretCode !== 'string' || output.SecretCode === '') {
          throw protocolError('AssociateSoftwareToken answered without a SecretCode');
        }
        return {
          type: 'TOTP_ASSOCIATED',
          attempt: effect.attempt,
          secretCode: output.SecretCode,
          session: output.Session,
        };
      }
      case 'verifySoftwareToken': {
        const output = await client.verifySoftwareToken({
          Session: effect.session,
          UserCode: effect.code,
          ...(effect.friendlyDeviceName ? { FriendlyDeviceName: effect.friendlyDeviceName } : {}),
        });
        if (output.Status !== 'SUCCESS') {
          throw new CognitoError({
            code: 'EnableSoftwareTokenMFAException',
            message: 'The authenticator code was not accepted.',
            action: 'VerifySoftwareToken',
          });
        }
        return { type: 'TOTP_VERIFIED', attempt: effect.attempt, session: output.Session };
      }
      case 'establishSession': {
        // Tokens are here: the password has done its job.
        secrets.password = undefined;
        const established = await session.establish(effect.result, {
          username: effect.username,
          deviceKey: effect.deviceKey,
        });
        if (!ctx.secretsFor(effect.attempt)) {
          // The user abandoned this sign-in while its tokens were being verified.
          await session.clear();
          return undefined;
        }
        return {
          type: 'SESSION_ESTABLISHED',
          attempt: effect.attempt,
          user: toSignedInUser(established),
        };
      }
      default:
        effect satisfies never;
        return undefined;
    }
  } catch (error) {
    return {
      type: 'STEP_FAILED',
      attempt: effect.attempt,
      step: effect.type,
      error: asCognitoError(error),
      ...reportFound(),
    };
  }
}
