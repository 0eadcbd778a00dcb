/**
 * The WEB_AUTHN first factor of USER_AUTH: the challenge carries `CREDENTIAL_REQUEST_OPTIONS`
 * (PublicKeyCredentialRequestOptionsJSON as text) and is answered with `CREDENTIAL`, the
 * serialised AuthenticationResponseJSON (COGNITO-PASSWORDLESS-OAUTH §3).
 */
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { EngineContext } from '../context.js';
import { serviceError } from '../protocol/errors.js';
import { own } from '../model/records.js';
import type { PoolState, UserState, WebAuthnCredentialState } from '../model/state.js';
import {
  challengeOutput,
  continueSignIn,
  flowOf,
  resolveFlow,
  type AuthStepOutput,
  type SessionChallengeAnswer,
  type SignInFlow,
} from './flow.js';
import { requireParam } from './password.js';
import { assertNotLockedOut } from './lockout.js';
import { closeAuthSession, openAuthSession } from './sessions.js';
import { readAuthenticationResponse, verifyAssertion } from './webauthn.js';

/** Bytes of a WebAuthn challenge (16, as in the reported Cognito options). */
export const CHALLENGE_BYTES = 16;
/** `timeout` of the request options, ms (reported fixture: 180000). */
const REQUEST_TIMEOUT_MS = 180_000;

/** The pool's relying-party id, or WebAuthnConfigurationMissingException. */
export function relyingPartyOf(pool: PoolState): string {
  const rpId = pool.webAuthn?.relyingPartyId;
  if (rpId === undefined || rpId === null) {
    throw serviceError(
      'WebAuthnConfigurationMissingException',
      'The user pool has no WebAuthn relying-party id.',
    );
  }
  return rpId;
}

/** The user's registered passkeys for relying party `rpId`. */
function passkeysFor(user: UserState, rpId: string) {
  return Object.values(user.webAuthnCredentials ?? {}).filter((c) => c.relyingPartyId === rpId);
}

/**
 * CREDENTIAL_REQUEST_OPTIONS for `credentials` (member order and the empty hints / attestation
 * members follow the reported real answer).
 */
export function requestOptions(
  pool: PoolState,
  credentials: readonly WebAuthnCredentialState[],
  challenge: string,
): string {
  return JSON.stringify({
    hints: [],
    attestation: 'none',
    attestationFormats: [],
    challenge,
    timeout: REQUEST_TIMEOUT_MS,
    rpId: relyingPartyOf(pool),
    allowCredentials: credentials.map((c) => ({
      id: c.credentialId,
      type: 'public-key',
      ...(c.transports.length > 0 && { transports: c.transports }),
    })),
    userVerification: pool.webAuthn?.userVerification ?? 'preferred',
  });
}

/** A fresh base64url WebAuthn challenge. */
export function newWebAuthnChallenge(ctx: EngineContext): string {
  return isoBase64URL.fromBuffer(Uint8Array.from(ctx.random(CHALLENGE_BYTES)));
}

/** Opens a WEB_AUTHN challenge with fresh request options for the user's passkeys. */
export function startWebAuthnChallenge(ctx: EngineContext, flow: SignInFlow): AuthStepOutput {
  const { pool, client, user } = resolveFlow(ctx, flow);
  const rpId = relyingPartyOf(pool);
  const challenge = newWebAuthnChallenge(ctx);
  const session = openAuthSession(ctx, client, 'WEB_AUTHN', {
    ...flow,
    webAuthnChallenge: challenge,
  });
  const options = requestOptions(pool, passkeysFor(user, rpId), challenge);
  return challengeOutput(session, { CREDENTIAL_REQUEST_OPTIONS: options });
}

/**
 * RespondToAuthChallenge `WEB_AUTHN`. The challenge is spent by any answer, right or wrong, so
 * an assertion can never be replayed; a credential that is not one of this user's passkeys for
 * the pool's relying party (another user's, a deleted one) is refused like a bad signature.
 */
export const answerWebAuthn: SessionChallengeAnswer = async (ctx, session, responses, origin) => {
  const { pool, user } = resolveFlow(ctx, session);
  const response = readAuthenticationResponse(requireParam(responses, 'CREDENTIAL'));
  assertNotLockedOut(ctx, user);
  closeAuthSession(ctx, session);
  const rpId = relyingPartyOf(pool);
  const credential = own(user.webAuthnCredentials, response.id);
  if (
    !credential ||
    credential.relyingPartyId !== rpId ||
    session.webAuthnChallenge === undefined
  ) {
    throw serviceError('NotAuthorizedException', 'Passkey sign-in failed: unknown credential.');
  }
  const signCount = await verifyAssertion({
    response,
    challenge: session.webAuthnChallenge,
    rpId,
    userVerification: pool.webAuthn?.userVerification ?? 'preferred',
    credential,
  });
  credential.signCount = signCount;
  credential.lastUsedAt = ctx.clock.now();
  // A passkey is a complete sign-in: no MFA follows it (COGNITO-PASSWORDLESS-OAUTH §4).
  return continueSignIn(ctx, { ...flowOf(session), mfaDone: true }, origin);
};
