/**
 * @cognito-kit/react — the main entry, chosen here deliberately (explicit lists, no `export *`):
 *
 * - Provider and hooks: `CognitoProvider`, `useAuth`, `useMfa`, `useUser`, `useSignUp`,
 *   `usePasswordReset`, `useDevices`, `useChangePassword`, `useCognitoAuth`, `queryKeys`.
 * - Prebuilt components and the step views they are composed of (replace any screen).
 * - Messages (i18n): English and German, `errorMessageKey` for every error code.
 * - Theming: `themeCss` (a typed `Theme` as the stylesheet's `--ck-*` tokens) and `ScreenHeader`
 *   (a logo and subtitle on every screen; also in `/parts`, next to `Screen`).
 *
 * The accessible parts the screens are built from live in `@cognito-kit/react/parts`. Headless
 * logic (the auth object, errors, the low-level parts) comes from `@cognito-kit/core`; what the
 * quick start needs from it (the config type, storage adapters, `createAuthFetch`) is re-exported
 * here, so an app needs no import from core for a start.
 */
export {
  CognitoProvider,
  type CognitoProviderProps,
  type RefreshOptions,
} from './provider/CognitoProvider.js';
export { useCognitoAuth } from './provider/context.js';
export { useAuth, type AuthActions, type AuthView, type AuthViewOf } from './hooks/useAuth.js';
export { useMfa, type MfaFactor, type UseMfaOptions, type UseMfaResult } from './hooks/useMfa.js';
export { useUser, type UseUserResult } from './hooks/useUser.js';
export { useSignUp, type UseSignUpResult } from './hooks/useSignUp.js';
export { usePasswordReset, type UsePasswordResetResult } from './hooks/usePasswordReset.js';
export { useDevices, type UseDevicesResult } from './hooks/useDevices.js';
export { usePasskeys, type UsePasskeysResult } from './hooks/usePasskeys.js';
export { useChangePassword, type UseChangePasswordResult } from './hooks/useChangePassword.js';
export { queryKeys } from './hooks/queryKeys.js';
export { selectGroups } from './hooks/groups.js';
// Redirect sign-in (identity providers, the hosted page): with `@cognito-kit/core/oauth`.
export * from './federation/index.js';
export { useAuthFetch, type AuthFetch, type UseAuthFetchOptions } from './hooks/useAuthFetch.js';
// What the quick start needs from core, so an app starts with this one import.
export {
  cookieStorage,
  createAuthFetch,
  keyValueStorage,
  localStorageAdapter,
  memoryStorage,
  sessionStorageAdapter,
  type AuthFetchOptions,
  type CognitoAuthConfig,
  type CookieStorageOptions,
  type KeyValueStore,
  type TokenStorage,
} from '@cognito-kit/core';
// Components and the step views they are composed of, by screen.
export {
  SignIn,
  SignInForm,
  ChallengeStep,
  RememberDeviceStep,
  SelectChallengeStep,
  PasskeyStep,
  OtpCodeStep,
  type SelectChallengeStepProps,
  type PasskeyStepProps,
  type OtpCodeStepProps,
  type SignInProps,
  type SignInOptions,
  type ChallengeOptions,
  type SignInFormProps,
  type SignInFormValues,
  type ChallengeStepProps,
  type RememberDeviceStepProps,
} from './components/SignIn/index.js';
export {
  MfaChallenge,
  MfaCodeForm,
  CodeField,
  SelectMfaForm,
  MfaSetupForm,
  CustomChallengeForm,
  sameCustomChallenge,
  type MfaChallengeProps,
  type MfaCodeFormProps,
  type MfaCodeSource,
  type SelectMfaFormProps,
  type MfaSetupFormProps,
  type MfaSetupChoice,
  type MfaSetupMethod,
  type CustomChallengeFormProps,
  type CustomAnswerRefusedTest,
  type CustomChallengeParameters,
} from './components/MfaChallenge/index.js';
export {
  NewPassword,
  NewPasswordForm,
  type NewPasswordProps,
  type NewPasswordFormProps,
  type NewPasswordValues,
} from './components/NewPassword/index.js';
export {
  TotpSetup,
  TotpSetupView,
  type TotpSetupProps,
  type TotpSetupViewProps,
} from './components/TotpSetup/index.js';
export {
  SignUp,
  SignUpForm,
  type SignUpProps,
  type SignUpFormProps,
  type SignUpFormValues,
} from './components/SignUp/index.js';
export {
  ConfirmSignUp,
  ConfirmSignUpForm,
  type ConfirmSignUpProps,
  type ConfirmSignUpFormProps,
} from './components/ConfirmSignUp/index.js';
export {
  ForgotPassword,
  RequestResetForm,
  ConfirmResetForm,
  type ForgotPasswordProps,
  type RequestResetFormProps,
  type ConfirmResetFormProps,
} from './components/ForgotPassword/index.js';
export {
  Authenticator,
  type AuthenticatorProps,
  type AuthenticatorScreen,
  type AuthenticatorSignInOptions,
} from './components/Authenticator/index.js';
export { RequireAuth, type RequireAuthProps } from './components/RequireAuth/index.js';
export {
  SecuritySettings,
  ChangePasswordForm,
  MfaPreferenceForm,
  DeviceList,
  PasskeyList,
  PasskeySection,
  type PasskeyListProps,
  type PasskeyListItem,
  type SecuritySettingsProps,
  type ChangePasswordFormProps,
  type MfaPreferenceFormProps,
  type DeviceListProps,
  type DeviceListItem,
} from './components/SecuritySettings/index.js';
export {
  PasswordSettings,
  usePasswordSettings,
  type PasswordSettingsProps,
  type PasswordSettingsValue,
} from './components/PasswordSettings.js';
export { isCodeError } from './components/code-errors.js';
export { themeCss, type Theme, type ThemeColors } from './theme/index.js';
export { ScreenHeader, type ScreenHeaderProps } from './parts/Screen.js';
export type { CodeDelivery } from './components/delivery.js';
export {
  en,
  de,
  es,
  fr,
  it,
  ptBR,
  nl,
  sv,
  pl,
  ja,
  zhCN,
  ko,
  ar,
  pickMessages,
  errorMessageKey,
  errorText,
  AnswerNotAcceptedError,
  MessagesProvider,
  useMessages,
  mergeMessages,
  type Messages,
  type ErrorMessageKey,
  type ErrorScreen,
  type DeliveryMedium,
  type MfaMethodName,
  type FirstFactorName,
  type PasswordRule,
  type MessagesProviderProps,
  type MessagesOverride,
} from './messages/index.js';
