export { MfaChallenge, type MfaChallengeProps } from './MfaChallenge.js';
export {
  MfaCodeForm,
  CodeField,
  type MfaCodeFormProps,
  type MfaCodeSource,
} from './MfaCodeForm.js';
export { SelectMfaForm, type SelectMfaFormProps } from './SelectMfaForm.js';
export {
  MfaSetupForm,
  type MfaSetupFormProps,
  type MfaSetupChoice,
  type MfaSetupMethod,
} from './MfaSetupForm.js';
export { CustomChallengeForm, type CustomChallengeFormProps } from './CustomChallengeForm.js';
export {
  sameCustomChallenge,
  type CustomAnswerRefusedTest,
  type CustomChallengeParameters,
} from './custom-answer.js';
