import type { AdminUserSummary } from '@cognito-kit/core';
import { useAdminMessages } from '../messages/AdminMessagesProvider.js';

/** Cognito's status and whether the user may sign in, as two badges (`data-status` for styling). */
export function StatusBadges({ user }: { user: Pick<AdminUserSummary, 'status' | 'enabled'> }) {
  const m = useAdminMessages();
  return (
    <span className="ck-admin-badges">
      <span className="ck-badge" data-status={user.enabled ? 'enabled' : 'disabled'}>
        {m.status[user.enabled ? 'enabled' : 'disabled']}
      </span>{' '}
      <span className="ck-badge" data-status={user.status}>
        {m.status[user.status]}
      </span>
    </span>
  );
}
