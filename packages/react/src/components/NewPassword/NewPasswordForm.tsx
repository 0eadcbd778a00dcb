import { useMessages } from '../../messages/MessagesProvider.js';
import {
  Field,
  FieldError,
  Form,
  FormError,
  Input,
  Label,
  PasswordInput,
  Screen,
  SubmitButton,
  fieldText,
} from '../../parts/index.js';
import { ATTRIBUTE_AUTOCOMPLETE, ATTRIBUTE_INPUT_TYPE } from '../attribute-inputs.js';

/** What {@link NewPasswordForm} submits. */
export interface NewPasswordValues {
  newPassword: string;
  /** The required attributes the user filled in (names without the `userAttributes.` prefix). */
  attributes: Record<string, string>;
}

/** Props of {@link NewPasswordForm}. */
export interface NewPasswordFormProps {
  /** Attribute names Cognito requires (NEW_PASSWORD_REQUIRED `requiredAttributes`). */
  requiredAttributes: readonly string[];
  /** Current attributes; required ones that already have a value are not asked again. */
  userAttributes?: Readonly<Record<string, string>>;
  onSubmit: (values: NewPasswordValues) => unknown;
  error?: unknown;
  className?: string;
}

/** The NEW_PASSWORD_REQUIRED step: a new password plus any required attribute still missing. */
export function NewPasswordForm(props: NewPasswordFormProps) {
  const m = useMessages();
  const missing = props.requiredAttributes.filter((name) => !props.userAttributes?.[name]);
  return (
    <Screen
      title={m.newPassword.title}
      description={m.newPassword.description}
      className={props.className}
    >
      <Form
        aria-label={m.newPassword.title}
        error={props.error}
        onSubmit={(data) =>
          props.onSubmit({
            newPassword: fieldText(data, 'newPassword', { trim: false }),
            attributes: Object.fromEntries(
              missing.map((name) => [name, fieldText(data, `attr:${name}`)]),
            ),
          })
        }
      >
        <Field name="newPassword">
          <Label>{m.fields.newPassword}</Label>
          <PasswordInput autoComplete="new-password" required />
          <FieldError />
        </Field>
        {missing.map((name) => (
          <Field name={`attr:${name}`} key={name}>
            <Label>{m.fields.attribute(name)}</Label>
            <Input
              type={ATTRIBUTE_INPUT_TYPE[name] ?? 'text'}
              autoComplete={ATTRIBUTE_AUTOCOMPLETE[name] ?? 'on'}
              required
            />
            <FieldError />
          </Field>
        ))}
        <FormError />
        <SubmitButton>{m.actions.continue}</SubmitButton>
      </Form>
    </Screen>
  );
}
