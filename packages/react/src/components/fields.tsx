import { useMemo, useState } from 'react';
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
  matchesField,
  type FieldCheck,
} from '../parts/index.js';
import { ATTRIBUTE_AUTOCOMPLETE, ATTRIBUTE_INPUT_TYPE } from './attribute-inputs.js';
import { usePasswordSettings } from './PasswordSettings.js';
import { PasswordFieldError, PasswordRuleList } from './PasswordRuleList.js';
import { checkPassword, policyRules, type PasswordPolicy } from '@cognito-kit/core';
import { isAliasTakenError, isWeakPasswordError, isWrongPasswordError } from './code-errors.js';

/** A server error that marks a field invalid (see `Field`'s `invalid`). */
type ServerInvalid = (error: unknown) => boolean;

/** The `username` field of the sign-in, sign-up, confirmation and reset forms. */
export function UsernameField({
  defaultValue,
  invalid,
}: {
  defaultValue?: string | undefined;
  /** The server errors about this field (the sign-up's "username taken"). */
  invalid?: ServerInvalid | undefined;
}) {
  const m = useMessages();
  return (
    <Field name="username" invalid={invalid}>
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

/**
 * A required password field with a show / hide toggle; `autoComplete` tells password managers
 * whether to fill or suggest. A wrong password (NotAuthorizedException) marks it invalid.
 */
export function PasswordField(props: {
  name: string;
  label: string;
  autoComplete: 'current-password' | 'new-password';
}) {
  return (
    <Field name={props.name} invalid={isWrongPasswordError}>
      <Label>{props.label}</Label>
      <PasswordInput autoComplete={props.autoComplete} required revealable />
      <FieldError />
    </Field>
  );
}

/** The form field of the repeated password, when {@link PasswordSettings} asks for one. */
export const CONFIRM_PASSWORD_FIELD = 'confirmPassword';

/** The check of a new password against the policy: every rule met, or `passwordRules`. */
function policyCheck(policy: PasswordPolicy): FieldCheck {
  return (value) =>
    checkPassword(value, policy).every((r) => r.met) ? undefined : 'passwordRules';
}

/**
 * The field of a new password (`newPassword` unless named otherwise). Under
 * {@link PasswordSettings} it lists the policy's rules and checks them as the user types (nothing
 * is sent while one is broken), and asks for the password twice when `confirm` is set.
 */
export function NewPasswordField({
  name = 'newPassword',
  label,
}: {
  name?: string;
  label?: string;
}) {
  const m = useMessages();
  const { policy, confirm } = usePasswordSettings();
  const [value, setValue] = useState('');
  const check = useMemo(() => (policy ? policyCheck(policy) : undefined), [policy]);
  const repeats = useMemo(() => matchesField(name), [name]);
  return (
    <>
      <Field
        name={name}
        described={policy ? policyRules(policy).length > 0 : false}
        check={check}
        invalid={isWeakPasswordError}
      >
        <Label>{label ?? m.fields.newPassword}</Label>
        <PasswordInput
          autoComplete="new-password"
          required
          revealable
          onChange={(event) => setValue(event.currentTarget.value)}
        />
        {policy ? <PasswordRuleList policy={policy} password={value} /> : null}
        <PasswordFieldError policy={policy} password={value} />
      </Field>
      {confirm ? (
        <Field name={CONFIRM_PASSWORD_FIELD} check={repeats}>
          <Label>{m.fields.confirmPassword}</Label>
          <PasswordInput autoComplete="new-password" required revealable />
          <FieldError />
        </Field>
      ) : null}
    </>
  );
}

// Attribute fields are named `attr:<name>`, so no attribute can clash with the other fields.
const attributeField = (name: string) => `attr:${name}`;

/** One required field per attribute, typed and autocompleted where the attribute is standard. */
export function AttributeFields({ names }: { names: readonly string[] }) {
  const m = useMessages();
  return names.map((name) => (
    <Field
      name={attributeField(name)}
      key={name}
      // An e-mail address or phone number another account uses already.
      invalid={name === 'email' || name === 'phone_number' ? isAliasTakenError : undefined}
    >
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
