// CLI smoke test: `npx cognito-kit-emulator` from the installed tarball prints its version; the
// installed bin serves the seed on a free port (a real SRP sign-in against it) and stops cleanly
// on SIGTERM.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { signInSeededUser } from './sign-in.mjs';

const installed = JSON.parse(
  readFileSync(new URL('./node_modules/@cognito-kit/emulator/package.json', import.meta.url)),
);
const version = execFileSync('npx', ['--no', '--', 'cognito-kit-emulator', '--version'], {
  encoding: 'utf8',
}).trim();
if (version !== installed.version) {
  throw new Error(`--version printed "${version}", the package is ${installed.version}`);
}
console.log(`cli: npx cognito-kit-emulator --version → ${version}`);

// The installed bin itself (what npx runs), so SIGTERM reaches the emulator and its exit code is
// the emulator's own.
const bin = new URL('./node_modules/.bin/cognito-kit-emulator', import.meta.url);
const cli = spawn(bin.pathname, ['--port', '0', '--seed', 'seed.json', '--quiet'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
const exited = new Promise((resolve) =>
  cli.on('exit', (code, signal) => resolve({ code, signal })),
);
let output = '';
cli.stderr.on('data', (chunk) => (output += chunk));
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(
    () => reject(new Error(`no "listening on" line in 30 s:\n${output}`)),
    30_000,
  );
  cli.stdout.on('data', (chunk) => {
    output += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  void exited.then(({ code }) =>
    reject(new Error(`the CLI exited (${code}) before listening:\n${output}`)),
  );
});
try {
  const claims = await signInSeededUser(url);
  console.log(`cli: serving ${url}; ${claims.username} signed in against it`);
} finally {
  cli.kill('SIGTERM');
}
const { code, signal } = await exited;
if (code !== 0) throw new Error(`the CLI stopped with code ${code}, signal ${signal}`);
console.log('cli: stopped cleanly on SIGTERM');
