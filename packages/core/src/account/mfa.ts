import type { CognitoClient } from '../cognito/client.js';
import type { CallOptions } from '../cognito/transport.js';
import type { MfaSettingsType, SetUserMFAPreferenceRequest } from '../cognito/types.js';
import { CognitoError, invalidInput } from '../errors/index.js';
import { totpUri } from '../machine/challenge.js';
import { readAccessToken, requireTotpCode, type AccessTokenSource } from './shared.js';

/** Input of {@link buildTotpUri}. */
export interface TotpUriInput {
  /** The base32 `SecretCode` from AssociateSoftwareToken. */
  secret: string;
  /** Shown as the account's provider in authenticator apps (your app's name). */
  issuer: string;
  /** Shown as the account (usually the e-mail or username). */
  accountName: string;
}

/**
 * The `otpauth://totp/<issuer>:<account>?secret=…&issuer=…` URI authenticator apps read from
 * a QR code. Label parts and parameters are percent-encoded; neither may contain `:`.
 *
 * @example
 * buildTotpUri({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Acme', accountName: 'alice@example.com' });
 * // 'otpauth://totp/Acme:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme'
 */
export function buildTotpUri(input: TotpUriInput): string {
  const { secret, issuer, accountName } = input;
  if (!/^[A-Za-z2-7]+=*$/.test(secret)) throw invalidInput('The TOTP secret is not base32.');
  if (issuer.trim() === '' || issuer.includes(':')) {
    throw invalidInput('The TOTP issuer must be non-empty and contain no colon.');
  }
  if (accountName.trim() === '' || accountName.includes(':')) {
    throw invalidInput('The TOTP account name must be non-empty and contain no colon.');
  }
  // Base32 letters and digits need no percent-encoding, so totpUri keeps the secret as is.
  return totpUri(issuer, accountName, secret.replace(/=+$/, ''));
}

/** Result of {@link associateTotp}. */
export interface TotpSetup {
  /** Base32 shared secret; show it as text next to the QR code. */
  secretCode: string;
  /** Builds the QR code URI for this secret. */
  uri(label: { issuer: string; accountName: string }): string;
}

/**
 * Starts TOTP (authenticator app) setup for the signed-in user (AssociateSoftwareToken).
 * Confirm it with {@link verifyTotp}, then turn it on with {@link setMfaPreference}.
 *
 * @example
 * const setup = await associateTotp(client, session.getAccessToken);
 * showQr(setup.uri({ issuer: 'Acme', accountName: email }));
 */
export async function associateTotp(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  call?: CallOptions,
): Promise<TotpSetup> {
  const answer = await client.associateSoftwareToken(
    { AccessToken: await readAccessToken(accessToken) },
    call,
  );
  const secretCode = answer.SecretCode ?? '';
  return {
    secretCode,
    uri: (label) => buildTotpUri({ secret: secretCode, ...label }),
  };
}

/**
 * Confirms TOTP setup with a code from the authenticator app (VerifySoftwareToken).
 *
 * @throws CognitoError `EnableSoftwareTokenMFAException` when Cognito rejects the code.
 * @example
 * await verifyTotp(client, getToken, { code: '123456', friendlyDeviceName: 'Phone' });
 */
export async function verifyTotp(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: { code: string; friendlyDeviceName?: string },
  call?: CallOptions,
): Promise<void> {
  const UserCode = requireTotpCode(input.code);
  const answer = await client.verifySoftwareToken(
    {
      AccessToken: await readAccessToken(accessToken),
      UserCode,
      ...(input.friendlyDeviceName ? { FriendlyDeviceName: input.friendlyDeviceName } : {}),
    },
    call,
  );
  // Wrong codes normally arrive as an error answer; a 200 with Status ERROR means the same.
  if (answer.Status === 'ERROR') {
    throw new CognitoError({
      code: 'EnableSoftwareTokenMFAException',
      message: 'The authenticator code was not accepted.',
      action: 'VerifySoftwareToken',
    });
  }
}

/** An MFA method in friendly terms. */
export type MfaMethod = 'sms' | 'totp' | 'email';

/** Input of {@link setMfaPreference}: only the methods named are changed. */
export interface MfaPreferenceInput {
  sms?: boolean;
  totp?: boolean;
  email?: boolean;
  /** Make this method the preferred one (it is enabled too). Omit to leave the preference alone. */
  preferred?: MfaMethod;
}

const WIRE_MEMBER = {
  sms: 'SMSMfaSettings',
  totp: 'SoftwareTokenMfaSettings',
  email: 'EmailMfaSettings',
} as const satisfies Record<MfaMethod, keyof SetUserMFAPreferenceRequest>;

/**
 * Turns MFA methods on or off and picks the preferred one (SetUserMFAPreference).
 *
 * @example
 * await setMfaPreference(client, getToken, { totp: true, preferred: 'totp' });
 * await setMfaPreference(client, getToken, { sms: false });
 */
export async function setMfaPreference(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: MfaPreferenceInput,
  call?: CallOptions,
): Promise<void> {
  const request: Omit<SetUserMFAPreferenceRequest, 'AccessToken'> = {};
  for (const method of ['sms', 'totp', 'email'] as const) {
    const enabled = input[method];
    const isPreferred = input.preferred === method;
    if (enabled === undefined && !isPreferred) continue;
    if (enabled === false && isPreferred) {
      throw invalidInput(
        `The preferred MFA method (${method}) cannot be turned off at the same time.`,
      );
    }
    const settings: MfaSettingsType = { Enabled: enabled ?? true };
    if (input.preferred !== undefined) settings.PreferredMfa = isPreferred;
    request[WIRE_MEMBER[method]] = settings;
  }
  if (Object.keys(request).length === 0) throw invalidInput('No MFA setting to change.');
  await client.setUserMFAPreference(
    { AccessToken: await readAccessToken(accessToken), ...request },
    call,
  );
}
