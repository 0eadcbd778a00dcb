import { useMessages } from '../../messages/MessagesProvider.js';
import { fieldText } from '../../parts/index.js';
import { AttributeFields, NewPasswordField, attributeValues } from '../fields.js';
import { FormScreen } from '../form-screen.js';

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
    <FormScreen
      title={m.newPassword.title}
      description={m.newPassword.description}
      submitLabel={m.actions.continue}
      className={props.className}
      error={props.error}
      onSubmit={(data) =>
        props.onSubmit({
          newPassword: fieldText(data, 'newPassword', { trim: false }),
          attributes: attributeValues(data, missing),
        })
      }
    >
      <NewPasswordField />
      <AttributeFields names={missing} />
    </FormScreen>
  );
}
