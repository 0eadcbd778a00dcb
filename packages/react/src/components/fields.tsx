import { useMessages } from '../messages/MessagesProvider.js';
import {
  ActionButton,
  Field,
  FieldError,
  Input,
  Label,
  LinkButton,
  PasswordInput,
  fieldText,
} from '../parts/index.js';
import { ATTRIBUTE_AUTOCOMPLETE, ATTRIBUTE_INPUT_TYPE } from './attribute-inputs.js';

/** The `username` field of the sign-in, sign-up, confirmation and reset forms. */
export function UsernameField({ defaultValue }: { defaultValue?: string | undefined }) {
  const m = useMessages();
  return (
    <Field name="username">
      <Label>{m.fields.username}</Label>
      <Input
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={defaultValue}
      />
      <FieldError />
    </Field>
  );
}

/** A required password field; `autoComplete` tells password managers whether to fill or suggest. */
export function PasswordField(props: {
  name: string;
  label: string;
  autoComplete: 'current-password' | 'new-password';
}) {
  return (
    <Field name={props.name}>
      <Label>{props.label}</Label>
      <PasswordInput autoComplete={props.autoComplete} required />
      <FieldError />
    </Field>
  );
}

/** The field of a new password (`newPassword`). */
export function NewPasswordField() {
  const m = useMessages();
  return (
    <PasswordField name="newPassword" label={m.fields.newPassword} autoComplete="new-password" />
  );
}

// Attribute fields are named `attr:<name>`, so no attribute can clash with the other fields.
const attributeField = (name: string) => `attr:${name}`;

/** One required field per attribute, typed and autocompleted where the attribute is standard. */
export function AttributeFields({ names }: { names: readonly string[] }) {
  const m = useMessages();
  return names.map((name) => (
    <Field name={attributeField(name)} key={name}>
      <Label>{m.fields.attribute(name)}</Label>
      <Input
        type={ATTRIBUTE_INPUT_TYPE[name] ?? 'text'}
        autoComplete={ATTRIBUTE_AUTOCOMPLETE[name] ?? 'on'}
        required
      />
      <FieldError />
    </Field>
  ));
}

/** The values of {@link AttributeFields} by attribute name. */
export function attributeValues(data: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, fieldText(data, attributeField(name))]));
}

/** The "Back to sign in" link, when there is somewhere to go back to. */
export function BackToSignInLink({ onClick }: { onClick: (() => void) | undefined }) {
  const m = useMessages();
  return onClick ? <LinkButton onClick={onClick}>{m.actions.backToSignIn}</LinkButton> : null;
}

/** The "Send a new code" button, announcing when the code went out. */
export function ResendCodeLink({ action }: { action: () => unknown }) {
  const m = useMessages();
  return (
    <ActionButton variant="link" action={action} successText={m.confirmSignUp.codeResent}>
      {m.actions.resendCode}
    </ActionButton>
  );
}
