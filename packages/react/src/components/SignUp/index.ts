export { SignUp, type SignUpProps } from './SignUp.js';
export { SignUpForm, type SignUpFormProps, type SignUpFormValues } from './SignUpForm.js';
