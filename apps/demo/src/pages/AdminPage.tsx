import { AdminApiProvider, GroupManager, UserAdmin } from '@cognito-kit/react/admin';

/**
 * User management for Acme's support staff: the kit's admin screens over the demo server's
 * `/api/admin` (createAdminHandler, which checks the `admins` group again on every request).
 */
export default function AdminPage() {
  return (
    <>
      <h1>Admin</h1>
      <AdminApiProvider baseUrl="/api/admin">
        <UserAdmin invite={{ requiredAttributes: ['given_name'] }} />
        <GroupManager />
      </AdminApiProvider>
    </>
  );
}
