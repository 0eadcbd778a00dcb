/** Every prebuilt component and the step views they are composed of (explicit, by screen). */
export {
  SignIn,
  SignInForm,
  ChallengeStep,
  RememberDeviceStep,
  type SignInProps,
  type SignInOptions,
  type ChallengeOptions,
  type SignInFormProps,
  type SignInFormValues,
  type ChallengeStepProps,
  type RememberDeviceStepProps,
} from './SignIn/index.js';
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
} from './MfaChallenge/index.js';
export {
  NewPassword,
  NewPasswordForm,
  type NewPasswordProps,
  type NewPasswordFormProps,
  type NewPasswordValues,
} from './NewPassword/index.js';
export {
  TotpSetup,
  TotpSetupView,
  type TotpSetupProps,
  type TotpSetupViewProps,
} from './TotpSetup/index.js';
export {
  SignUp,
  SignUpForm,
  type SignUpProps,
  type SignUpFormProps,
  type SignUpFormValues,
} from './SignUp/index.js';
export {
  ConfirmSignUp,
  ConfirmSignUpForm,
  type ConfirmSignUpProps,
  type ConfirmSignUpFormProps,
} from './ConfirmSignUp/index.js';
export {
  ForgotPassword,
  RequestResetForm,
  ConfirmResetForm,
  type ForgotPasswordProps,
  type RequestResetFormProps,
  type ConfirmResetFormProps,
} from './ForgotPassword/index.js';
export {
  Authenticator,
  type AuthenticatorProps,
  type AuthenticatorScreen,
  type AuthenticatorSignInOptions,
} from './Authenticator/index.js';
export { RequireAuth, type RequireAuthProps } from './RequireAuth/index.js';
export {
  SecuritySettings,
  ChangePasswordForm,
  MfaPreferenceForm,
  DeviceList,
  type SecuritySettingsProps,
  type ChangePasswordFormProps,
  type MfaPreferenceFormProps,
  type DeviceListProps,
  type DeviceListItem,
} from './SecuritySettings/index.js';
export {
  PasswordSettings,
  usePasswordSettings,
  type PasswordSettingsProps,
  type PasswordSettingsValue,
} from './PasswordSettings.js';
export { checkPassword, policyRules, type PasswordPolicy } from './password-policy.js';
export { isCodeError } from './code-errors.js';
export type { CodeDelivery } from './delivery.js';
