// The API reports: what each public entry point exports, as API Extractor reads its built
// declaration files, checked in under packages/*/etc/. `pnpm api:check` (CI, after the build)
// fails when the surface differs from the checked-in report; `pnpm api:update` rewrites the
// reports, so a change of the public API shows up in review as a diff of those files.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const update = process.argv.includes('--update');

/** One report per entry point: the package, its built .d.ts, and the report's name. */
const entries = [
  { pkg: 'core', dts: 'dist/index.d.ts', report: 'core' },
  // The low-level tier's signatures use the main entry's types (CognitoError, AuthState…), which
  // it deliberately does not re-export: those are not forgotten, they live one import away.
  { pkg: 'core', dts: 'dist/low-level.d.ts', report: 'core-low-level', usesMainEntry: true },
  { pkg: 'core', dts: 'dist/oauth.d.ts', report: 'core-oauth', usesMainEntry: true },
  { pkg: 'core', dts: 'dist/webauthn/index.d.ts', report: 'core-webauthn', usesMainEntry: true },
  { pkg: 'react', dts: 'dist/index.d.ts', report: 'react' },
  { pkg: 'react', dts: 'dist/parts.d.ts', report: 'react-parts', usesMainEntry: true },
  { pkg: 'react', dts: 'dist/admin.d.ts', report: 'react-admin', usesMainEntry: true },
  { pkg: 'server', dts: 'dist/index.d.ts', report: 'server' },
  { pkg: 'server', dts: 'dist/node/index.d.ts', report: 'server-node', usesMainEntry: true },
];

/**
 * Compiler options for reading built declarations: the workspace's, minus the
 * `@cognito-kit/source` condition, so `@cognito-kit/core` resolves to its built .d.ts as it does
 * for users (not to its TypeScript source).
 */
const compilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  jsx: 'react-jsx',
  strict: true,
  skipLibCheck: true,
  types: [],
};

let failed = false;
for (const entry of entries) {
  const folder = join(root, 'packages', entry.pkg);
  const entryPoint = join(folder, entry.dts);
  if (!existsSync(entryPoint)) {
    console.error(`api-report: ${entryPoint} is missing; run \`pnpm build\` first.`);
    process.exit(1);
  }
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: folder,
      mainEntryPointFilePath: entryPoint,
      compiler: { overrideTsconfig: { compilerOptions, files: [entryPoint] } },
      apiReport: {
        enabled: true,
        reportFileName: `${entry.report}.api.md`,
        reportFolder: join(folder, 'etc'),
        reportTempFolder: join(folder, 'node_modules', '.api-report'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Release tags (@public, @beta) are not used: the two tiers are the entry points.
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          'ae-missing-release-tag': { logLevel: 'none' },
          // TSDoc coverage and {@link} targets are the linters' concern, not the surface's.
          'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
          'ae-unresolved-link': { logLevel: 'none', addToApiReportFile: false },
          ...(entry.usesMainEntry
            ? { 'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: false } }
            : {}),
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
      },
    },
    configObjectFullPath: join(folder, 'api-extractor.json'),
    packageJsonFullPath: join(folder, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  const name = `${entry.report}.api.md`;
  if (result.apiReportChanged && !update) {
    console.error(
      `api-report: the public API of ${entry.pkg} (${entry.dts}) differs from etc/${name}. ` +
        'If the change is meant, run `pnpm api:update` and commit the report.',
    );
    failed = true;
  } else if (!result.succeeded && !result.apiReportChanged) {
    console.error(`api-report: ${name} had ${result.errorCount} error(s).`);
    failed = true;
  } else {
    console.log(`api-report: ${name} ${update && result.apiReportChanged ? 'updated' : 'matches'}`);
  }
}
process.exit(failed ? 1 : 0);
