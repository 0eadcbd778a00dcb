import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';

/**
 * `@aws-sdk/client-cognito-identity-provider`, bundled into one CommonJS file and loaded with
 * Node's `require`.
 *
 * Why: the workspace's Vitest config resolves with the `module` condition and passes it to the
 * worker as `--conditions module`, which makes Node pick the SDK's `dist-es` build, whose
 * extension-less relative imports Node cannot load. A bundle has no relative imports left.
 */
function loadSdk(): typeof Sdk {
  const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const result = buildSync({
    stdin: {
      contents: "module.exports = require('@aws-sdk/client-cognito-identity-provider');",
      resolveDir: packageDir,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const dir = join(tmpdir(), `cognito-kit-aws-sdk-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'client-cognito-identity-provider.cjs');
  writeFileSync(file, result.outputFiles[0]?.contents ?? '');
  return createRequire(import.meta.url)(file) as typeof Sdk;
}

export const awsSdk = loadSdk();
