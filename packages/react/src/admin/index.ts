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
export { adminDe } from './messages/de.js';
export { adminEs } from './messages/locales/es.js';
export { adminFr } from './messages/locales/fr.js';
export { adminIt } from './messages/locales/it.js';
export { adminPtBR } from './messages/locales/pt-BR.js';
export { adminNl } from './messages/locales/nl.js';
export { adminSv } from './messages/locales/sv.js';
export { adminPl } from './messages/locales/pl.js';
export { adminJa } from './messages/locales/ja.js';
export { adminZhCN } from './messages/locales/zh-CN.js';
export { adminKo } from './messages/locales/ko.js';
export { adminAr } from './messages/locales/ar.js';
