import { adminErrorKey } from '../messages/error-key.js';
import { useAdminMessages } from '../messages/AdminMessagesProvider.js';

/** An admin call's failure in words (an alert), or nothing. */
export function AdminError({ error }: { error: unknown }) {
  const m = useAdminMessages();
  return (
    <p role="alert" className="ck-error">
      {error ? m.errors[adminErrorKey(error)] : null}
    </p>
  );
}
