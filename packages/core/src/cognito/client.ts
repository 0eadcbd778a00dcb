import { invalidInput } from '../errors/index.js';
import { computeSecretHash } from '../srp/secret-hash.js';
import { resolveEndpoint, type CognitoTarget } from './endpoint.js';
import { createTransport, type CallOptions, type RetryPolicy } from './transport.js';
import type * as T from './types.js';
import type { ClientInput } from './types.js';
import { warnIfClientSecretInBrowser } from './secret-in-browser.js';

/** Options of {@link createCognitoClient}. */
export interface CognitoClientOptions {
  /** The app client id. */
  clientId: string;
  /** Only for app clients that have a secret (not for browsers: the secret would be public). */
  clientSecret?: string;
  /** The fetch to send requests with (the emulator's in-process fetch, a test double). */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms. Default 10000. */
  timeout?: number;
  /** Backoff for reads and refreshes; sign-in steps and writes are never re-sent. */
  retry?: RetryPolicy;
}

/**
 * One typed method per Cognito user-pool action. Each takes the wire request without the
 * members the client fills in (`ClientId`, `SecretHash`, `ClientSecret`) and returns the
 * checked wire answer. Every failure rejects with a `CognitoError`.
 */
export interface CognitoClient {
  readonly clientId: string;
  /** The URL every action is POSTed to. */
  readonly endpoint: string;
  /** SECRET_HASH for `username` when the client has a secret, else undefined. */
  secretHash(username: string): Promise<string | undefined>;
  /**
   * Starts a sign-in or refreshes tokens. Pass `AuthParameters.SECRET_HASH` yourself (from
   * {@link CognitoClient.secretHash}) — which username it hashes depends on the step.
   * Refresh flows are retried on transient failures; sign-in flows never are.
   */
  initiateAuth(
    input: ClientInput<T.InitiateAuthRequest>,
    call?: CallOptions,
  ): Promise<T.InitiateAuthResponse>;
  /** Answers a challenge; include `SECRET_HASH` in `ChallengeResponses` when the client has a secret. */
  respondToAuthChallenge(
    input: ClientInput<T.RespondToAuthChallengeRequest>,
    call?: CallOptions,
  ): Promise<T.RespondToAuthChallengeResponse>;
  signUp(input: ClientInput<T.SignUpRequest>, call?: CallOptions): Promise<T.SignUpResponse>;
  confirmSignUp(
    input: ClientInput<T.ConfirmSignUpRequest>,
    call?: CallOptions,
  ): Promise<T.ConfirmSignUpResponse>;
  resendConfirmationCode(
    input: ClientInput<T.ResendConfirmationCodeRequest>,
    call?: CallOptions,
  ): Promise<T.ResendConfirmationCodeResponse>;
  forgotPassword(
    input: ClientInput<T.ForgotPasswordRequest>,
    call?: CallOptions,
  ): Promise<T.ForgotPasswordResponse>;
  confirmForgotPassword(
    input: ClientInput<T.ConfirmForgotPasswordRequest>,
    call?: CallOptions,
  ): Promise<T.ConfirmForgotPasswordResponse>;
  changePassword(
    input: T.ChangePasswordRequest,
    call?: CallOptions,
  ): Promise<T.ChangePasswordResponse>;
  getUser(input: T.GetUserRequest, call?: CallOptions): Promise<T.GetUserResponse>;
  updateUserAttributes(
    input: T.UpdateUserAttributesRequest,
    call?: CallOptions,
  ): Promise<T.UpdateUserAttributesResponse>;
  deleteUserAttributes(
    input: T.DeleteUserAttributesRequest,
    call?: CallOptions,
  ): Promise<T.DeleteUserAttributesResponse>;
  getUserAttributeVerificationCode(
    input: T.GetUserAttributeVerificationCodeRequest,
    call?: CallOptions,
  ): Promise<T.GetUserAttributeVerificationCodeResponse>;
  verifyUserAttribute(
    input: T.VerifyUserAttributeRequest,
    call?: CallOptions,
  ): Promise<T.VerifyUserAttributeResponse>;
  deleteUser(input: T.DeleteUserRequest, call?: CallOptions): Promise<T.DeleteUserResponse>;
  associateSoftwareToken(
    input: T.AssociateSoftwareTokenRequest,
    call?: CallOptions,
  ): Promise<T.AssociateSoftwareTokenResponse>;
  verifySoftwareToken(
    input: T.VerifySoftwareTokenRequest,
    call?: CallOptions,
  ): Promise<T.VerifySoftwareTokenResponse>;
  setUserMFAPreference(
    input: T.SetUserMFAPreferenceRequest,
    call?: CallOptions,
  ): Promise<T.SetUserMFAPreferenceResponse>;
  globalSignOut(
    input: T.GlobalSignOutRequest,
    call?: CallOptions,
  ): Promise<T.GlobalSignOutResponse>;
  revokeToken(
    input: ClientInput<T.RevokeTokenRequest>,
    call?: CallOptions,
  ): Promise<T.RevokeTokenResponse>;
  confirmDevice(
    input: T.ConfirmDeviceRequest,
    call?: CallOptions,
  ): Promise<T.ConfirmDeviceResponse>;
  listDevices(input: T.ListDevicesRequest, call?: CallOptions): Promise<T.ListDevicesResponse>;
  getDevice(input: T.GetDeviceRequest, call?: CallOptions): Promise<T.GetDeviceResponse>;
  updateDeviceStatus(
    input: T.UpdateDeviceStatusRequest,
    call?: CallOptions,
  ): Promise<T.UpdateDeviceStatusResponse>;
  forgetDevice(input: T.ForgetDeviceRequest, call?: CallOptions): Promise<T.ForgetDeviceResponse>;
  startWebAuthnRegistration(
    input: T.StartWebAuthnRegistrationRequest,
    call?: CallOptions,
  ): Promise<T.StartWebAuthnRegistrationResponse>;
  completeWebAuthnRegistration(
    input: T.CompleteWebAuthnRegistrationRequest,
    call?: CallOptions,
  ): Promise<T.CompleteWebAuthnRegistrationResponse>;
  listWebAuthnCredentials(
    input: T.ListWebAuthnCredentialsRequest,
    call?: CallOptions,
  ): Promise<T.ListWebAuthnCredentialsResponse>;
  deleteWebAuthnCredential(
    input: T.DeleteWebAuthnCredentialRequest,
    call?: CallOptions,
  ): Promise<T.DeleteWebAuthnCredentialResponse>;
  /** Newer refresh action (needed with refresh-token rotation); retried on transient failures. */
  getTokensFromRefreshToken(
    input: ClientInput<T.GetTokensFromRefreshTokenRequest>,
    call?: CallOptions,
  ): Promise<T.GetTokensFromRefreshTokenResponse>;
}

const REFRESH_FLOWS: ReadonlySet<T.AuthFlowType> = new Set<T.AuthFlowType>([
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
]);

/**
 * Creates the wire client for one app client of one user pool.
 *
 * @example
 * const client = createCognitoClient({ userPoolId: 'eu-west-2_Zx9Yw8' }, { clientId: '1example23456789' });
 * const { CodeDeliveryDetails } = await client.forgotPassword({ Username: 'alice' });
 *
 * @example
 * // Against the emulator in-process:
 * const client = createCognitoClient({ endpoint: 'http://emulator.local/' }, { clientId, fetch: emulator.fetch });
 */
export function createCognitoClient(
  target: CognitoTarget,
  options: CognitoClientOptions,
): CognitoClient {
  const { clientId, clientSecret } = options;
  if (typeof clientId !== 'string' || clientId === '') throw invalidInput('clientId is required.');
  if (clientSecret === '') throw invalidInput('clientSecret must not be empty when given.');
  if (clientSecret !== undefined) warnIfClientSecretInBrowser();
  const endpoint = resolveEndpoint(target);
  const send = createTransport({
    endpoint,
    fetch: options.fetch,
    timeout: options.timeout ?? 10_000,
    retry: options.retry,
  });

  const secretHash = (username: string): Promise<string | undefined> =>
    clientSecret === undefined
      ? Promise.resolve(undefined)
      : computeSecretHash(username, clientId, clientSecret);

  /** `ClientId` plus `SecretHash` of the request's `Username` when the client has a secret. */
  async function withSecretHash<I extends { Username: string }>(
    input: I,
  ): Promise<I & { ClientId: string; SecretHash?: string }> {
    const hash = await secretHash(input.Username);
    return { ClientId: clientId, ...input, ...(hash === undefined ? {} : { SecretHash: hash }) };
  }
  const withClientSecret = <I extends object>(
    input: I,
  ): I & { ClientId: string; ClientSecret?: string } => ({
    ClientId: clientId,
    ...input,
    ...(clientSecret === undefined ? {} : { ClientSecret: clientSecret }),
  });

  return {
    clientId,
    endpoint,
    secretHash,
    initiateAuth: (input, call) =>
      send(
        'InitiateAuth',
        { ClientId: clientId, ...input },
        REFRESH_FLOWS.has(input.AuthFlow),
        call,
      ),
    respondToAuthChallenge: (input, call) =>
      send('RespondToAuthChallenge', { ClientId: clientId, ...input }, false, call),
    signUp: async (input, call) => send('SignUp', await withSecretHash(input), false, call),
    confirmSignUp: async (input, call) =>
      send('ConfirmSignUp', await withSecretHash(input), false, call),
    resendConfirmationCode: async (input, call) =>
      send('ResendConfirmationCode', await withSecretHash(input), false, call),
    forgotPassword: async (input, call) =>
      send('ForgotPassword', await withSecretHash(input), false, call),
    confirmForgotPassword: async (input, call) =>
      send('ConfirmForgotPassword', await withSecretHash(input), false, call),
    changePassword: (input, call) => send('ChangePassword', input, false, call),
    getUser: (input, call) => send('GetUser', input, true, call),
    updateUserAttributes: (input, call) => send('UpdateUserAttributes', input, false, call),
    deleteUserAttributes: (input, call) => send('DeleteUserAttributes', input, false, call),
    getUserAttributeVerificationCode: (input, call) =>
      send('GetUserAttributeVerificationCode', input, false, call),
    verifyUserAttribute: (input, call) => send('VerifyUserAttribute', input, false, call),
    deleteUser: (input, call) => send('DeleteUser', input, false, call),
    associateSoftwareToken: (input, call) => send('AssociateSoftwareToken', input, false, call),
    verifySoftwareToken: (input, call) => send('VerifySoftwareToken', input, false, call),
    setUserMFAPreference: (input, call) => send('SetUserMFAPreference', input, false, call),
    globalSignOut: (input, call) => send('GlobalSignOut', input, false, call),
    revokeToken: (input, call) => send('RevokeToken', withClientSecret(input), false, call),
    confirmDevice: (input, call) => send('ConfirmDevice', input, false, call),
    listDevices: (input, call) => send('ListDevices', input, true, call),
    getDevice: (input, call) => send('GetDevice', input, true, call),
    updateDeviceStatus: (input, call) => send('UpdateDeviceStatus', input, false, call),
    forgetDevice: (input, call) => send('ForgetDevice', input, false, call),
    startWebAuthnRegistration: (input, call) =>
      send('StartWebAuthnRegistration', input, false, call),
    completeWebAuthnRegistration: (input, call) =>
      send('CompleteWebAuthnRegistration', input, false, call),
    listWebAuthnCredentials: (input, call) => send('ListWebAuthnCredentials', input, true, call),
    deleteWebAuthnCredential: (input, call) => send('DeleteWebAuthnCredential', input, false, call),
    getTokensFromRefreshToken: (input, call) =>
      send('GetTokensFromRefreshToken', withClientSecret(input), true, call),
  };
}
