export { SignIn, type SignInProps } from './SignIn.js';
export type { SignInOptions, ChallengeOptions } from './sign-in-options.js';
export { SignInForm, type SignInFormProps, type SignInFormValues } from './SignInForm.js';
export { ChallengeStep, type ChallengeStepProps } from './ChallengeStep.js';
export { RememberDeviceStep, type RememberDeviceStepProps } from './RememberDeviceStep.js';
