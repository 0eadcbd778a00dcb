import { defaultClientConditions, defaultServerConditions } from 'vite';
import type { UserConfig } from 'vite';

/**
 * Resolve workspace packages to their TypeScript source (the `@cognito-kit/source` export
 * condition) so a package's tests run against its siblings' current source, not a stale build.
 */
export const sourceConditions: Pick<UserConfig, 'resolve' | 'ssr'> = {
  resolve: { conditions: ['@cognito-kit/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@cognito-kit/source', ...defaultServerConditions] } },
};
