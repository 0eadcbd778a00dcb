export { Form, type FormProps } from './Form.js';
export type { FormState, FieldProblem } from './form-context.js';
export { Field, Label, FieldDescription, FieldError, type FieldProps } from './Field.js';
export {
  Input,
  PasswordInput,
  CodeInput,
  Checkbox,
  type InputProps,
  type PasswordInputProps,
} from './Input.js';
export { FormError, StatusMessage } from './FormError.js';
export { SubmitButton, LinkButton, Button, CopyButton, type CopyButtonProps } from './buttons.js';
export { QrCode, type QrCodeProps } from './QrCode.js';
export { ChoiceGroup, type ChoiceGroupProps } from './ChoiceGroup.js';
export { Screen, Links, type ScreenProps } from './Screen.js';
export { fieldText } from './form-data.js';
export { ActionButton, type ActionButtonProps } from './ActionButton.js';
