import type { CrossTabMessage } from './cross-tab.js';
import { readableSession } from './session-record.js';
import type { Session, SessionEndReason } from './session-types.js';
import type { StorageKind } from './storage.js';
import type { StoredSession, TokenStore } from './token-store.js';

/** What applying another tab's message may do to this tab's session manager. */
export interface TabSyncTarget {
  storageKind: StorageKind;
  store: Pick<TokenStore, 'loadSession' | 'saveSession' | 'clearSession'>;
  /** Runs a storage operation, reporting a StorageError and reading it as null. */
  quietly<T>(operation: () => Promise<T>): Promise<T | null>;
  current(): Session | null;
  adopt(session: Session): void;
  end(reason: SessionEndReason): void;
}

/**
 * Applies a message from another tab: take over its new tokens, follow its sign-out, or (in
 * storage-event mode) re-read the shared storage. Tokens from a sibling tab of the same origin
 * are decoded, not re-verified: that tab verified them, and the origin is the trust boundary.
 */
export async function applyTabMessage(
  target: TabSyncTarget,
  message: CrossTabMessage,
): Promise<void> {
  const { store, quietly } = target;
  switch (message.type) {
    case 'session': {
      const session = readableSession(message.session);
      if (session === null) return; // unreadable: ignore rather than sign out
      target.adopt(session);
      // A shared localStorage already holds it; other storages are per tab.
      if (target.storageKind !== 'local') {
        await quietly(() => store.saveSession(message.session));
      }
      return;
    }
    case 'signedOut':
      // Never touch a shared localStorage here: it may already hold this tab's next sign-in.
      if (target.storageKind !== 'local') await quietly(() => store.clearSession());
      target.end({ type: 'otherTab' });
      return;
    case 'reload': {
      const stored: StoredSession | null = await quietly(() => store.loadSession());
      if (stored === null) return target.end({ type: 'otherTab' });
      if (stored.accessToken === target.current()?.tokens.accessToken) return;
      const session = readableSession(stored);
      if (session !== null) target.adopt(session); // garbage from elsewhere: keep what we have
      return;
    }
    default:
      message satisfies never;
  }
}
