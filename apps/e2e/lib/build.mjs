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

/** Newest modification time under `dir` (skipping build output and dependencies), ms. */
async function newestMtime(dir) {
  const { readdir, stat } = await import('node:fs/promises');
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', 'next-env.d.ts'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? await newestMtime(path) : (await stat(path)).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

/**
 * Builds apps/next-demo (`next build`, on the built packages' dist/) unless its build is newer
 * than its sources and the packages' builds, as after scripts/test.sh's own `next build` step.
 */
export async function buildNextDemo() {
  const { spawn } = await import('node:child_process');
  const { stat } = await import('node:fs/promises');
  const app = join(root, 'apps/next-demo');
  const built = await stat(join(app, '.next/BUILD_ID')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const inputs = await Promise.all([
    newestMtime(app),
    ...['core', 'react', 'server'].map((name) => newestMtime(join(root, 'packages', name, 'dist'))),
  ]);
  if (built > Math.max(...inputs)) return;
  await new Promise((resolve, reject) => {
    const child = spawn(join(app, 'node_modules/.bin/next'), ['build'], {
      cwd: app,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed:\n${output}`)),
    );
  });
}

/**
 * Starts the built apps/next-demo against `cognito` in a child process on a free port; resolves
 * with its URL and a close function.
 */
export async function startNextDemo(cognito) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [join(root, 'apps/next-demo/server.mjs')], {
    cwd: join(root, 'apps/next-demo'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      COGNITO_ENDPOINT: cognito.endpoint,
      COGNITO_USER_POOL_ID: cognito.userPoolId,
      COGNITO_CLIENT_ID: cognito.clientId,
      // Plain HTTP on 127.0.0.1 (see apps/next-demo/lib/settings.ts).
      COOKIE_SECURE: 'false',
    },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`next-demo did not start:\n${output}`)),
      60_000,
    );
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /next-demo on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`next-demo exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    /** What the server printed (errors of server rendering land here). */
    output: () => output,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
