import type { CallOptions } from '../cognito/transport.js';
import type { CognitoClient } from '../cognito/client.js';
import {
  metadataMember,
  requireDigitsCode,
  requirePassword,
  requireUsername,
  toAttributeList,
  toCodeDelivery,
  type ClientMetadata,
  type CodeDelivery,
  type UserAttributes,
} from './shared.js';

/** Input of {@link signUp}. */
export interface SignUpInput {
  username: string;
  password: string;
  /** Standard and custom attributes: `{ email: 'a@b.c', 'custom:plan': 'pro' }`. */
  attributes?: UserAttributes;
  /** Passed to the pre-sign-up trigger only, never stored. */
  validationData?: UserAttributes;
  clientMetadata?: ClientMetadata;
}

/** Result of {@link signUp}. */
export interface SignUpResult {
  /** True when the pool confirmed the user at once (pre-sign-up trigger or no verification). */
  userConfirmed: boolean;
  /** The new user's `sub`. */
  userSub: string;
  /** Where the confirmation code went; undefined when nothing was sent. */
  codeDelivery: CodeDelivery | undefined;
  /** Newer pools: the session to pass to {@link confirmSignUp} for auto sign-in. */
  session?: string | undefined;
}

/**
 * Registers a user (SignUp).
 *
 * @example
 * const { userConfirmed, codeDelivery } = await signUp(client, {
 *   username: 'alice', password: 'Passw0rd!', attributes: { email: 'alice@example.com', 'custom:team': 'blue' },
 * });
 */
export async function signUp(
  client: CognitoClient,
  input: SignUpInput,
  call?: CallOptions,
): Promise<SignUpResult> {
  const Username = requireUsername(input.username);
  const Password = requirePassword(input.password);
  const answer = await client.signUp(
    {
      Username,
      Password,
      ...(input.attributes ? { UserAttributes: toAttributeList(input.attributes) } : {}),
      ...(input.validationData
        ? { ValidationData: toAttributeList(input.validationData, 'validation data') }
        : {}),
      ...metadataMember(input.clientMetadata),
    },
    call,
  );
  return {
    userConfirmed: answer.UserConfirmed,
    userSub: answer.UserSub,
    codeDelivery: answer.CodeDeliveryDetails
      ? toCodeDelivery(answer.CodeDeliveryDetails)
      : undefined,
    ...(answer.Session ? { session: answer.Session } : {}),
  };
}

/** Input of {@link confirmSignUp}. */
export interface ConfirmSignUpInput {
  username: string;
  code: string;
  /** Move an e-mail / phone alias from another user to this one. */
  forceAliasCreation?: boolean;
  clientMetadata?: ClientMetadata;
  /** SignUp's `session` (newer pools), so the answer's session can sign the user in. */
  session?: string | undefined;
}

/** What {@link confirmSignUp} resolves with. */
export interface ConfirmSignUpResult {
  /**
   * Cognito's session for signing the new user in at once (`USER_AUTH` InitiateAuth with this
   * `Session`; single use, valid for the app client's `AuthSessionValidity`). Absent in pools
   * without choice-based sign-in.
   */
  session: string | undefined;
}

/**
 * Confirms a registration with the code the user received (ConfirmSignUp).
 *
 * @example
 * await confirmSignUp(client, { username: 'alice', code: '123456' });
 */
export async function confirmSignUp(
  client: CognitoClient,
  input: ConfirmSignUpInput,
  call?: CallOptions,
): Promise<ConfirmSignUpResult> {
  const answer = await client.confirmSignUp(
    {
      Username: requireUsername(input.username),
      ConfirmationCode: requireDigitsCode(input.code, 'confirmation code'),
      ...(input.forceAliasCreation === undefined
        ? {}
        : { ForceAliasCreation: input.forceAliasCreation }),
      ...metadataMember(input.clientMetadata),
      ...(input.session ? { Session: input.session } : {}),
    },
    call,
  );
  return {
    session:
      typeof answer.Session === 'string' && answer.Session !== '' ? answer.Session : undefined,
  };
}

/**
 * Sends the sign-up confirmation code again (ResendConfirmationCode).
 *
 * @example
 * const delivery = await resendSignUpCode(client, { username: 'alice' });
 */
export async function resendSignUpCode(
  client: CognitoClient,
  input: { username: string; clientMetadata?: ClientMetadata },
  call?: CallOptions,
): Promise<CodeDelivery | undefined> {
  const answer = await client.resendConfirmationCode(
    { Username: requireUsername(input.username), ...metadataMember(input.clientMetadata) },
    call,
  );
  return answer.CodeDeliveryDetails ? toCodeDelivery(answer.CodeDeliveryDetails) : undefined;
}
