export { SignIn, type SignInProps } from './SignIn.js';
export { SignInForm, type SignInFormProps, type SignInFormValues } from './SignInForm.js';
