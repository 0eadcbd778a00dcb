/**
 * @cognito-kit/react — the public API, chosen here deliberately.
 *
 * - Provider and hooks: `CognitoProvider`, `useAuth`, `useMfa`, `useUser`, `useSignUp`,
 *   `usePasswordReset`, `useDevices`, `useChangePassword`, `useCognitoAuth`, `queryKeys`.
 * - Prebuilt components and the step views they are composed of (replace any screen).
 * - Accessible parts to build your own screens.
 * - Messages (i18n): English and German, `errorMessageKey` for every error code.
 *
 * Headless logic (the auth object, storage adapters, `authFetch`, errors) comes from
 * `@cognito-kit/core`.
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
export { useChangePassword, type UseChangePasswordResult } from './hooks/useChangePassword.js';
export { queryKeys } from './hooks/queryKeys.js';
export * from './components/index.js';
export * from './parts/index.js';
export * from './messages/index.js';
