#!/usr/bin/env node
/**
 * End-to-end run: builds the demo, bundles the emulator, then runs every scenario in Debian's
 * Chromium, each with its own emulator, demo server and browser profile. Prints one line per
 * scenario and a closing `N passed, N failed`; exits non-zero on any failure.
 *
 *   node apps/e2e/run.mjs            all scenarios
 *   node apps/e2e/run.mjs totp       only scenarios whose name contains "totp"
 */
import { rm } from 'node:fs/promises';
import { buildDemo, buildNextDemo, loadDemoServer, loadEmulator } from './lib/build.mjs';
import { chromiumPath } from './lib/browser.mjs';
import { startEnv } from './lib/env.mjs';
import { scenarios } from './scenarios/index.mjs';

const filter = process.argv[2];
const started = Date.now();
const selected = scenarios.filter((s) => !filter || s.name.includes(filter));
// Each app is built only when a selected scenario runs it.
const [distDir, emulatorModule, demoServerModule] = await Promise.all([
  selected.some((s) => s.app !== 'next') ? buildDemo() : null,
  loadEmulator(),
  loadDemoServer(),
  selected.some((s) => s.app === 'next') ? buildNextDemo() : null,
]);
const shared = { distDir, emulatorModule, demoServerModule, chromium: chromiumPath() };
console.log(
  `built in ${((Date.now() - started) / 1000).toFixed(1)} s; chromium at ${shared.chromium}`,
);

let passed = 0;
let failed = 0;
for (const scenario of selected) {
  const t0 = Date.now();
  let env;
  try {
    env = await startEnv(shared, scenario.name, scenario.seed, scenario.demoConfig, scenario.app);
    await scenario.run(env);
    passed += 1;
    console.log(`✓ ${scenario.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed += 1;
    await env?.failureShots().catch(() => {});
    console.log(
      `✗ ${scenario.name}: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
    );
  } finally {
    await env?.close().catch(() => {});
  }
}
await Promise.all(
  [distDir, emulatorModule.bundleDir]
    .filter(Boolean)
    .map((dir) => rm(dir, { recursive: true, force: true })),
);
console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
// The plain closing line CI reads: counts alone on the line.
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
