export type { AccessTokenSource, ClientMetadata, CodeDelivery, UserAttributes } from './shared.js';
export {
  confirmSignUp,
  resendSignUpCode,
  signUp,
  type ConfirmSignUpInput,
  type ConfirmSignUpResult,
  type SignUpInput,
  type SignUpResult,
} from './sign-up.js';
export {
  changePassword,
  confirmForgotPassword,
  forgotPassword,
  type ConfirmForgotPasswordInput,
} from './password.js';
export {
  deleteUser,
  deleteUserAttributes,
  getUserAttributes,
  sendAttributeVerificationCode,
  updateUserAttributes,
  verifyUserAttribute,
  type UserProfile,
} from './attributes.js';
export {
  associateTotp,
  buildTotpUri,
  setMfaPreference,
  verifyTotp,
  type MfaMethod,
  type MfaPreferenceInput,
  type TotpSetup,
  type TotpUriInput,
} from './mfa.js';
export {
  forgetDevice,
  getDevice,
  listAllDevices,
  listDevices,
  rememberDevice,
  setDeviceRemembered,
  type Device,
  type DevicePage,
  type RememberDeviceInput,
  type RememberedDevice,
} from './devices.js';
export { globalSignOut, revokeToken } from './sign-out.js';
export { deletePasskey, listPasskeys, registerPasskey, type Passkey } from './passkeys.js';
