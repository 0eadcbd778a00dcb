export { NewPassword, type NewPasswordProps } from './NewPassword.js';
export {
  NewPasswordForm,
  type NewPasswordFormProps,
  type NewPasswordValues,
} from './NewPasswordForm.js';
