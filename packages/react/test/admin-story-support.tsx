/** Loader and decorator of the admin stories: a fresh admin env signed in as `boss`. */
import type { ComponentType } from 'react';
import { AdminProviders, createAdminEnv, signInAs, type AdminEnv } from './admin-env.js';

export function adminLoader(username = 'boss'): () => Promise<{ adminEnv: AdminEnv }> {
  return async () => {
    const adminEnv = createAdminEnv();
    await signInAs(adminEnv, username);
    return { adminEnv };
  };
}

export const withAdminEnv = (
  Story: ComponentType,
  context: { loaded: Record<string, unknown> },
) => {
  const env = context.loaded['adminEnv'] as AdminEnv | undefined;
  if (!env) throw new Error('This story needs `loaders: [adminLoader()]`.');
  return (
    <AdminProviders env={env}>
      <Story />
    </AdminProviders>
  );
};
