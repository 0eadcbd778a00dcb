export { ForgotPassword, type ForgotPasswordProps } from './ForgotPassword.js';
export {
  RequestResetForm,
  ConfirmResetForm,
  type RequestResetFormProps,
  type ConfirmResetFormProps,
} from './ForgotPasswordForms.js';
