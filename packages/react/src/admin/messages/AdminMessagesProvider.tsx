import { createContext, useContext, type ReactNode } from 'react';
import { adminEn } from './en.js';
import type { AdminMessages } from './types.js';

const AdminMessagesContext = createContext<AdminMessages>(adminEn);

/**
 * Chooses the language of the admin screens (English by default), next to the main
 * `MessagesProvider`.
 *
 * @example
 * <MessagesProvider messages={de}><AdminMessagesProvider messages={adminDe}><UserAdmin /></AdminMessagesProvider></MessagesProvider>
 */
export function AdminMessagesProvider({
  messages,
  children,
}: {
  messages: AdminMessages;
  children?: ReactNode;
}) {
  return <AdminMessagesContext.Provider value={messages}>{children}</AdminMessagesContext.Provider>;
}

/** The admin texts in effect. */
export function useAdminMessages(): AdminMessages {
  return useContext(AdminMessagesContext);
}
