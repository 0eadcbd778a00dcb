/**
 * `@cognito-kit/react/parts`: the accessible pieces every prebuilt screen is composed of, to build
 * your own. Each takes a `ref` and the props of the element it renders; your props are applied
 * after the ones a part computes, and `className`, `aria-describedby` and `aria-labelledby` are
 * joined rather than replaced.
 */
export { Form, type FormProps } from './Form.js';
export type { FormState, FieldProblem, FieldCheck } from './form-context.js';
export { matchesField } from './field-checks.js';
export { Field, Label, FieldDescription, FieldError, type FieldProps } from './Field.js';
export {
  Input,
  PasswordInput,
  CodeInput,
  Checkbox,
  type InputProps,
  type PasswordInputProps,
} from './Input.js';
export {
  FormError,
  StatusMessage,
  type FormErrorProps,
  type StatusMessageProps,
} from './FormError.js';
export { SubmitButton, LinkButton, Button, CopyButton, type CopyButtonProps } from './buttons.js';
export { QrCode, type QrCodeProps } from './QrCode.js';
export { ChoiceGroup, type ChoiceGroupProps } from './ChoiceGroup.js';
export {
  Screen,
  ScreenFooter,
  ScreenHeader,
  Links,
  type ScreenProps,
  type ScreenFooterProps,
  type ScreenHeaderProps,
} from './Screen.js';
export { fieldText } from './form-data.js';
export { mergeProps, joinTokens } from './merge-props.js';
export { ActionButton, type ActionButtonProps } from './ActionButton.js';
