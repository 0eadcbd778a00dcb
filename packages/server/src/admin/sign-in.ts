/**
 * Admin sign-in: AdminInitiateAuth / AdminRespondToAuthChallenge, as a server does it with a
 * user's password (a back-office login, a migration, a test). Flows, verified against the
 * service model (botocore `AuthFlowType`): `ADMIN_USER_PASSWORD_AUTH` (legacy name
 * `ADMIN_NO_SRP_AUTH`) sends the password; SRP is `USER_SRP_AUTH` sent to AdminInitiateAuth —
 * there is no `ADMIN_USER_SRP_AUTH`. Challenges are parsed by core's `parseChallenge`.
 */
import {
  computePasswordClaim,
  computeSecretHash,
  createSrpEphemeral,
  invalidInput,
  parseChallenge,
  protocolError,
  type CallOptions,
  totpUri,
  type Challenge,
  type ChallengeAnswer,
} from '../low-level.js';
import type { AdminCaller } from './caller.js';
import { requireText, requireUsername } from './input.js';
import type { WireAuthResult } from './wire-types.js';

export interface AdminSignInInput {
  /** An app client with `ALLOW_ADMIN_USER_PASSWORD_AUTH` (password) or `ALLOW_USER_SRP_AUTH` (SRP). */
  clientId: string;
  /** For confidential clients: SECRET_HASH is computed and sent with every step. */
  clientSecret?: string;
  username: string;
  password: string;
  /**
   * `password` (default): ADMIN_USER_PASSWORD_AUTH. `srp`: USER_SRP_AUTH (the password never
   * leaves this process). `legacy-password`: ADMIN_NO_SRP_AUTH for clients with legacy flows.
   */
  flow?: 'password' | 'srp' | 'legacy-password';
  clientMetadata?: Record<string, string>;
}

/** The tokens of a finished sign-in. */
export interface AdminTokens {
  readonly accessToken: string;
  readonly idToken: string;
  readonly refreshToken: string | undefined;
  /** Seconds the access token lives. */
  readonly expiresIn: number | undefined;
}

/** Where a sign-in stands: tokens, or a challenge to answer with {@link AdminSignIn.respond}. */
export type AdminSignInStep =
  | { readonly status: 'signedIn'; readonly tokens: AdminTokens }
  | {
      readonly status: 'challenge';
      readonly challenge: Challenge;
      /** Pass the whole step back to `respond`; it carries the session and the client. */
      readonly session: string | undefined;
      readonly username: string;
      readonly clientId: string;
      readonly clientSecret: string | undefined;
    };

type ChallengeStep = Extract<AdminSignInStep, { status: 'challenge' }>;

export interface AdminSignIn {
  /** AdminInitiateAuth (and the PASSWORD_VERIFIER step of SRP). */
  signIn(input: AdminSignInInput, call?: CallOptions): Promise<AdminSignInStep>;
  /**
   * AdminRespondToAuthChallenge: NEW_PASSWORD_REQUIRED, SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP,
   * SELECT_MFA_TYPE, CUSTOM_CHALLENGE, and MFA_SETUP (TOTP: pick it, get the secret in the next
   * step's `challenge.totp`, answer with `totpCode`; or e-mail).
   */
  respond(
    step: AdminSignInStep,
    answer: ChallengeAnswer,
    call?: CallOptions,
  ): Promise<AdminSignInStep>;
}

const FLOWS = {
  password: 'ADMIN_USER_PASSWORD_AUTH',
  'legacy-password': 'ADMIN_NO_SRP_AUTH',
  srp: 'USER_SRP_AUTH',
} as const;

const SIX_DIGITS = /^\d{6}$/;

export function adminSignIn(caller: AdminCaller): AdminSignIn {
  const secretHash = async (
    username: string,
    clientId: string,
    clientSecret: string | undefined,
  ): Promise<Record<string, string>> =>
    clientSecret === undefined
      ? {}
      : { SECRET_HASH: await computeSecretHash(username, clientId, clientSecret) };

  /** Turns an answer into the next step; the USERNAME challenges use is Cognito's own name. */
  function stepFrom(
    answer: WireAuthResult,
    context: { username: string; clientId: string; clientSecret: string | undefined },
  ): AdminSignInStep {
    const result = answer.AuthenticationResult;
    if (result) {
      if (typeof result.AccessToken !== 'string' || typeof result.IdToken !== 'string') {
        throw protocolError('The sign-in answered without an access or ID token.');
      }
      return {
        status: 'signedIn',
        tokens: {
          accessToken: result.AccessToken,
          idToken: result.IdToken,
          refreshToken: result.RefreshToken,
          expiresIn: result.ExpiresIn,
        },
      };
    }
    if (typeof answer.ChallengeName !== 'string') {
      throw protocolError('The sign-in answered neither tokens nor a challenge.');
    }
    const challenge = parseChallenge(answer.ChallengeName, answer.ChallengeParameters);
    if (challenge instanceof Error) throw challenge;
    return {
      status: 'challenge',
      challenge,
      session: answer.Session,
      username: answer.ChallengeParameters?.['USER_ID_FOR_SRP'] ?? context.username,
      clientId: context.clientId,
      clientSecret: context.clientSecret,
    };
  }

  async function respondWire(
    step: Pick<ChallengeStep, 'username' | 'clientId' | 'clientSecret' | 'session'>,
    challengeName: string,
    responses: Record<string, string>,
    call: CallOptions | undefined,
  ): Promise<WireAuthResult> {
    return caller.call(
      'AdminRespondToAuthChallenge',
      {
        ClientId: step.clientId,
        ChallengeName: challengeName,
        ChallengeResponses: {
          USERNAME: step.username,
          ...responses,
          ...(await secretHash(step.username, step.clientId, step.clientSecret)),
        },
        ...(step.session !== undefined && { Session: step.session }),
      },
      call,
    );
  }

  return {
    async signIn(input, call) {
      const username = requireUsername(input.username);
      const password = requireText(input.password, 'The password');
      const clientId = requireText(input.clientId, 'The client id');
      const flow = input.flow ?? 'password';
      if (!(flow in FLOWS)) throw invalidInput(`Unknown sign-in flow: ${String(flow)}.`);
      const context = { username, clientId, clientSecret: input.clientSecret };
      const ephemeral = flow === 'srp' ? createSrpEphemeral() : undefined;
      const first = await caller.call(
        'AdminInitiateAuth',
        {
          ClientId: clientId,
          AuthFlow: FLOWS[flow],
          AuthParameters: {
            USERNAME: username,
            ...(ephemeral ? { SRP_A: ephemeral.srpA } : { PASSWORD: password }),
            ...(await secretHash(username, clientId, input.clientSecret)),
          },
          ...(input.clientMetadata && { ClientMetadata: input.clientMetadata }),
        },
        call,
      );
      if (!ephemeral || first.ChallengeName !== 'PASSWORD_VERIFIER')
        return stepFrom(first, context);
      const p = first.ChallengeParameters ?? {};
      const userIdForSrp = p['USER_ID_FOR_SRP'];
      if (!userIdForSrp || !p['SALT'] || !p['SRP_B'] || !p['SECRET_BLOCK']) {
        throw protocolError('PASSWORD_VERIFIER came without its SRP parameters.');
      }
      const claim = await computePasswordClaim(ephemeral, {
        userPoolId: caller.userPoolId,
        userIdForSrp,
        password,
        salt: p['SALT'],
        srpB: p['SRP_B'],
        secretBlock: p['SECRET_BLOCK'],
      });
      const answer = await respondWire(
        { ...context, username: userIdForSrp, session: first.Session },
        'PASSWORD_VERIFIER',
        {
          PASSWORD_CLAIM_SECRET_BLOCK: p['SECRET_BLOCK'],
          PASSWORD_CLAIM_SIGNATURE: claim.signature,
          TIMESTAMP: claim.timestamp,
        },
        call,
      );
      return stepFrom(answer, { ...context, username: userIdForSrp });
    },

    async respond(step, answer, call) {
      if (step.status !== 'challenge') throw invalidInput('This sign-in has already finished.');
      const { challenge } = step;
      if (answer.name !== challenge.name) {
        throw invalidInput(`The pending challenge is ${challenge.name}, not ${answer.name}.`);
      }
      const send = async (responses: Record<string, string>) =>
        stepFrom(await respondWire(step, challenge.name, responses, call), step);
      switch (answer.name) {
        case 'NEW_PASSWORD_REQUIRED': {
          const attributes: Record<string, string> = {};
          for (const [k, v] of Object.entries(answer.attributes ?? {})) {
            attributes[`userAttributes.${k}`] = v;
          }
          return send({
            NEW_PASSWORD: requireText(answer.newPassword, 'The new password'),
            ...attributes,
          });
        }
        case 'SMS_MFA':
          return send({ SMS_MFA_CODE: requireText(answer.code.trim(), 'The code') });
        case 'EMAIL_OTP':
          return send({ EMAIL_OTP_CODE: requireText(answer.code.trim(), 'The code') });
        case 'SMS_OTP':
          return send({ SMS_OTP_CODE: requireText(answer.code.trim(), 'The code') });
        case 'SELECT_CHALLENGE':
        case 'WEB_AUTHN':
          // Choice-based sign-in (USER_AUTH) has no admin flow; these never come up here.
          throw invalidInput(`${answer.name} is not part of the admin sign-in.`);
        case 'SOFTWARE_TOKEN_MFA': {
          const code = answer.code.trim();
          if (!SIX_DIGITS.test(code)) throw invalidInput('An authenticator code has 6 digits.');
          return send({ SOFTWARE_TOKEN_MFA_CODE: code });
        }
        case 'SELECT_MFA_TYPE':
          return send({ ANSWER: answer.mfa });
        case 'CUSTOM_CHALLENGE':
          return send({ ANSWER: answer.answer });
        case 'MFA_SETUP': {
          if ('totpCode' in answer) {
            const code = answer.totpCode.trim();
            if (!SIX_DIGITS.test(code)) throw invalidInput('An authenticator code has 6 digits.');
            const verified = await caller.call(
              'VerifySoftwareToken',
              {
                ...(step.session !== undefined && { Session: step.session }),
                UserCode: code,
                ...(answer.friendlyDeviceName && { FriendlyDeviceName: answer.friendlyDeviceName }),
              },
              call,
            );
            return stepFrom(
              await respondWire(
                { ...step, session: verified.Session ?? step.session },
                'MFA_SETUP',
                {},
                call,
              ),
              step,
            );
          }
          if (answer.setup === 'EMAIL_OTP') {
            return send({ EMAIL: requireText(answer.email, 'The e-mail address') });
          }
          const associated = await caller.call(
            'AssociateSoftwareToken',
            step.session !== undefined ? { Session: step.session } : {},
            call,
          );
          if (!associated.SecretCode) {
            throw protocolError('AssociateSoftwareToken answered without a SecretCode.');
          }
          // Same challenge, now with the secret to show; the session moves on.
          return {
            ...step,
            challenge: {
              ...challenge,
              totp: {
                secretCode: associated.SecretCode,
                uri: totpUri(caller.userPoolId, step.username, associated.SecretCode),
              },
            },
            session: associated.Session ?? step.session,
          } as AdminSignInStep;
        }
        default:
          answer satisfies never;
          throw invalidInput('Unknown challenge answer.');
      }
    },
  };
}
