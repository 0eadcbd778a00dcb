import type { CognitoClient } from '../cognito/client.js';
import type { CallOptions } from '../cognito/transport.js';
import {
  metadataMember,
  readAccessToken,
  requireDigitsCode,
  requirePassword,
  requireUsername,
  toCodeDelivery,
  type AccessTokenSource,
  type ClientMetadata,
  type CodeDelivery,
} from './shared.js';

/**
 * Starts a password reset: Cognito sends a code to the user's verified e-mail or phone
 * (ForgotPassword). With user-existence errors prevented, unknown users get a simulated delivery.
 *
 * @example
 * const delivery = await forgotPassword(client, { username: 'alice' });
 */
export async function forgotPassword(
  client: CognitoClient,
  input: { username: string; clientMetadata?: ClientMetadata },
  call?: CallOptions,
): Promise<CodeDelivery | undefined> {
  const answer = await client.forgotPassword(
    { Username: requireUsername(input.username), ...metadataMember(input.clientMetadata) },
    call,
  );
  return answer.CodeDeliveryDetails ? toCodeDelivery(answer.CodeDeliveryDetails) : undefined;
}

/** Input of {@link confirmForgotPassword}. */
export interface ConfirmForgotPasswordInput {
  username: string;
  code: string;
  newPassword: string;
  clientMetadata?: ClientMetadata;
}

/**
 * Sets a new password with the reset code (ConfirmForgotPassword).
 *
 * @example
 * await confirmForgotPassword(client, { username: 'alice', code: '123456', newPassword: 'N3w-passw0rd' });
 */
export async function confirmForgotPassword(
  client: CognitoClient,
  input: ConfirmForgotPasswordInput,
  call?: CallOptions,
): Promise<void> {
  await client.confirmForgotPassword(
    {
      Username: requireUsername(input.username),
      ConfirmationCode: requireDigitsCode(input.code, 'reset code'),
      Password: requirePassword(input.newPassword, 'new password'),
      ...metadataMember(input.clientMetadata),
    },
    call,
  );
}

/**
 * Changes the signed-in user's password (ChangePassword).
 *
 * @example
 * await changePassword(client, session.getAccessToken, { oldPassword, newPassword });
 */
export async function changePassword(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: { oldPassword: string; newPassword: string },
  call?: CallOptions,
): Promise<void> {
  const PreviousPassword = requirePassword(input.oldPassword, 'current password');
  const ProposedPassword = requirePassword(input.newPassword, 'new password');
  await client.changePassword(
    { AccessToken: await readAccessToken(accessToken), PreviousPassword, ProposedPassword },
    call,
  );
}
