/**
 * `@cognito-kit/react/admin`: user management for an app's support staff, talking to
 * `createAdminHandler` from `@cognito-kit/server`. A separate entry, so apps without it pay
 * nothing for it.
 *
 * - Hooks (TanStack Query): `useAdminUsers`, `useAdminUser`, `useAdminGroups`, `useAdminMutation`.
 * - Screens: `UserAdmin`, `UserDetail`, `InviteUser`, `GroupManager`, `ConfirmDialog`.
 * - Where the handler is: `AdminApiProvider`; texts: `AdminMessagesProvider` and 13 catalogues.
 */
export { createAdminApi, AdminApiError, type AdminApi, type AdminApiOptions } from './api.js';
export { AdminApiProvider, useAdminApi, type AdminApiProviderProps } from './AdminApiProvider.js';
export { adminKeys, type AdminUsersFilter } from './keys.js';
export { useAdminUsers, useAdminUser, useAdminGroups } from './queries.js';
export { useAdminMutation, type AdminChange } from './mutations.js';
export { UserAdmin, type UserAdminProps } from './components/UserAdmin.js';
export { UserDetail, type UserDetailProps } from './components/UserDetail.js';
export { InviteUser, type InviteUserProps } from './components/InviteUser.js';
export { GroupManager } from './components/GroupManager.js';
export { ConfirmDialog, type ConfirmDialogProps } from './components/ConfirmDialog.js';
export { StatusBadges } from './components/StatusBadge.js';
export { AdminMessagesProvider, useAdminMessages } from './messages/AdminMessagesProvider.js';
export { adminErrorKey } from './messages/error-key.js';
export type { AdminMessages, AdminErrorKey } from './messages/types.js';
export { adminEn } from './messages/en.js';
