// Size report: minified + gzip size of each public entry with everything it pulls in. Bundles
// the built `dist/` output (run after `pnpm build`) with esbuild, the way an app's bundler would.
// Each entry has a `goal` (the product target, printed as met or not) and a `ceiling` (today's
// size plus a little headroom): exceeding the ceiling fails the run, so growth is a decision,
// never an accident.
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
    goal: 15 * 1024,
    // 32 → 33 KB: the hardening of issue #9 (token origins allow-list, bounded JWKS, storage
    // time-box, clock offset in verification, client-secret warning) costs about 1.2 KB.
    ceiling: 33 * 1024,
  },
  {
    name: '@cognito-kit/react (CognitoProvider, useAuth, useMfa, useUser, SignIn, TotpSetup)',
    contents:
      "export { CognitoProvider, useAuth, useMfa, useUser, SignIn, TotpSetup } from './packages/react/dist/index.js';",
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
    goal: 25 * 1024,
    ceiling: 45 * 1024, // 44 → 45 KB: core's hardening (issue #9), see above
    requires: 'packages/react/dist/index.js',
  },
  {
    name: '@cognito-kit/react/styles.css',
    file: 'packages/react/dist/styles.css',
    goal: 4 * 1024,
    ceiling: 5 * 1024,
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
  const goalMet = gzip <= check.goal;
  const underCeiling = gzip <= check.ceiling;
  if (!underCeiling) over++;
  const verdict = !underCeiling ? 'OVER CEILING' : goalMet ? 'goal met' : 'goal NOT met';
  console.log(`  ${check.name}: ${kb(gzip)} gzip (${kb(min)} min)`);
  console.log(`      goal ${kb(check.goal)}, ceiling ${kb(check.ceiling)}: ${verdict}`);
}
if (over > 0) {
  console.error(`\n${over} size ceiling(s) exceeded.`);
  process.exitCode = 1;
}
