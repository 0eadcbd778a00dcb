import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../parts/buttons.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import type { MfaMethodName } from '../../messages/types.js';
import { useAdminMessages } from '../messages/AdminMessagesProvider.js';
import { useAdminMutation, type AdminChange } from '../mutations.js';
import { useAdminGroups, useAdminUser } from '../queries.js';
import { AdminError } from './AdminError.js';
import { AdminSection } from './AdminSection.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { StatusBadges } from './StatusBadge.js';

/** Props of {@link UserDetail}. */
export interface UserDetailProps {
  username: string;
  /** Shows a "Back to users" button that calls it. */
  onBack?: () => void;
  /** Called after the user was deleted. */
  onDeleted?: (username: string) => void;
}

const READ_ONLY_ATTRIBUTES: ReadonlySet<string> = new Set([
  'sub',
  'identities',
  'email_verified',
  'phone_number_verified',
]);

type UserAction = Extract<
  AdminChange,
  'enableUser' | 'disableUser' | 'resetPassword' | 'signOutEverywhere' | 'deleteUser'
>;

/**
 * One user for support staff: attributes, status, groups (add / remove), devices, MFA, and the
 * actions enable / disable, reset password, sign out everywhere and delete. Every action that
 * takes something away asks first, naming the user. Its heading takes focus when it opens.
 */
export function UserDetail({ username, onBack, onDeleted }: UserDetailProps) {
  const m = useAdminMessages();
  const main = useMessages();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const user = useAdminUser(username);
  const groups = useAdminGroups();
  const [asking, setAsking] = useState<UserAction | null>(null);
  const [done, setDone] = useState('');
  const [group, setGroup] = useState('');
  const mutations = {
    enableUser: useAdminMutation('enableUser'),
    disableUser: useAdminMutation('disableUser'),
    resetPassword: useAdminMutation('resetPassword'),
    signOutEverywhere: useAdminMutation('signOutEverywhere'),
    deleteUser: useAdminMutation('deleteUser'),
  };
  const addToGroup = useAdminMutation('addToGroup');
  const removeFromGroup = useAdminMutation('removeFromGroup');
  const updateAttributes = useAdminMutation('updateAttributes');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => heading.current?.focus(), [username]);

  async function run(action: UserAction) {
    setAsking(null);
    setError(null);
    setDone('');
    try {
      await mutations[action].mutateAsync({ username });
      if (action === 'deleteUser') {
        setDone(m.detail.deleted(username));
        onDeleted?.(username);
      } else setDone(m.detail.done(username));
    } catch (e) {
      setError(e);
    }
  }
  async function saveAttributes(attributes: Record<string, string>) {
    setError(null);
    setDone('');
    try {
      await updateAttributes.mutateAsync({ username, attributes });
      setDone(m.detail.done(username));
    } catch (e) {
      setError(e);
    }
  }
  async function membership(change: 'add' | 'remove', name: string) {
    setError(null);
    setDone('');
    try {
      await (change === 'add' ? addToGroup : removeFromGroup).mutateAsync({
        username,
        group: name,
      });
      setDone(m.detail.done(username));
    } catch (e) {
      setError(e);
    }
  }

  const detail = user.data;
  const questions: Partial<Record<UserAction, string>> = {
    disableUser: m.confirm.disable(username),
    resetPassword: m.confirm.resetPassword(username),
    signOutEverywhere: m.confirm.signOutEverywhere(username),
    deleteUser: m.confirm.delete(username),
  };
  const labels: Record<UserAction, string> = {
    enableUser: m.detail.enable,
    disableUser: m.detail.disable,
    resetPassword: m.detail.resetPassword,
    signOutEverywhere: m.detail.signOutEverywhere,
    deleteUser: m.detail.delete,
  };
  const ask = (action: UserAction) =>
    questions[action] === undefined ? void run(action) : setAsking(action);
  // Cognito sets these itself (sub, identities) or they follow from a verification.
  const editable = Object.keys(detail?.attributes ?? {}).filter(
    (name) => !READ_ONLY_ATTRIBUTES.has(name),
  );
  const memberOf = new Set(detail?.groups.map((g) => g.name));
  const joinable = (groups.data ?? []).filter((g) => !memberOf.has(g.name));

  return (
    <AdminSection className="ck-admin-detail" aria-labelledby={`${id}-h`}>
      {onBack && (
        <Button className="ck-link" onClick={onBack}>
          {m.detail.back}
        </Button>
      )}
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {username}
      </h2>
      {user.isPending && <p role="status">{m.users.loading}</p>}
      <AdminError error={user.error ?? error} />
      <p role="status" className="ck-status">
        {done}
      </p>
      {detail && (
        <>
          <StatusBadges user={detail} />
          <h3>{m.detail.attributes}</h3>
          <form
            key={detail.lastModifiedAt}
            className="ck-admin-attributes"
            aria-label={m.detail.attributes}
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              const changed: Record<string, string> = {};
              for (const name of editable) {
                const value = String(data.get(name) ?? '');
                if (value !== (detail.attributes[name] ?? '')) changed[name] = value;
              }
              if (Object.keys(changed).length > 0) void saveAttributes(changed);
            }}
          >
            {Object.entries(detail.attributes).map(([name, value]) =>
              editable.includes(name) ? (
                <div key={name}>
                  <label htmlFor={`${id}-a-${name}`}>{main.fields.attribute(name)}</label>
                  <input
                    id={`${id}-a-${name}`}
                    name={name}
                    className="ck-input"
                    defaultValue={value}
                    autoComplete="off"
                  />
                </div>
              ) : (
                <div key={name}>
                  <span className="ck-admin-attribute-name">{main.fields.attribute(name)}</span>
                  <span>{value}</span>
                </div>
              ),
            )}
            <button type="submit" className="ck-button ck-secondary">
              {m.detail.saveAttributes}
            </button>
          </form>
          <h3>{m.detail.groups}</h3>
          {detail.groups.length === 0 ? (
            <p>{m.detail.noGroups}</p>
          ) : (
            <ul className="ck-admin-list">
              {detail.groups.map((g) => (
                <li key={g.name}>
                  <span>{g.name}</span>{' '}
                  <Button onClick={() => void membership('remove', g.name)}>
                    {m.detail.remove(g.name)}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {joinable.length > 0 && (
            <form
              className="ck-admin-inline"
              aria-label={m.detail.addToGroup}
              onSubmit={(event) => {
                event.preventDefault();
                const name = group || joinable[0]?.name;
                if (name) void membership('add', name);
                setGroup('');
              }}
            >
              <label htmlFor={`${id}-g`} className="ck-label">
                {m.detail.chooseGroup}
              </label>
              <select
                id={`${id}-g`}
                className="ck-input"
                value={group || joinable[0]?.name}
                onChange={(event) => setGroup(event.target.value)}
              >
                {joinable.map((g) => (
                  <option key={g.name} value={g.name}>
                    {g.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="ck-button ck-secondary">
                {m.detail.add}
              </button>
            </form>
          )}
          <h3>{m.detail.devices}</h3>
          {detail.devices.length === 0 ? (
            <p>{m.detail.noDevices}</p>
          ) : (
            <ul className="ck-admin-list">
              {detail.devices.map((d) => (
                <li key={d.deviceKey}>
                  {d.name ?? d.deviceKey}
                  {d.remembered ? ` · ${m.detail.remembered}` : ''}
                  {d.lastAuthenticatedAt
                    ? ` · ${main.security.lastUsed(new Date(d.lastAuthenticatedAt))}`
                    : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{m.detail.mfa}</h3>
          <p>
            {detail.mfaMethods.length === 0
              ? m.detail.mfaNone
              : detail.mfaMethods
                  .map((method) => main.mfa.method(method as MfaMethodName))
                  .join(', ')}
          </p>
          <h3>{m.detail.actions}</h3>
          <div className="ck-admin-buttons">
            {detail.enabled ? (
              <Button onClick={() => ask('disableUser')}>{labels.disableUser}</Button>
            ) : (
              <Button onClick={() => ask('enableUser')}>{labels.enableUser}</Button>
            )}
            <Button onClick={() => ask('resetPassword')}>{labels.resetPassword}</Button>
            <Button onClick={() => ask('signOutEverywhere')}>{labels.signOutEverywhere}</Button>
            <button type="button" className="ck-button ck-danger" onClick={() => ask('deleteUser')}>
              {labels.deleteUser}
            </button>
          </div>
        </>
      )}
      {asking && (
        <ConfirmDialog
          question={questions[asking] ?? ''}
          confirmLabel={labels[asking]}
          onConfirm={() => void run(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
    </AdminSection>
  );
}
