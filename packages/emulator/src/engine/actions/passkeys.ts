/**
 * Passkey management with the user's access token (COGNITO-PASSWORDLESS-OAUTH §6):
 * StartWebAuthnRegistration, CompleteWebAuthnRegistration, ListWebAuthnCredentials,
 * DeleteWebAuthnCredential. Registrations are verified for real (`auth/webauthn.ts`).
 */
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { ActionMap } from '../protocol/action.js';
import { serviceError } from '../protocol/errors.js';
import { nameIndex, own } from '../model/records.js';
import type { PoolState, UserState, WebAuthnCredentialState } from '../model/state.js';
import { authenticateAccessToken } from '../model/tokens.js';
import { document, int, readInput, rules, str } from '../protocol/validate.js';
import { allowedFirstAuthFactors } from '../model/sign-in-policy.js';
import { newWebAuthnChallenge, relyingPartyOf } from '../auth/webauthn-sign-in.js';
import {
  SUPPORTED_ALGORITHMS,
  readRegistrationResponse,
  verifyRegistration,
} from '../auth/webauthn.js';
import { paginate } from './admin-common.js';

/** `timeout` of the creation options and lifetime of a registration challenge (reported 60 s). */
const REGISTRATION_TIMEOUT_MS = 60_000;
/** Passkeys per user before LimitExceededException (Cognito's number is unverified). */
export const MAX_PASSKEYS_PER_USER = 20;

const accessToken = { AccessToken: str({ required: true, ...rules.token }) };

/** WebAuthnNotEnabledException unless the pool allows passkeys as a first factor. */
function requirePasskeysEnabled(pool: PoolState): string {
  if (!allowedFirstAuthFactors(pool).includes('WEB_AUTHN')) {
    throw serviceError(
      'WebAuthnNotEnabledException',
      'Passkeys (WEB_AUTHN) are not an allowed first factor of this user pool.',
    );
  }
  return relyingPartyOf(pool);
}

function passkeysOf(user: UserState): Record<string, WebAuthnCredentialState> {
  user.webAuthnCredentials ??= nameIndex();
  return user.webAuthnCredentials;
}

/**
 * The name shown in the passkey prompt: the sign-in attribute in pools whose internal username
 * is a UUID (inferred; Cognito's choice is unverified), else the username.
 */
function displayedName(pool: PoolState, user: UserState): string {
  for (const attribute of pool.usernameAttributes) {
    const value = own(user.attributes, attribute);
    if (value !== undefined) return value;
  }
  return user.username;
}

function friendlyName(now: number): string {
  return `Passkey ${new Date(now).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function description(credential: WebAuthnCredentialState): Record<string, unknown> {
  return {
    CredentialId: credential.credentialId,
    FriendlyCredentialName: credential.friendlyName,
    RelyingPartyId: credential.relyingPartyId,
    ...(credential.authenticatorAttachment !== undefined && {
      AuthenticatorAttachment: credential.authenticatorAttachment,
    }),
    AuthenticatorTransports: credential.transports,
    CreatedAt: Math.floor(credential.createdAt / 1000),
  };
}

function registeredAnywhere(pool: PoolState, credentialId: string): boolean {
  return Object.values(pool.users).some((u) => own(u.webAuthnCredentials, credentialId));
}

/** The passkey actions, by name. */
export const passkeyActions: ActionMap = {
  async StartWebAuthnRegistration(ctx, input) {
    const req = readInput(input, accessToken);
    const { pool, user, claims } = await authenticateAccessToken(ctx, req.AccessToken);
    const rpId = requirePasskeysEnabled(pool);
    const existing = Object.values(passkeysOf(user));
    if (existing.length >= MAX_PASSKEYS_PER_USER) {
      throw serviceError(
        'LimitExceededException',
        `A user can register at most ${MAX_PASSKEYS_PER_USER} passkeys.`,
      );
    }
    const challenge = newWebAuthnChallenge(ctx);
    const userVerification = pool.webAuthn?.userVerification ?? 'preferred';
    // A new Start replaces an unfinished one: only the latest challenge can be completed.
    user.webAuthnRegistration = {
      challenge,
      clientId: claims.client_id,
      relyingPartyId: rpId,
      expiresAt: ctx.clock.now() + REGISTRATION_TIMEOUT_MS,
    };
    // Shape of the reported real answer (COGNITO-PASSWORDLESS-OAUTH §6); user.id = UTF-8 of sub.
    return {
      CredentialCreationOptions: {
        rp: { id: rpId, name: rpId },
        user: {
          id: isoBase64URL.fromUTF8String(user.sub),
          name: displayedName(pool, user),
          displayName: '',
        },
        challenge,
        pubKeyCredParams: SUPPORTED_ALGORITHMS.map((alg) => ({ type: 'public-key', alg })),
        timeout: REGISTRATION_TIMEOUT_MS,
        excludeCredentials: existing
          .filter((c) => c.relyingPartyId === rpId)
          .map((c) => ({ type: 'public-key', id: c.credentialId })),
        authenticatorSelection: {
          requireResidentKey: true,
          residentKey: 'required',
          userVerification,
        },
      },
    };
  },

  async CompleteWebAuthnRegistration(ctx, input) {
    const req = readInput(input, { ...accessToken, Credential: document({ required: true }) });
    const { pool, user, claims } = await authenticateAccessToken(ctx, req.AccessToken);
    const rpId = requirePasskeysEnabled(pool);
    const pending = user.webAuthnRegistration;
    if (pending === undefined || pending.expiresAt <= ctx.clock.now()) {
      delete user.webAuthnRegistration;
      throw serviceError(
        'WebAuthnChallengeNotFoundException',
        'No registration is in progress for this user, or it expired: call StartWebAuthnRegistration.',
      );
    }
    if (pending.clientId !== claims.client_id) {
      throw serviceError(
        'WebAuthnClientMismatchException',
        'The registration was started through another app client.',
      );
    }
    const response = readRegistrationResponse(req.Credential);
    // The challenge is spent by this answer, right or wrong: it cannot be replayed.
    delete user.webAuthnRegistration;
    if (pending.relyingPartyId !== rpId) {
      throw serviceError(
        'WebAuthnRelyingPartyMismatchException',
        'The relying party changed since the registration started.',
      );
    }
    const verified = await verifyRegistration({
      response,
      challenge: pending.challenge,
      rpId,
      userVerification: pool.webAuthn?.userVerification ?? 'preferred',
    });
    if (registeredAnywhere(pool, verified.credentialId)) {
      throw serviceError('InvalidParameterException', 'This passkey is already registered.');
    }
    const now = ctx.clock.now();
    passkeysOf(user)[verified.credentialId] = {
      ...verified,
      relyingPartyId: rpId,
      friendlyName: friendlyName(now),
      createdAt: now,
    };
    return {};
  },

  async ListWebAuthnCredentials(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      NextToken: str({ min: 1, max: 131072, pattern: { regex: /^\S+$/, text: '[\\S]+' } }),
      MaxResults: int({ min: 0, max: 20 }),
    });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    // Oldest first; the key orders by creation time, then id.
    const keyOf = (c: WebAuthnCredentialState) =>
      `${String(c.createdAt).padStart(16, '0')}|${c.credentialId}`;
    const all = Object.values(user.webAuthnCredentials ?? {}).sort((a, b) =>
      keyOf(a) < keyOf(b) ? -1 : 1,
    );
    const page = paginate(
      all,
      keyOf,
      `passkeys:${pool.id}:${user.sub}`,
      req.MaxResults ?? 20,
      req.NextToken,
    );
    return {
      Credentials: page.items.map(description),
      ...(page.next !== undefined && { NextToken: page.next }),
    };
  },

  async DeleteWebAuthnCredential(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      CredentialId: str({ required: true, min: 1 }),
    });
    const { user } = await authenticateAccessToken(ctx, req.AccessToken);
    if (!own(user.webAuthnCredentials, req.CredentialId)) {
      throw serviceError('ResourceNotFoundException', 'Credential does not exist.');
    }
    delete passkeysOf(user)[req.CredentialId];
    return {};
  },
};
