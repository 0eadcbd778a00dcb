// Size report: minified + gzip size of each public entry with everything it pulls in, against
// its budget. Bundles the built `dist/` output (run after `pnpm build`) with esbuild, the way
// an app's bundler would, and prints a table. Exits non-zero when a budget is exceeded.
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each check: what an app imports, what stays external, and the budget in bytes (gzip). */
const checks = [
  {
    name: '@cognito-kit/core (everything exported)',
    contents: "export * from './packages/core/dist/index.js';",
    external: [],
    budget: 15 * 1024,
  },
  {
    name: '@cognito-kit/react (CognitoProvider, useAuth, useMfa, useUser, SignIn, TotpSetup)',
    contents:
      "export { CognitoProvider, useAuth, useMfa, useUser, SignIn, TotpSetup } from './packages/react/dist/index.js';",
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
    budget: 25 * 1024,
    requires: 'packages/react/dist/index.js',
  },
  {
    name: '@cognito-kit/react/styles.css',
    file: 'packages/react/dist/styles.css',
    budget: 4 * 1024,
    requires: 'packages/react/dist/styles.css',
  },
];

async function measure(check) {
  if (check.file) {
    const raw = readFileSync(path.join(root, check.file));
    const min = (
      await build({
        stdin: { contents: raw.toString(), loader: 'css' },
        write: false,
        minify: true,
      })
    ).outputFiles[0].contents;
    return { min: min.length, gzip: gzipSync(min, { level: 9 }).length };
  }
  const result = await build({
    stdin: { contents: check.contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external: check.external,
    conditions: ['browser', 'import', 'default'],
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let over = 0;
console.log('\nBundle sizes (minified + gzip, with everything each entry pulls in)');
for (const check of checks) {
  if (check.requires && !existsSync(path.join(root, check.requires))) {
    console.log(`  ${check.name}: not built yet (${check.requires} missing)`);
    continue;
  }
  const { min, gzip } = await measure(check);
  const ok = gzip <= check.budget;
  if (!ok) over++;
  console.log(
    `  ${ok ? 'ok  ' : 'OVER'} ${check.name}: ${kb(gzip)} gzip (${kb(min)} min), budget ${kb(check.budget)}`,
  );
}
if (over > 0) {
  console.error(`\n${over} size budget(s) exceeded.`);
  process.exitCode = 1;
}
