export { SignIn, type SignInProps } from './SignIn.js';
export type { SignInOptions, ChallengeOptions } from './sign-in-options.js';
export { SignInForm, type SignInFormProps, type SignInFormValues } from './SignInForm.js';
export { ChallengeStep, type ChallengeStepProps } from './ChallengeStep.js';
export { RememberDeviceStep, type RememberDeviceStepProps } from './RememberDeviceStep.js';
export { SelectChallengeStep, type SelectChallengeStepProps } from './SelectChallengeStep.js';
export { PasskeyStep, type PasskeyStepProps } from './PasskeyStep.js';
export { OtpCodeStep, type OtpCodeStepProps } from './OtpCodeStep.js';
