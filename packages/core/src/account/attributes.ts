import type { CognitoClient } from '../cognito/client.js';
import type { CallOptions } from '../cognito/transport.js';
import type { UserMfaSettingName } from '../cognito/types.js';
import { invalidInput } from '../errors/index.js';
import {
  fromAttributeList,
  metadataMember,
  readAccessToken,
  requireAttributeName,
  requireDigitsCode,
  toAttributeList,
  toCodeDelivery,
  type AccessTokenSource,
  type ClientMetadata,
  type CodeDelivery,
  type UserAttributes,
} from './shared.js';

/** The signed-in user as GetUser describes them. */
export interface UserProfile {
  /** Internal username (a UUID in pools that sign in with e-mail or phone). */
  username: string;
  /** Attributes by name, e.g. `{ sub, email, email_verified: 'true', 'custom:plan': 'pro' }`. */
  attributes: Record<string, string>;
  /** MFA methods the user has enabled. Unknown future names are kept as strings. */
  mfaEnabled: Array<UserMfaSettingName | (string & {})>;
  /** The preferred MFA method, if any. */
  preferredMfa: UserMfaSettingName | (string & {}) | undefined;
}

/**
 * Reads the signed-in user's attributes and MFA settings (GetUser).
 *
 * @example
 * const { attributes, mfaEnabled } = await getUserAttributes(client, session.getAccessToken);
 */
export async function getUserAttributes(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  call?: CallOptions,
): Promise<UserProfile> {
  const answer = await client.getUser({ AccessToken: await readAccessToken(accessToken) }, call);
  return {
    username: answer.Username,
    attributes: fromAttributeList(answer.UserAttributes),
    mfaEnabled: [...(answer.UserMFASettingList ?? [])],
    preferredMfa: answer.PreferredMfaSetting,
  };
}

/**
 * Changes attributes (UpdateUserAttributes). Changing a verifiable attribute (e-mail, phone)
 * sends a code; the deliveries are returned so the UI can ask for it.
 *
 * @example
 * const deliveries = await updateUserAttributes(client, getToken, { attributes: { email: 'new@example.com' } });
 */
export async function updateUserAttributes(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: { attributes: UserAttributes; clientMetadata?: ClientMetadata },
  call?: CallOptions,
): Promise<CodeDelivery[]> {
  const UserAttributes = toAttributeList(input.attributes);
  if (UserAttributes.length === 0) throw invalidInput('No attributes to update.');
  const answer = await client.updateUserAttributes(
    {
      AccessToken: await readAccessToken(accessToken),
      UserAttributes,
      ...metadataMember(input.clientMetadata),
    },
    call,
  );
  return (answer.CodeDeliveryDetailsList ?? []).map(toCodeDelivery);
}

/**
 * Removes attributes (DeleteUserAttributes).
 *
 * @example
 * await deleteUserAttributes(client, getToken, ['custom:nickname']);
 */
export async function deleteUserAttributes(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  names: readonly string[],
  call?: CallOptions,
): Promise<void> {
  if (names.length === 0) throw invalidInput('No attribute names to delete.');
  const UserAttributeNames = names.map((name) => requireAttributeName(name));
  await client.deleteUserAttributes(
    { AccessToken: await readAccessToken(accessToken), UserAttributeNames },
    call,
  );
}

/**
 * Sends a verification code for an attribute (GetUserAttributeVerificationCode).
 *
 * @example
 * const delivery = await sendAttributeVerificationCode(client, getToken, { attributeName: 'email' });
 */
export async function sendAttributeVerificationCode(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: { attributeName: string; clientMetadata?: ClientMetadata },
  call?: CallOptions,
): Promise<CodeDelivery | undefined> {
  const answer = await client.getUserAttributeVerificationCode(
    {
      AccessToken: await readAccessToken(accessToken),
      AttributeName: requireAttributeName(input.attributeName),
      ...metadataMember(input.clientMetadata),
    },
    call,
  );
  return answer.CodeDeliveryDetails ? toCodeDelivery(answer.CodeDeliveryDetails) : undefined;
}

/**
 * Verifies an attribute with the code the user received (VerifyUserAttribute).
 *
 * @example
 * await verifyUserAttribute(client, getToken, { attributeName: 'email', code: '123456' });
 */
export async function verifyUserAttribute(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: { attributeName: string; code: string },
  call?: CallOptions,
): Promise<void> {
  await client.verifyUserAttribute(
    {
      AccessToken: await readAccessToken(accessToken),
      AttributeName: requireAttributeName(input.attributeName),
      Code: requireDigitsCode(input.code, 'verification code'),
    },
    call,
  );
}

/**
 * Deletes the signed-in user for good (DeleteUser). The caller should clear the session after.
 *
 * @example
 * await deleteUser(client, session.getAccessToken);
 */
export async function deleteUser(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  call?: CallOptions,
): Promise<void> {
  await client.deleteUser({ AccessToken: await readAccessToken(accessToken) }, call);
}
