import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
  const require = createRequire(import.meta.url);
  const version = (
    JSON.parse(
      readFileSync(
        join(packageDir, 'node_modules/@aws-sdk/client-cognito-identity-provider/package.json'),
        'utf8',
      ),
    ) as { version: string }
  ).version;
  // One bundle per SDK version, shared by test workers and runs; written atomically.
  const file = join(tmpdir(), `cognito-kit-aws-sdk-${version}.cjs`);
  if (!existsSync(file)) {
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
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, result.outputFiles[0]?.contents ?? '');
    renameSync(temp, file);
  }
  return require(file) as typeof Sdk;
}

export const awsSdk = loadSdk();
