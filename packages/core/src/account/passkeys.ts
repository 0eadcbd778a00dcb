import type { CognitoClient } from '../cognito/client.js';
import type { CallOptions } from '../cognito/transport.js';
import type { WebAuthnCredentialDescription } from '../cognito/types.js';
import { invalidInput, protocolError } from '../errors/index.js';
import type { PasskeyAuthenticator, PasskeyCreationOptionsJSON } from '../webauthn/types.js';
import { readAccessToken, type AccessTokenSource } from './shared.js';

/** A registered passkey, in friendly terms (`WebAuthnCredentialDescription`). */
export interface Passkey {
  /** The credential id (base64url); what {@link deletePasskey} takes. */
  id: string;
  /** Cognito's `FriendlyCredentialName` (Cognito names passkeys itself; there is no rename). */
  name: string;
  relyingPartyId: string;
  /** `platform` (this device) or `cross-platform` (a phone, a security key), when known. */
  attachment: string | undefined;
  transports: string[];
  createdAt: Date | undefined;
}

function toPasskey(credential: WebAuthnCredentialDescription): Passkey {
  return {
    id: credential.CredentialId,
    name: credential.FriendlyCredentialName ?? '',
    relyingPartyId: credential.RelyingPartyId ?? '',
    attachment: credential.AuthenticatorAttachment,
    transports: credential.AuthenticatorTransports ?? [],
    createdAt:
      typeof credential.CreatedAt === 'number' ? new Date(credential.CreatedAt * 1000) : undefined,
  };
}

/**
 * Every passkey of the signed-in user (ListWebAuthnCredentials, all pages).
 *
 * @example
 * const passkeys = await listPasskeys(client, () => session.getAccessToken());
 */
export async function listPasskeys(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  call?: CallOptions,
): Promise<Passkey[]> {
  const AccessToken = await readAccessToken(accessToken);
  const out: Passkey[] = [];
  let NextToken: string | undefined;
  // Cognito allows at most 20 per page; a user has few passkeys, so the loop is short.
  for (let page = 0; page < 50; page++) {
    const answer = await client.listWebAuthnCredentials(
      { AccessToken, MaxResults: 20, ...(NextToken ? { NextToken } : {}) },
      call,
    );
    out.push(...answer.Credentials.map(toPasskey));
    NextToken = answer.NextToken;
    if (!NextToken) return out;
  }
  throw protocolError('ListWebAuthnCredentials kept answering with a NextToken.');
}

/**
 * Removes a passkey (DeleteWebAuthnCredential). The authenticator keeps its key; it just no
 * longer signs the user in.
 */
export async function deletePasskey(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  credentialId: string,
  call?: CallOptions,
): Promise<void> {
  if (typeof credentialId !== 'string' || credentialId === '') {
    throw invalidInput('Which passkey? A credential id is required.');
  }
  await client.deleteWebAuthnCredential(
    { AccessToken: await readAccessToken(accessToken), CredentialId: credentialId },
    call,
  );
}

/**
 * Creates a passkey for the signed-in user: StartWebAuthnRegistration, the authenticator's
 * ceremony (the browser's prompt), CompleteWebAuthnRegistration. Rejects `PasskeyCancelled`
 * when the user dismisses the prompt; Cognito's `WebAuthn*Exception`s otherwise.
 *
 * @example
 * import { browserPasskeys } from '@cognito-kit/core/webauthn';
 * await registerPasskey(client, () => session.getAccessToken(), browserPasskeys);
 */
export async function registerPasskey(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  authenticator: PasskeyAuthenticator,
  call?: CallOptions,
): Promise<void> {
  const AccessToken = await readAccessToken(accessToken);
  const started = await client.startWebAuthnRegistration({ AccessToken }, call);
  const options = started.CredentialCreationOptions as unknown as PasskeyCreationOptionsJSON;
  if (typeof options.challenge !== 'string' || typeof options.user !== 'object') {
    throw protocolError('StartWebAuthnRegistration answered without usable creation options.');
  }
  const credential = await authenticator.create(options);
  await client.completeWebAuthnRegistration(
    { AccessToken, Credential: credential as unknown as Record<string, unknown> },
    call,
  );
}
