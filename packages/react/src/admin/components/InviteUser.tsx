import type { AdminUserSummary } from '@cognito-kit/core';
import { useId, useState } from 'react';
import { Form } from '../../parts/Form.js';
import { Field, FieldDescription, Label } from '../../parts/Field.js';
import { Checkbox, Input } from '../../parts/Input.js';
import { SubmitButton } from '../../parts/buttons.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { useAdminMessages } from '../messages/AdminMessagesProvider.js';
import { useAdminMutation } from '../mutations.js';
import { AdminError } from './AdminError.js';
import { AdminSection } from './AdminSection.js';

/** Props of {@link InviteUser}. */
export interface InviteUserProps {
  /**
   * Attributes the pool requires besides `email` (its schema's `Required: true`), asked for as
   * text fields, e.g. `['name']`.
   */
  requiredAttributes?: readonly string[];
  /** Called with the new user. */
  onInvited?: (user: AdminUserSummary) => void;
}

/**
 * Creates a user who must choose a password at first sign-in: Cognito e-mails the invitation
 * with a temporary password (given here or generated), or sends nothing when the box is cleared
 * (hand the temporary password over yourself).
 */
export function InviteUser({ requiredAttributes = [], onInvited }: InviteUserProps) {
  const m = useAdminMessages();
  const main = useMessages();
  const id = useId();
  const create = useAdminMutation('createUser');
  const [created, setCreated] = useState('');
  const [error, setError] = useState<unknown>(null);
  const extra = requiredAttributes.filter((name) => name !== 'email');

  async function submit(data: FormData) {
    setError(null);
    setCreated('');
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const attributes: Record<string, string> = { email: text('email'), email_verified: 'true' };
    for (const name of extra) attributes[name] = text(`attr-${name}`);
    const temporaryPassword = String(data.get('temporaryPassword') ?? '');
    try {
      const { user } = await create.mutateAsync({
        username: text('username'),
        attributes,
        sendInvitation: data.get('sendInvitation') === 'on',
        ...(temporaryPassword !== '' && { temporaryPassword }),
      });
      setCreated(m.invite.created(user.username));
      onInvited?.(user);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <AdminSection className="ck-admin-invite" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{m.invite.title}</h2>
      <Form onSubmit={submit} autoFocus={false}>
        <Field name="username">
          <Label>{m.invite.username}</Label>
          <Input autoComplete="off" required />
        </Field>
        <Field name="email">
          <Label>{m.invite.email}</Label>
          <Input type="email" autoComplete="off" required />
        </Field>
        {extra.map((name) => (
          <Field key={name} name={`attr-${name}`}>
            <Label>{main.fields.attribute(name)}</Label>
            <Input autoComplete="off" required />
          </Field>
        ))}
        <Field name="temporaryPassword" described>
          <Label>{m.invite.temporaryPassword}</Label>
          <Input type="text" autoComplete="off" />
          <FieldDescription>{m.invite.temporaryPasswordHint}</FieldDescription>
        </Field>
        <Field name="sendInvitation">
          <Checkbox defaultChecked />
          <Label>{m.invite.sendInvitation}</Label>
        </Field>
        <AdminError error={error} />
        <p role="status" className="ck-status">
          {created}
        </p>
        <SubmitButton>{m.invite.submit}</SubmitButton>
      </Form>
    </AdminSection>
  );
}
