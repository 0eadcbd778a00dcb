// `pnpm bench`: every benchmark and budget that prints figures. Expects `pnpm build` to have run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['SRP: cognito-kit vs amazon-cognito-identity-js', 'packages/core/bench/srp-bench.mjs'],
  ['Emulator: concurrent SRP sign-ins over HTTP', 'packages/emulator/bench/load-bench.mjs'],
  [
    'Server: token verification, @cognito-kit/server vs aws-jwt-verify',
    'packages/server/bench/verify-bench.mjs',
  ],
  ['Size budgets', 'scripts/size.mjs'],
];
let failed = 0;
for (const [title, script] of steps) {
  console.log(`\n## ${title}`);
  if (!existsSync(script)) {
    console.log(`(missing: ${script})`);
    failed++;
    continue;
  }
  const run = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
