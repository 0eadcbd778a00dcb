import { defaultClientConditions } from 'vite';
import type { UserConfig } from 'vite';

/**
 * Resolve workspace packages to their TypeScript source (the `@cognito-kit/source` export
 * condition) so a package's tests run against its siblings' current source, not a stale build.
 *
 * The server side deliberately leaves out Vite's `module` condition: Vitest hands the
 * conditions to Node (`--conditions`), and with `module` Node would load packages' bundler-only
 * ES builds (e.g. the AWS SDK's `dist-es`, whose extension-less imports Node cannot resolve).
 */
export const sourceConditions: Pick<UserConfig, 'resolve' | 'ssr'> = {
  resolve: { conditions: ['@cognito-kit/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@cognito-kit/source', 'node', 'development|production'] } },
};
