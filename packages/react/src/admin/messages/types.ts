import type { AdminSearchField, AdminUserStatus } from '@cognito-kit/core';

/**
 * Error texts of the admin screens, by what a person can do about them; several of the
 * handler's codes share one (see `adminErrorKey`).
 */
export type AdminErrorKey =
  | 'forbidden'
  | 'selfProtection'
  | 'userNotFound'
  | 'groupNotFound'
  | 'userExists'
  | 'groupExists'
  | 'invalidInput'
  | 'invalidPassword'
  | 'notAllowed'
  | 'throttled'
  | 'network'
  | 'unexpected';

/**
 * Every text of `@cognito-kit/react/admin`. Kept apart from the main `Messages` so apps without
 * the admin screens do not ship these strings; `locale` ties a catalogue to the main one.
 */
export interface AdminMessages {
  locale: string;
  users: {
    title: string;
    searchBy: string;
    searchFields: Readonly<Record<AdminSearchField, string>>;
    search: string;
    searchButton: string;
    status: string;
    anyStatus: string;
    username: string;
    email: string;
    state: string;
    loadMore: string;
    loading: string;
    empty: string;
    /** Label of the button that opens a user (a row of the table). */
    open: (username: string) => string;
    invite: string;
  };
  status: Readonly<Record<AdminUserStatus | 'enabled' | 'disabled', string>>;
  detail: {
    back: string;
    attributes: string;
    saveAttributes: string;
    groups: string;
    noGroups: string;
    addToGroup: string;
    chooseGroup: string;
    add: string;
    remove: (group: string) => string;
    devices: string;
    noDevices: string;
    remembered: string;
    mfa: string;
    mfaNone: string;
    actions: string;
    enable: string;
    disable: string;
    resetPassword: string;
    signOutEverywhere: string;
    delete: string;
    /** Announced after an action succeeded. */
    done: (username: string) => string;
    deleted: (username: string) => string;
  };
  confirm: {
    disable: (username: string) => string;
    resetPassword: (username: string) => string;
    signOutEverywhere: (username: string) => string;
    delete: (username: string) => string;
    deleteGroup: (group: string) => string;
    confirm: string;
    cancel: string;
  };
  invite: {
    title: string;
    username: string;
    email: string;
    temporaryPassword: string;
    temporaryPasswordHint: string;
    sendInvitation: string;
    submit: string;
    created: (username: string) => string;
  };
  groups: {
    title: string;
    name: string;
    description: string;
    create: string;
    delete: (group: string) => string;
    created: (group: string) => string;
    empty: string;
  };
  errors: Readonly<Record<AdminErrorKey, string>>;
}
