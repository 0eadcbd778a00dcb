import { useMessages } from '../../messages/MessagesProvider.js';
import {
  Field,
  FieldError,
  Form,
  FormError,
  Input,
  Label,
  LinkButton,
  Links,
  PasswordInput,
  Screen,
  SubmitButton,
  fieldText,
} from '../../parts/index.js';
import { ATTRIBUTE_AUTOCOMPLETE, ATTRIBUTE_INPUT_TYPE } from '../attribute-inputs.js';

/** What {@link SignUpForm} submits. */
export interface SignUpFormValues {
  username: string;
  password: string;
  /** Attribute values by name (`email`, `custom:team`…). */
  attributes: Record<string, string>;
}

/** Props of {@link SignUpForm}. */
export interface SignUpFormProps {
  onSubmit: (values: SignUpFormValues) => unknown;
  /** Attributes to ask for, all required. Default: `['email']`. */
  attributes?: readonly string[];
  /** Shows a "Back to sign in" link when given. */
  onSignIn?: () => void;
  className?: string;
}

/** The sign-up form: username, password and the pool's required attributes. */
export function SignUpForm({
  onSubmit,
  attributes = ['email'],
  onSignIn,
  className,
}: SignUpFormProps) {
  const m = useMessages();
  return (
    <Screen title={m.signUp.title} className={className}>
      <Form
        aria-label={m.signUp.title}
        onSubmit={(data) =>
          onSubmit({
            username: fieldText(data, 'username'),
            password: fieldText(data, 'password', { trim: false }),
            attributes: Object.fromEntries(
              attributes.map((a) => [a, fieldText(data, `attr:${a}`)]),
            ),
          })
        }
      >
        <Field name="username">
          <Label>{m.fields.username}</Label>
          <Input autoComplete="username" autoCapitalize="none" spellCheck={false} required />
          <FieldError />
        </Field>
        <Field name="password">
          <Label>{m.fields.password}</Label>
          <PasswordInput autoComplete="new-password" required />
          <FieldError />
        </Field>
        {attributes.map((name) => (
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
        <SubmitButton>{m.actions.signUp}</SubmitButton>
      </Form>
      {onSignIn ? (
        <Links>
          <LinkButton onClick={onSignIn}>{m.actions.backToSignIn}</LinkButton>
        </Links>
      ) : null}
    </Screen>
  );
}
