import { useMessages } from '../../messages/MessagesProvider.js';
import { Links, fieldText } from '../../parts/index.js';
import {
  AttributeFields,
  BackToSignInLink,
  NewPasswordField,
  UsernameField,
  attributeValues,
} from '../fields.js';
import { isUsernameTakenError } from '../code-errors.js';
import { FormScreen } from '../form-screen.js';

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
    <FormScreen
      title={m.signUp.title}
      submitLabel={m.actions.signUp}
      className={className}
      onSubmit={(data) =>
        onSubmit({
          username: fieldText(data, 'username'),
          password: fieldText(data, 'password', { trim: false }),
          attributes: attributeValues(data, attributes),
        })
      }
      after={
        onSignIn ? (
          <Links>
            <BackToSignInLink onClick={onSignIn} />
          </Links>
        ) : null
      }
    >
      <UsernameField invalid={isUsernameTakenError} />
      <NewPasswordField name="password" label={m.fields.password} />
      <AttributeFields names={attributes} />
    </FormScreen>
  );
}
