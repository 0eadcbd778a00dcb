import { useId, useState } from 'react';
import { Form } from '../../parts/Form.js';
import { Field, Label } from '../../parts/Field.js';
import { Input } from '../../parts/Input.js';
import { SubmitButton } from '../../parts/buttons.js';
import { useAdminMessages } from '../messages/AdminMessagesProvider.js';
import { useAdminMutation } from '../mutations.js';
import { useAdminGroups } from '../queries.js';
import { AdminError } from './AdminError.js';
import { AdminSection } from './AdminSection.js';
import { ConfirmDialog } from './ConfirmDialog.js';

/**
 * The pool's groups: a table of them with a delete button each (confirmed, naming the group),
 * and a form that creates one. Membership is managed per user in {@link UserDetail}.
 */
export function GroupManager() {
  const m = useAdminMessages();
  const id = useId();
  const groups = useAdminGroups();
  const create = useAdminMutation('createGroup');
  const remove = useAdminMutation('deleteGroup');
  const [asking, setAsking] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  async function act(work: () => Promise<unknown>, text: string) {
    setError(null);
    setDone('');
    try {
      await work();
      setDone(text);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <AdminSection className="ck-admin-groups" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{m.groups.title}</h2>
      <AdminError error={groups.error ?? error} />
      <p role="status" className="ck-status">
        {groups.isPending ? m.users.loading : done}
      </p>
      {groups.data?.length === 0 && <p>{m.groups.empty}</p>}
      {groups.data && groups.data.length > 0 && (
        <table className="ck-admin-table" aria-labelledby={`${id}-h`}>
          <thead>
            <tr>
              <th scope="col">{m.groups.name}</th>
              <th scope="col">{m.groups.description}</th>
              <th scope="col">{m.detail.actions}</th>
            </tr>
          </thead>
          <tbody>
            {groups.data.map((group) => (
              <tr key={group.name}>
                <th scope="row">{group.name}</th>
                <td>{group.description ?? ''}</td>
                <td>
                  <button
                    type="button"
                    className="ck-button ck-danger"
                    onClick={() => setAsking(group.name)}
                  >
                    {m.groups.delete(group.name)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form
        autoFocus={false}
        aria-label={m.groups.create}
        onSubmit={(data) => {
          const name = String(data.get('group') ?? '').trim();
          const description = String(data.get('description') ?? '').trim();
          return act(
            () => create.mutateAsync({ group: name, ...(description && { description }) }),
            m.groups.created(name),
          );
        }}
      >
        <Field name="group">
          <Label>{m.groups.name}</Label>
          <Input autoComplete="off" required />
        </Field>
        <Field name="description">
          <Label>{m.groups.description}</Label>
          <Input autoComplete="off" />
        </Field>
        <SubmitButton>{m.groups.create}</SubmitButton>
      </Form>
      {asking && (
        <ConfirmDialog
          question={m.confirm.deleteGroup(asking)}
          confirmLabel={m.groups.delete(asking)}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const name = asking;
            setAsking(null);
            void act(() => remove.mutateAsync({ group: name }), m.detail.done(name));
          }}
        />
      )}
    </AdminSection>
  );
}
