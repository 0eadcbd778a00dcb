import type { PasswordRule } from '@cognito-kit/core';

/**
 * Keys of the error texts. Several Cognito codes share one key: a person needs to know what to do
 * next, not which exception name the service used.
 */
export type ErrorMessageKey =
  | 'incorrectCredentials'
  /** Changing the password: the current password is not right. */
  | 'incorrectCurrentPassword'
  /** A passwordless sign-in ended without signing in (its answers ran out, or were refused). */
  | 'passwordlessFailed'
  /** Confirming a sign-up Cognito refuses: the account is confirmed already. */
  | 'alreadyConfirmed'
  | 'userNotConfirmed'
  | 'passwordResetRequired'
  | 'codeMismatch'
  | 'codeExpired'
  | 'tooManyAttempts'
  | 'invalidPassword'
  | 'usernameExists'
  | 'invalidParameter'
  | 'codeDeliveryFailed'
  | 'mfaMethodNotFound'
  /** A custom challenge was asked again after an answer (see `AnswerNotAcceptedError`). */
  | 'answerNotAccepted'
  | 'sessionExpired'
  | 'network'
  | 'rejectedByTrigger'
  | 'configuration'
  /** A redirect sign-in's callback is not this tab's (tampered state, used twice, other tab). */
  | 'redirectRefused'
  /** Cognito or the identity provider refused or the user cancelled there (`error=`). */
  | 'providerRefused'
  /** The passkey prompt was dismissed or timed out (`PasskeyCancelled`). */
  | 'passkeyCancelled'
  | 'passkeyUnavailable'
  | 'passkeyFailed'
  | 'unexpected';

/** A first factor of choice-based sign-in, as core names it. */
export type FirstFactorName = 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP' | 'PASSWORD';

/** A rule of a user pool's password policy (defined in core, next to `checkPassword`). */
export type { PasswordRule };

/** How a code was delivered, as Cognito's `CodeDeliveryDetails.DeliveryMedium` names it. */
export type DeliveryMedium = 'EMAIL' | 'SMS';

/** The MFA methods Cognito can challenge with. */
export type MfaMethodName = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/**
 * Every visible string of the components. A locale is a complete `Messages` object, so a missing
 * translation is a type error; apps override single strings through `MessagesProvider`.
 */
export interface Messages {
  /** BCP 47 tag, used for `lang` and date formatting. */
  locale: string;
  /** Writing direction, set as `dir` on every screen (`rtl` for Arabic, Hebrew, …). */
  direction: 'ltr' | 'rtl';
  fields: {
    username: string;
    password: string;
    currentPassword: string;
    newPassword: string;
    /** The optional second entry of a new password. */
    confirmPassword: string;
    email: string;
    phoneNumber: string;
    code: string;
    answer: string;
    /** Label of a user attribute Cognito asks for; `name` is the attribute name without prefix. */
    attribute: (name: string) => string;
  };
  actions: {
    signIn: string;
    signUp: string;
    signOut: string;
    submit: string;
    verify: string;
    continue: string;
    sendCode: string;
    resendCode: string;
    resetPassword: string;
    changePassword: string;
    copy: string;
    copied: string;
    pending: string;
    forgotPassword: string;
    createAccount: string;
    backToSignIn: string;
    haveCode: string;
    setUpTotp: string;
    cancel: string;
    forgetDevice: string;
    save: string;
    /** The show / hide toggle of a password field (a toggle button: its state is `aria-pressed`). */
    showPassword: string;
  };
  signIn: {
    title: string;
    /** The checkbox on the form (when the app says its pool tracks devices). */
    rememberDevice: string;
    /** The question after sign-in, when Cognito's answer says it tracks this device. */
    rememberDeviceTitle: string;
    rememberDeviceDescription: string;
    rememberDeviceYes: string;
    rememberDeviceNo: string;
    /** Heading and text shown on the sign-in form a confirmed sign-up leads to. */
    signUpConfirmedTitle: string;
    signUpConfirmed: string;
  };
  newPassword: {
    title: string;
    description: string;
  };
  mfa: {
    title: string;
    codeSent: (medium: DeliveryMedium, destination: string) => string;
    totpDescription: string;
    selectTitle: string;
    selectDescription: string;
    method: (method: MfaMethodName) => string;
    setupTitle: string;
    setupDescription: string;
    emailSetupDescription: string;
    customTitle: string;
  };
  totp: {
    title: string;
    instructions: string;
    qrLabel: string;
    secretLabel: string;
    codeDescription: string;
    success: string;
  };
  signUp: {
    title: string;
  };
  confirmSignUp: {
    title: string;
    description: string;
    codeSent: (medium: DeliveryMedium, destination: string) => string;
    codeResent: string;
    success: string;
  };
  forgotPassword: {
    title: string;
    description: string;
    confirmTitle: string;
    success: string;
  };
  security: {
    title: string;
    mfaTitle: string;
    mfaPreferred: string;
    mfaNone: string;
    /** Shown instead of the choice while the user has no second step to prefer. */
    mfaNothingToChoose: string;
    mfaSaved: string;
    devicesTitle: string;
    noDevices: string;
    unnamedDevice: string;
    lastUsed: (date: Date) => string;
    changePasswordTitle: string;
    passwordChanged: string;
    loading: string;
  };
  /** Choice-based sign-in (USER_AUTH): picking a first factor and its steps. */
  passwordless: {
    chooseTitle: string;
    chooseDescription: string;
    /** The button of each first factor. */
    factors: Record<FirstFactorName, string>;
    /** Back to the choice of first factors (a new sign-in with the same username). */
    useAnotherWay: string;
    emailCodeTitle: string;
    smsCodeTitle: string;
    passkeyTitle: string;
    passkeyDescription: string;
    passkeyRetry: string;
    passwordTitle: string;
  };
  /** The passkeys section of the security settings. */
  passkeys: {
    title: string;
    description: string;
    none: string;
    add: string;
    added: string;
    /** When the passkey was registered (Cognito's `CreatedAt`). */
    created: (date: Date) => string;
    remove: string;
    removeConfirm: string;
    confirmRemove: string;
    removed: string;
    unsupported: string;
  };
  validation: {
    required: string;
    codeFormat: string;
    emailFormat: string;
    phoneFormat: string;
    passwordMismatch: string;
    /** The password breaks a rule of the policy; the rules list under the field says which. */
    passwordRules: string;
  };
  /** The password policy, as a list under new-password fields and in refusals. */
  passwordRules: {
    /** Heading of the rules list. */
    title: string;
    minimumLength: (length: number) => string;
    requireLowercase: string;
    requireUppercase: string;
    requireNumbers: string;
    requireSymbols: string;
    /** Read after a rule the password meets / does not meet yet. */
    met: string;
    unmet: string;
    /** Cognito refused the password for one rule (InvalidPasswordException names it). */
    refused: Record<PasswordRule, string>;
  };
  errors: Record<ErrorMessageKey, string>;
  /** Sign-in through an identity provider or the hosted page (`identityProviders`, `OAuthCallback`). */
  federation: {
    /** A provider button's label. */
    continueWith: (provider: string) => string;
    /** Between the provider buttons and the password form. */
    divider: string;
    /** Accessible name of the group of provider buttons. */
    providers: string;
    /** `OAuthCallback` while the code is exchanged. */
    finishing: string;
  };
}
