export { ConfirmSignUp, type ConfirmSignUpProps } from './ConfirmSignUp.js';
export { ConfirmSignUpForm, type ConfirmSignUpFormProps } from './ConfirmSignUpForm.js';
