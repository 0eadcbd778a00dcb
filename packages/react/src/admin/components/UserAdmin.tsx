import type { AdminSearchField, AdminStatusFilter, AdminUserSummary } from '@cognito-kit/core';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../parts/buttons.js';
import { useAdminMessages } from '../messages/AdminMessagesProvider.js';
import type { AdminUsersFilter } from '../keys.js';
import { useAdminUsers } from '../queries.js';
import { AdminError } from './AdminError.js';
import { AdminSection } from './AdminSection.js';
import { InviteUser, type InviteUserProps } from './InviteUser.js';
import { StatusBadges } from './StatusBadge.js';
import { UserDetail } from './UserDetail.js';

/** Props of {@link UserAdmin}. */
export interface UserAdminProps {
  /** Rows per page (1–60). Default 20. */
  pageSize?: number;
  /** What the search box matches first. Default `email`. */
  defaultSearchBy?: AdminSearchField;
  /** Offer "Invite a user" (an {@link InviteUser} form). Default true. */
  invite?: boolean | Pick<InviteUserProps, 'requiredAttributes'>;
}

const SEARCH_FIELDS: readonly AdminSearchField[] = ['email', 'username', 'phone_number', 'name'];
const STATUS_FILTERS: readonly AdminStatusFilter[] = [
  'enabled',
  'disabled',
  'CONFIRMED',
  'FORCE_CHANGE_PASSWORD',
  'RESET_REQUIRED',
  'UNCONFIRMED',
];

/**
 * The users of the pool for support staff: a search box (prefix of one attribute), a status
 * filter, a table with status badges and "Load more" paging; choosing a user opens
 * {@link UserDetail}, and "Back to users" returns focus to that row.
 *
 * @example
 * <RequireAuth groups={['admins']}><UserAdmin /></RequireAuth>
 */
export function UserAdmin({
  pageSize = 20,
  defaultSearchBy = 'email',
  invite = true,
}: UserAdminProps) {
  const m = useAdminMessages();
  const id = useId();
  const [filter, setFilter] = useState<AdminUsersFilter>({ pageSize });
  const [by, setBy] = useState<AdminSearchField>(defaultSearchBy);
  const [prefix, setPrefix] = useState('');
  const [status, setStatus] = useState<AdminStatusFilter | ''>('');
  const [selected, setSelected] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState('');
  const lastOpened = useRef<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const returning = useRef(false);
  const users = useAdminUsers(filter);
  const rows: AdminUserSummary[] = users.data?.pages.flatMap((page) => page.items) ?? [];

  function back() {
    returning.current = true;
    setSelected(null);
  }
  // Once the list is back on screen, focus returns to the row the detail was opened from (or,
  // when that user was deleted, to the list's heading).
  useEffect(() => {
    if (selected !== null || !returning.current) return;
    returning.current = false;
    const name = lastOpened.current;
    const button = [...(table.current?.querySelectorAll('button') ?? [])].find(
      (b) => b.dataset['username'] === name,
    );
    (button ?? heading.current)?.focus();
  }, [selected]);

  if (selected !== null) {
    return (
      <UserDetail
        username={selected}
        onBack={() => {
          setNotice('');
          back();
        }}
        onDeleted={(username) => {
          setNotice(m.detail.deleted(username));
          back();
        }}
      />
    );
  }

  return (
    <AdminSection className="ck-admin-users" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {m.users.title}
      </h2>
      <form
        role="search"
        className="ck-admin-inline"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter({
            pageSize,
            ...(prefix.trim() !== '' && { search: { by, prefix: prefix.trim() } }),
            ...(status !== '' && { status }),
          });
        }}
      >
        <span className="ck-admin-pair">
          <label className="ck-label" htmlFor={`${id}-by`}>
            {m.users.searchBy}
          </label>
          <select
            id={`${id}-by`}
            className="ck-input"
            value={by}
            onChange={(event) => setBy(event.target.value as AdminSearchField)}
          >
            {SEARCH_FIELDS.map((field) => (
              <option key={field} value={field}>
                {m.users.searchFields[field]}
              </option>
            ))}
          </select>
        </span>
        <span className="ck-admin-pair">
          <label className="ck-label" htmlFor={`${id}-q`}>
            {m.users.search}
          </label>
          <input
            id={`${id}-q`}
            className="ck-input"
            type="search"
            value={prefix}
            onChange={(event) => setPrefix(event.target.value)}
          />
        </span>
        <span className="ck-admin-pair">
          <label className="ck-label" htmlFor={`${id}-s`}>
            {m.users.status}
          </label>
          <select
            id={`${id}-s`}
            className="ck-input"
            value={status}
            onChange={(event) => setStatus(event.target.value as AdminStatusFilter | '')}
          >
            <option value="">{m.users.anyStatus}</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {m.status[s]}
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className="ck-button">
          {m.users.searchButton}
        </button>
      </form>
      {invite !== false && (
        <div className="ck-admin-invite-toggle">
          <Button aria-expanded={inviting} onClick={() => setInviting(!inviting)}>
            {m.users.invite}
          </Button>
          {inviting && (
            <InviteUser
              {...(typeof invite === 'object' && invite)}
              onInvited={() => void users.refetch()}
            />
          )}
        </div>
      )}
      <AdminError error={users.error} />
      <p role="status" className="ck-status">
        {users.isPending ? m.users.loading : rows.length === 0 ? m.users.empty : notice}
      </p>
      {rows.length > 0 && (
        <table ref={table} className="ck-admin-table" aria-labelledby={`${id}-h`}>
          <thead>
            <tr>
              <th scope="col">{m.users.username}</th>
              <th scope="col">{m.users.email}</th>
              <th scope="col">{m.users.state}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((user) => (
              <tr key={user.username}>
                <th scope="row">
                  <button
                    type="button"
                    className="ck-link"
                    data-username={user.username}
                    aria-label={m.users.open(user.username)}
                    onClick={() => {
                      lastOpened.current = user.username;
                      setSelected(user.username);
                    }}
                  >
                    {user.username}
                  </button>
                </th>
                <td>{user.attributes['email'] ?? ''}</td>
                <td>
                  <StatusBadges user={user} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users.hasNextPage && (
        <Button
          aria-disabled={users.isFetchingNextPage || undefined}
          onClick={() => {
            if (!users.isFetchingNextPage) void users.fetchNextPage();
          }}
        >
          {users.isFetchingNextPage ? m.users.loading : m.users.loadMore}
        </Button>
      )}
    </AdminSection>
  );
}
