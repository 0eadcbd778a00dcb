import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en } from './en.js';
import type { Messages } from './types.js';

/** A partial override of {@link Messages}: each group may override some of its strings. */
export type MessagesOverride = {
  [G in keyof Messages]?: Messages[G] extends object
    ? Messages[G] extends (...args: never[]) => unknown
      ? Messages[G]
      : Partial<Messages[G]>
    : Messages[G];
};

const MessagesContext = createContext<Messages>(en);

/** Merges `override` onto `base` one group deep (each group is a flat object of strings). */
export function mergeMessages(base: Messages, override: MessagesOverride | undefined): Messages {
  if (!override) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [group, value] of Object.entries(override)) {
    const current = merged[group];
    merged[group] =
      typeof value === 'object' && value !== null && typeof current === 'object'
        ? { ...current, ...value }
        : value;
  }
  return merged as unknown as Messages;
}

/** Props of {@link MessagesProvider}. */
export interface MessagesProviderProps {
  /** A complete locale (`en`, `de` or your own); defaults to the enclosing one, or English. */
  messages?: Messages;
  /** Single strings to replace on top of `messages`. */
  override?: MessagesOverride;
  children?: ReactNode;
}

/**
 * Chooses the language of every component below it.
 *
 * @example
 * <MessagesProvider messages={de} override={{ signIn: { title: 'Willkommen' } }}>
 *   <SignIn />
 * </MessagesProvider>
 */
export function MessagesProvider({ messages, override, children }: MessagesProviderProps) {
  const parent = useContext(MessagesContext);
  const value = useMemo(
    () => mergeMessages(messages ?? parent, override),
    [messages, parent, override],
  );
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

/** The messages in effect (English outside any {@link MessagesProvider}). */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
