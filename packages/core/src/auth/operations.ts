import type {
  AccessTokenSource,
  ClientMetadata,
  CodeDelivery,
  ConfirmForgotPasswordInput,
  ConfirmSignUpInput,
  Device,
  DevicePage,
  MfaPreferenceInput,
  Passkey,
  SignUpInput,
  SignUpResult,
  UserAttributes,
  UserProfile,
} from '../account/index.js';
import type { CognitoClient } from '../cognito/client.js';
import type { CallOptions } from '../cognito/transport.js';
import type { AuthState } from '../machine/state.js';
import type { Session } from '../session/session-types.js';
import type { PasskeyAuthenticator } from '../webauthn/types.js';

/** The signed-in user's profile: attributes, their verification, and the account itself. */
export interface UserOperations {
  /** Attributes and MFA settings (GetUser). */
  getAttributes(call?: CallOptions): Promise<UserProfile>;
  /** Changes attributes; resolves with where verification codes went (e-mail, phone changes). */
  updateAttributes(attributes: UserAttributes, call?: CallOptions): Promise<CodeDelivery[]>;
  deleteAttributes(names: readonly string[], call?: CallOptions): Promise<void>;
  /** Sends a verification code for `email` or `phone_number`. */
  sendVerificationCode(
    input: { attributeName: string; clientMetadata?: ClientMetadata },
    call?: CallOptions,
  ): Promise<CodeDelivery | undefined>;
  verifyAttribute(
    input: { attributeName: string; code: string },
    call?: CallOptions,
  ): Promise<void>;
  /**
   * Deletes the user for good (DeleteUser), then signs out here: the tokens are worthless now, so
   * the local session is cleared whatever Cognito answers to the sign-out.
   */
  delete(call?: CallOptions): Promise<void>;
}

/** Authenticator-app setup and the MFA preference. */
export interface MfaOperations {
  /**
   * Starts authenticator setup (AssociateSoftwareToken): the secret, and its `otpauth://` URI
   * labelled with `issuer` (default the config's `totpIssuer`) and the user's e-mail claim, else
   * their username.
   */
  setupTotp(options?: { issuer?: string }, call?: CallOptions): Promise<TotpSetupResult>;
  /**
   * Checks the first code from the app (VerifySoftwareToken), then turns TOTP on as the
   * preferred factor: verifying alone leaves it off, which is never what a user setting it up
   * wants.
   */
  enableTotp(code: string, options?: { friendlyDeviceName?: string }): Promise<void>;
  /** SetUserMFAPreference (see `mfaPreferenceFor` / `mfaEnabledFor` for common inputs). */
  setPreference(input: MfaPreferenceInput, call?: CallOptions): Promise<void>;
}

/** What {@link MfaOperations.setupTotp} resolves with. */
export interface TotpSetupResult {
  /** Base32 shared secret; show it as text next to the QR code. */
  secretCode: string;
  /** `otpauth://totp/…` for the QR code. */
  uri: string;
}

/** The user's tracked devices. */
export interface DeviceOperations {
  list(input?: { limit?: number; nextToken?: string }, call?: CallOptions): Promise<DevicePage>;
  /** Every page of {@link DeviceOperations.list}. */
  listAll(call?: CallOptions): Promise<Device[]>;
  get(deviceKey: string, call?: CallOptions): Promise<Device>;
  /**
   * Stops tracking a device (ForgetDevice). For this browser's own device its stored secrets go
   * too: device SRP with forgotten secrets would fail at the next sign-in.
   */
  forget(deviceKey: string, call?: CallOptions): Promise<void>;
  /** Marks a device remembered or not (UpdateDeviceStatus). */
  setRemembered(
    input: { deviceKey: string; remembered: boolean },
    call?: CallOptions,
  ): Promise<void>;
}

/** Password change (signed in) and reset (signed out). */
export interface PasswordOperations {
  change(input: { oldPassword: string; newPassword: string }, call?: CallOptions): Promise<void>;
  /** Sends a reset code (ForgotPassword); resolves with where it went (masked). */
  forgot(
    input: { username: string; clientMetadata?: ClientMetadata },
    call?: CallOptions,
  ): Promise<CodeDelivery | undefined>;
  /** Sets the new password with the code (ConfirmForgotPassword). */
  confirmForgot(input: ConfirmForgotPasswordInput, call?: CallOptions): Promise<void>;
}

/** Self-service sign-up (no session needed). */
export interface RegistrationOperations {
  /** Registers a user; `userConfirmed` is false when a code must be entered. */
  signUp(input: SignUpInput, call?: CallOptions): Promise<SignUpResult>;
  /**
   * Confirms the sign-up code. With `autoSignIn: true` the user is then signed in without being
   * asked again (ConfirmSignUp's session into a `USER_AUTH` InitiateAuth; the app client needs
   * `ALLOW_USER_AUTH`): it resolves with the resulting auth state, or null when Cognito gave no
   * session to sign in with (older pools) and the user must sign in as usual.
   */
  confirm(
    input: ConfirmSignUpInput & { autoSignIn?: boolean },
    call?: CallOptions,
  ): Promise<AuthState | null>;
  resendCode(
    input: { username: string; clientMetadata?: ClientMetadata },
    call?: CallOptions,
  ): Promise<CodeDelivery | undefined>;
}

/** The signed-in user's passkeys. */
export interface PasskeyOperations {
  /**
   * Creates a passkey: Cognito's options, the browser's prompt (or the configured
   * authenticator), Cognito's check. Rejects `PasskeyCancelled` when the prompt is dismissed.
   */
  register(call?: CallOptions): Promise<void>;
  list(call?: CallOptions): Promise<Passkey[]>;
  /** Removes the passkey with this credential id. */
  delete(id: string, call?: CallOptions): Promise<void>;
}

/** What the operations need of the facade. */
export interface OperationsContext {
  client: CognitoClient;
  accessToken: AccessTokenSource;
  current(): Session | null;
  forgetDeviceSecrets(owner: string): Promise<void>;
  signOut(): Promise<unknown>;
  totpIssuer: string;
  /** Signs a just-confirmed user in with ConfirmSignUp's session (the runner's `autoSignIn`). */
  autoSignIn(input: {
    username: string;
    session: string;
    clientMetadata?: Record<string, string> | undefined;
  }): Promise<AuthState>;
  /** The passkey authenticator, loaded on first use. */
  passkeys(): Promise<PasskeyAuthenticator>;
}

/**
 * The account functions, loaded when an app first calls one of them: an app that only signs in
 * never ships them (a bundler puts them in a chunk of their own), and one that does loads them
 * once, on first use.
 */
const account = () => import('../account/index.js');
type Account = Awaited<ReturnType<typeof account>>;

/** The account operations of `createCognitoAuth`, each keeping the invariants its calls share. */
export function createOperations(ctx: OperationsContext) {
  const { client, accessToken: token } = ctx;
  /** An operation that calls account function `pick(module)` with the client and token source. */
  const signedIn =
    <A extends unknown[], R>(
      pick: (m: Account) => (c: CognitoClient, t: AccessTokenSource, ...args: A) => Promise<R>,
    ) =>
    async (...args: A) =>
      pick(await account())(client, token, ...args);
  /** An operation that calls account function `pick(module)` with the client (no session). */
  const signedOut =
    <A extends unknown[], R>(pick: (m: Account) => (c: CognitoClient, ...args: A) => Promise<R>) =>
    async (...args: A) =>
      pick(await account())(client, ...args);

  const user: UserOperations = {
    getAttributes: signedIn((m) => m.getUserAttributes),
    updateAttributes: async (attributes, call) =>
      (await account()).updateUserAttributes(client, token, { attributes }, call),
    deleteAttributes: signedIn((m) => m.deleteUserAttributes),
    sendVerificationCode: signedIn((m) => m.sendAttributeVerificationCode),
    verifyAttribute: signedIn((m) => m.verifyUserAttribute),
    async delete(call) {
      await (await account()).deleteUser(client, token, call);
      await ctx.signOut();
    },
  };

  const mfa: MfaOperations = {
    async setupTotp(options = {}, call) {
      const setup = await (await account()).associateTotp(client, token, call);
      const session = ctx.current();
      const email = session?.idClaims['email'];
      const accountName = typeof email === 'string' ? email : (session?.username ?? 'user');
      const issuer = options.issuer ?? ctx.totpIssuer;
      return { secretCode: setup.secretCode, uri: setup.uri({ issuer, accountName }) };
    },
    async enableTotp(code, options = {}) {
      const { verifyTotp, setMfaPreference } = await account();
      await verifyTotp(client, token, { code, ...options });
      await setMfaPreference(client, token, { totp: true, preferred: 'totp' });
    },
    setPreference: signedIn((m) => m.setMfaPreference),
  };

  const devices: DeviceOperations = {
    list: signedIn((m) => m.listDevices),
    listAll: signedIn((m) => m.listAllDevices),
    get: signedIn((m) => m.getDevice),
    async forget(deviceKey, call) {
      const session = ctx.current();
      await (await account()).forgetDevice(client, token, deviceKey, call);
      if (session !== null && session.deviceKey === deviceKey) {
        await ctx.forgetDeviceSecrets(session.username);
      }
    },
    setRemembered: signedIn((m) => m.setDeviceRemembered),
  };

  const password: PasswordOperations = {
    change: signedIn((m) => m.changePassword),
    forgot: signedOut((m) => m.forgotPassword),
    confirmForgot: signedOut((m) => m.confirmForgotPassword),
  };

  // SignUp's session, by username, for the ConfirmSignUp that may sign the user in (as Amplify).
  const signUpSessions = new Map<string, string>();
  const registration: RegistrationOperations = {
    async signUp(input, call) {
      const result = await (await account()).signUp(client, input, call);
      if (result.session) signUpSessions.set(input.username.trim(), result.session);
      return result;
    },
    async confirm({ autoSignIn = false, ...input }, call) {
      const username = input.username.trim();
      const { session } = await (
        await account()
      ).confirmSignUp(
        client,
        { ...input, session: input.session ?? signUpSessions.get(username) },
        call,
      );
      signUpSessions.delete(username);
      if (!autoSignIn || !session) return null;
      return ctx.autoSignIn({ username, session, clientMetadata: input.clientMetadata });
    },
    resendCode: signedOut((m) => m.resendSignUpCode),
  };

  const passkeys: PasskeyOperations = {
    register: async (call) =>
      (await account()).registerPasskey(client, token, await ctx.passkeys(), call),
    list: signedIn((m) => m.listPasskeys),
    delete: signedIn((m) => m.deletePasskey),
  };

  return { user, mfa, devices, password, registration, passkeys };
}
