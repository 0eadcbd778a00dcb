#!/usr/bin/env node
/**
 * Consumer test: the packages as a stranger gets them. Packs every package with `pnpm pack`
 * (which turns `workspace:*` into real versions), installs the tarballs with plain npm into a
 * fresh Vite + React + TypeScript app under /tmp (outside the workspace, so nothing resolves
 * from it), then type-checks and builds the README quick start, runs a Node smoke test (core
 * sign-in, server admin calls, emulator started programmatically) and the emulator's CLI from
 * its installed bin; then installs the Node packages again with pnpm (strict node_modules: an
 * undeclared dependency fails there) and reruns both smoke tests, and once more with Yarn 1
 * (both smoke tests and the React entry's quick-start names); finally builds a fresh Next.js App
 * Router app with the README's Next.js set-up (npm, `next build`, `tsc`). Prints a pass/fail line per
 * step; exits 1 when any step failed.
 *
 * Needs built packages (`pnpm build`; scripts/test.sh builds first). Reaches only the npm
 * registry, and with --prefer-offline a warm npm cache makes that a few metadata requests.
 * The registry packages are pinned to the versions the workspace itself resolved, so the app
 * tests what the workspace tests. KEEP_CONSUMER_APP=1 keeps the temporary app on success (it is
 * always kept on failure, and its path printed).
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = join(root, 'scripts/consumer/vite-app');
const nextFixture = join(root, 'scripts/consumer/next-app');
const packageDirs = ['core', 'react', 'server', 'emulator'].map((name) =>
  join(root, 'packages', name),
);
const pnpmVersion = readJson(join(root, 'package.json')).packageManager.split('@')[1];
/** Yarn classic, fetched by npx from the npm registry (corepack is not relied on). */
const YARN_VERSION = '1.22.22';
/** Each step's longest run; a hung install or build fails instead of blocking CI. */
const STEP_TIMEOUT_MS = 180_000;

/** Where the workspace's install put each registry package the app needs (its resolved version). */
const registryPackages = {
  react: 'packages/react',
  'react-dom': 'packages/react',
  '@tanstack/react-query': 'packages/react',
  '@types/react': 'packages/react',
  '@types/react-dom': 'packages/react',
  '@vitejs/plugin-react': 'packages/react',
  vite: '.',
  typescript: '.',
  '@types/node': '.',
  next: 'apps/next-demo',
};

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Runs a command; resolves with its output, rejects with the output's tail on failure. */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), STEP_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else {
        const why = signal
          ? `stopped by ${signal} (timeout ${STEP_TIMEOUT_MS / 1000} s?)`
          : `exited ${code}`;
        reject(
          new Error(
            `${command} ${args.join(' ')} ${why}\n${output.trimEnd().split('\n').slice(-40).join('\n')}`,
          ),
        );
      }
    });
  });
}

/** The version the workspace resolved of each of `registryPackages`. */
function pinnedVersions() {
  const pinned = {};
  for (const [name, from] of Object.entries(registryPackages)) {
    const manifest = join(root, from, 'node_modules', name, 'package.json');
    if (!existsSync(manifest))
      throw new Error(`${name} is not installed in ${from}; run scripts/setup.sh`);
    pinned[name] = readJson(manifest).version;
  }
  return pinned;
}

/** The app's package.json: the tarballs, and registry packages pinned to the workspace's versions. */
function appManifest(tarballs) {
  const pinned = pinnedVersions();
  const dependencies = { ...tarballs };
  for (const name of ['react', 'react-dom', '@tanstack/react-query'])
    dependencies[name] = pinned[name];
  const devDependencies = {};
  for (const name of [
    '@types/react',
    '@types/react-dom',
    '@vitejs/plugin-react',
    'vite',
    'typescript',
  ]) {
    devDependencies[name] = pinned[name];
  }
  return {
    name: 'cognito-kit-consumer',
    private: true,
    type: 'module',
    dependencies,
    devDependencies,
  };
}

const results = [];
let failed = false;
/** Runs one step unless an earlier one failed (each step needs the ones before it). */
async function step(name, action) {
  if (failed) {
    results.push({ name, status: 'skipped' });
    return;
  }
  const started = performance.now();
  process.stdout.write(`· ${name} …\n`);
  try {
    const detail = await action();
    results.push({ name, status: 'pass', seconds: (performance.now() - started) / 1000, detail });
  } catch (error) {
    failed = true;
    results.push({ name, status: 'FAIL', seconds: (performance.now() - started) / 1000 });
    process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
}

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'cognito-kit-consumer-'));
const packs = join(work, 'packs');
const app = join(work, 'app');
/** A second, Node-only consumer installed with pnpm (set by the pack step). */
const strictApp = join(work, 'node-app-pnpm');
/** A third, installed with Yarn 1. */
const yarnApp = join(work, 'node-app-yarn');
/** A Next.js App Router app (the README's Next.js set-up), installed with npm. */
const nextApp = join(work, 'next-app');
/** Package name → `file:` spec of its tarball (set by the pack step). */
const tarballs = {};

await step('built packages present', () => {
  const missing = packageDirs.filter((dir) => !existsSync(join(dir, 'dist/index.js')));
  if (missing.length > 0)
    throw new Error(`no dist/ in ${missing.join(', ')}: run \`pnpm build\` first`);
});

await step('pnpm pack (workspace:* → versions)', async () => {
  await run(
    'npx',
    [
      '--yes',
      `pnpm@${pnpmVersion}`,
      '-r',
      '--filter',
      './packages/*',
      'pack',
      '--pack-destination',
      packs,
    ],
    root,
  );
  for (const dir of packageDirs) {
    const { name, version } = readJson(join(dir, 'package.json'));
    const file = `${name.replace('@', '').replace('/', '-')}-${version}.tgz`;
    if (!existsSync(join(packs, file))) throw new Error(`pnpm pack made no ${file}`);
    tarballs[name] = `file:${join(packs, file)}`;
  }
  cpSync(fixture, app, { recursive: true });
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(appManifest(tarballs), null, 2)}\n`);
  return readdirSync(packs).join(', ');
});

await step('npm install (tarballs + pinned registry packages)', async () => {
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    app,
  );
  // The installed manifests must name real versions: a `workspace:` range left in would make
  // every install outside this repository fail.
  for (const dir of packageDirs) {
    const { name } = readJson(join(dir, 'package.json'));
    const installed = readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8');
    if (installed.includes('workspace:'))
      throw new Error(`${name}'s installed package.json still says workspace:`);
  }
});

await step('tsc --noEmit (quick start, skipLibCheck off)', () =>
  run('npx', ['--no', '--', 'tsc', '--noEmit'], app),
);

await step('vite build', async () => {
  await run('npx', ['--no', '--', 'vite', 'build'], app);
  const assets = readdirSync(join(app, 'dist/assets'));
  const css = assets.find((file) => file.endsWith('.css'));
  // The stylesheet the quick start imports must resolve through the package's exports and ship.
  if (!css || !readFileSync(join(app, 'dist/assets', css), 'utf8').includes('.ck-root')) {
    throw new Error(`the build has no cognito-kit stylesheet (assets: ${assets.join(', ')})`);
  }
  return assets.join(', ');
});

await step('smoke: emulator API + core sign-in + server admin', () =>
  run('node', ['smoke.mjs'], app),
);

await step('smoke: emulator CLI from the installed bin', () => run('node', ['cli-smoke.mjs'], app));

// npm hoists every dependency to the top of node_modules, which hides a package importing one it
// does not declare; pnpm's strict layout lets a package reach its declared dependencies only.
await step('pnpm install (strict node_modules) + both smoke tests again', async () => {
  mkdirSync(strictApp);
  for (const file of ['seed.json', 'sign-in.mjs', 'smoke.mjs', 'cli-smoke.mjs']) {
    cpSync(join(fixture, file), join(strictApp, file));
  }
  const nodePackages = ['@cognito-kit/core', '@cognito-kit/server', '@cognito-kit/emulator'];
  const dependencies = Object.fromEntries(nodePackages.map((name) => [name, tarballs[name]]));
  // The packages name each other by version; the overrides point those at the tarballs too.
  const manifest = {
    name: 'cognito-kit-consumer-pnpm',
    private: true,
    type: 'module',
    dependencies,
    pnpm: { overrides: dependencies },
  };
  writeFileSync(join(strictApp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run(
    'npx',
    [
      '--yes',
      `pnpm@${pnpmVersion}`,
      'install',
      '--no-frozen-lockfile',
      '--prefer-offline',
      '--reporter=append-only',
    ],
    strictApp,
  );
  const smoke = await run('node', ['smoke.mjs'], strictApp);
  return smoke + (await run('node', ['cli-smoke.mjs'], strictApp));
});

// Yarn 1 (classic, still the most installed Yarn), from the npm registry through npx, pointed at
// npm's registry: the four tarballs and the React peers in a Node app, both smoke tests, and
// the React entry loading in Node with what its quick start imports.
await step('yarn install (Yarn 1) + both smoke tests + the React entry', async () => {
  mkdirSync(yarnApp);
  for (const file of ['seed.json', 'sign-in.mjs', 'smoke.mjs', 'cli-smoke.mjs']) {
    cpSync(join(fixture, file), join(yarnApp, file));
  }
  const pinned = pinnedVersions();
  const manifest = {
    name: 'cognito-kit-consumer-yarn',
    private: true,
    type: 'module',
    dependencies: {
      ...tarballs,
      react: pinned.react,
      'react-dom': pinned['react-dom'],
      '@tanstack/react-query': pinned['@tanstack/react-query'],
    },
    // The packages name each other by version (not published here): resolve those to the tarballs.
    resolutions: tarballs,
  };
  writeFileSync(join(yarnApp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const registry = (await run('npm', ['config', 'get', 'registry'], yarnApp)).trim();
  await run(
    'npx',
    [
      '--yes',
      `yarn@${YARN_VERSION}`,
      'install',
      '--prefer-offline',
      '--non-interactive',
      '--no-progress',
      '--registry',
      registry,
    ],
    yarnApp,
  );
  const smoke = await run('node', ['smoke.mjs'], yarnApp);
  const cli = await run('node', ['cli-smoke.mjs'], yarnApp);
  const react = await run(
    'node',
    [
      '--input-type=module',
      '-e',
      `const kit = await import('@cognito-kit/react');
       const needed = ['CognitoProvider', 'SignIn', 'useAuth', 'useAuthFetch', 'localStorageAdapter', 'cookieStorage', 'createAuthFetch'];
       const missing = needed.filter((name) => typeof kit[name] !== 'function');
       if (missing.length) throw new Error('@cognito-kit/react lacks ' + missing.join(', '));
       console.log('react entry: ' + needed.join(', '));`,
    ],
    yarnApp,
  );
  return smoke + cli + react;
});

// The README's Next.js set-up in a fresh App Router app: a client providers file making the
// config with cookieStorage, a server page and proxy.ts reading getServerSession.
await step('Next.js App Router app: npm install, next build (type-checks), tsc', async () => {
  cpSync(nextFixture, nextApp, { recursive: true });
  const pinned = pinnedVersions();
  const pick = (names) => Object.fromEntries(names.map((name) => [name, pinned[name]]));
  const manifest = {
    name: 'cognito-kit-consumer-next',
    private: true,
    type: 'module',
    dependencies: {
      '@cognito-kit/core': tarballs['@cognito-kit/core'],
      '@cognito-kit/react': tarballs['@cognito-kit/react'],
      '@cognito-kit/server': tarballs['@cognito-kit/server'],
      ...pick(['react', 'react-dom', '@tanstack/react-query', 'next']),
    },
    devDependencies: pick(['typescript', '@types/react', '@types/react-dom', '@types/node']),
  };
  writeFileSync(join(nextApp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    nextApp,
  );
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const build = await run('npx', ['--no', '--', 'next', 'build'], nextApp);
  await run('npx', ['--no', '--', 'tsc', '--noEmit'], nextApp);
  return build
    .split('\n')
    .filter((line) => /^[┌├└] /.test(line))
    .join('\n');
});

const total = (performance.now() - started) / 1000;
process.stdout.write('\nconsumer test summary\n');
for (const { name, status, seconds, detail } of results) {
  const time = seconds === undefined ? '' : ` (${seconds.toFixed(1)} s)`;
  const lines =
    typeof detail === 'string' && detail.trim()
      ? `\n      ${detail.trim().split('\n').join('\n      ')}`
      : '';
  process.stdout.write(`  ${status.padEnd(7)} ${name}${time}${lines}\n`);
}
process.stdout.write(`${failed ? 'FAILED' : 'PASSED'} in ${total.toFixed(1)} s\n`);
if (failed) {
  process.stdout.write(`the app is kept in ${app} for a look\n`);
  process.exit(1);
}
if (process.env.KEEP_CONSUMER_APP === '1') process.stdout.write(`the app is in ${app}\n`);
else rmSync(work, { recursive: true, force: true });
