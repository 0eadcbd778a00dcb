/**
 * Build steps of the e2e run: the demo (vite, production build into a temp dir), the emulator's
 * Node host and the demo's server (esbuild bundles of their sources, so no package build is needed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds apps/demo; returns the output directory. */
export async function buildDemo() {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'ck-e2e-demo-'));
  await build({
    root: join(root, 'apps/demo'),
    configFile: join(root, 'apps/demo/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

/** Bundles a workspace module with its workspace imports from source (no package build) and imports it. */
async function importFromSource(entry, name) {
  const { build } = await import('esbuild');
  const dir = await mkdtemp(join(tmpdir(), `ck-e2e-${name}-`));
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@cognito-kit/source'],
    outfile,
    logLevel: 'warning',
  });
  return { module: await import(pathToFileURL(outfile).href), dir };
}

/** Bundles `@cognito-kit/emulator/node` from source and imports it. */
export async function loadEmulator() {
  const { module, dir } = await importFromSource('packages/emulator/src/node/index.ts', 'emulator');
  return { ...module, bundleDir: dir };
}

/**
 * The demo's server module, bundled from source like the emulator (its API imports
 * `@cognito-kit/server` and core, which need no package build this way).
 */
export async function loadDemoServer() {
  const { module, dir } = await importFromSource('apps/demo/server/serve.mjs', 'demo-server');
  // One self-contained file, already loaded: nothing reads it again.
  await rm(dir, { recursive: true, force: true });
  return module;
}

export { root };
