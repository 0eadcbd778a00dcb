import { useState } from 'react';
import { useMessages } from '../../messages/MessagesProvider.js';
import { Form, FormError, StatusMessage, SubmitButton, fieldText } from '../../parts/index.js';
import { NewPasswordField, PasswordField } from '../fields.js';

/** Props of {@link ChangePasswordForm}. */
export interface ChangePasswordFormProps {
  onSubmit: (values: { currentPassword: string; newPassword: string }) => unknown;
  className?: string;
}

/** Change the password of the signed-in user; announces success and clears the fields. */
export function ChangePasswordForm({ onSubmit, className }: ChangePasswordFormProps) {
  const m = useMessages();
  const [changed, setChanged] = useState(0);
  return (
    <div className="ck-section">
      <h3 className="ck-subtitle">{m.security.changePasswordTitle}</h3>
      <Form
        // A new key after success gives empty fields, so passwords do not linger in the DOM.
        key={changed}
        aria-label={m.security.changePasswordTitle}
        autoFocus={false}
        // NotAuthorizedException here is a wrong current password, not a wrong sign-in.
        errorScreen="changePassword"
        className={className}
        onSubmit={async (data) => {
          await onSubmit({
            currentPassword: fieldText(data, 'currentPassword', { trim: false }),
            newPassword: fieldText(data, 'newPassword', { trim: false }),
          });
          setChanged((n) => n + 1);
        }}
      >
        <PasswordField
          name="currentPassword"
          label={m.fields.currentPassword}
          autoComplete="current-password"
        />
        <NewPasswordField />
        <FormError />
        <SubmitButton>{m.actions.changePassword}</SubmitButton>
      </Form>
      <StatusMessage>{changed > 0 ? m.security.passwordChanged : null}</StatusMessage>
    </div>
  );
}
