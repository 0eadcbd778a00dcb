/** Every prebuilt component and the step views they are composed of. */
export * from './SignIn/index.js';
export * from './MfaChallenge/index.js';
export * from './NewPassword/index.js';
export * from './TotpSetup/index.js';
export * from './SignUp/index.js';
export * from './ConfirmSignUp/index.js';
export * from './ForgotPassword/index.js';
export * from './Authenticator/index.js';
export * from './RequireAuth/index.js';
export * from './SecuritySettings/index.js';
export { isCodeError } from './code-errors.js';
export type { CodeDelivery } from './delivery.js';
