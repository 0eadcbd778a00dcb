#!/usr/bin/env node
/**
 * Load benchmark of the emulator's HTTP host. Run after `pnpm build`:
 *
 *   node packages/emulator/bench/load-bench.mjs [--srp N] [--password N] [--memory N]
 *                                               [--modexp default|bigint|openssl]
 *                                               [--dist DIR] [--phase-limit SECONDS]
 *
 * Phases, each against a server in a child process of its own (`bench-server.mjs`, what the CLI
 * does), with the client here — both on the same machine, as in a test suite:
 *
 * 1. cold start: process start → listening → first token (USER_PASSWORD_AUTH), best of 3;
 * 2. complete USER_SRP_AUTH sign-ins (InitiateAuth → PASSWORD_VERIFIER → tokens) by 64
 *    concurrent clients, one user each, `--srp` sign-ins in all: throughput, p50, p99, errors;
 * 3. USER_PASSWORD_AUTH sign-ins the same way (`--password` in all);
 * 4. memory: a fresh server's resident set after the first 1,000 and after `--memory` (30,000)
 *    USER_PASSWORD_AUTH sign-ins (the cheap flow, so the phase fits the time budget; both flows
 *    leave the same records behind: a refresh token and, for SRP, a spent exchange).
 *
 * Each figure is printed next to the one measured at the starting point of issue 16 (commit
 * 2d6fc7b, same bench, same machine). Exits 1 if any sign-in failed; the goals are printed, not
 * enforced (they depend on the machine and its load). Listens on 127.0.0.1 only and stops its
 * servers by itself.
 *
 * The SRP client is written here (node:crypto + BigInt, following COGNITO-PROTOCOL.md §2) so the
 * bench depends on nothing but the built emulator: neither @cognito-kit/core (the emulator must
 * stay independent of it) nor amazon-cognito-identity-js (whose pure-JS big integers would make
 * this a benchmark of the client). All its powers go through OpenSSL's Diffie–Hellman, and each
 * user's k·g^x is computed once, so the client takes little of the CPU the server needs.
 */
import { fork } from 'node:child_process';
import { createDiffieHellman, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { persistenceBench } from './persistence-bench.mjs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    srp: { type: 'string', default: '3000' },
    password: { type: 'string', default: '5000' },
    memory: { type: 'string', default: '30000' },
    modexp: { type: 'string', default: 'default' },
    dist: { type: 'string', default: path.join(here, '..', 'dist') },
    'phase-limit': { type: 'string', default: '30' },
  },
});
const SRP_COUNT = count(args.srp, 'srp');
const PASSWORD_COUNT = count(args.password, 'password');
const MEMORY_COUNT = count(args.memory, 'memory');
const CONCURRENCY = 64;
/**
 * Longest the SRP and password phases may take (the memory phase: twice that), so the whole run
 * stays under about two minutes even on a loaded machine. A phase stopped by its limit reports
 * what it completed; requests cut off by the limit are not counted as errors.
 */
const PHASE_LIMIT_MS = count(args['phase-limit'], 'phase-limit') * 1000;

/**
 * The starting point (commit 2d6fc7b: BigInt SRP, one request at a time, a sweep of every refresh
 * token on each InitiateAuth), measured with this bench on this 2-core machine on 2026-12-07 —
 * best of 5 runs per figure (`--dist <build of 2d6fc7b>`), while other work kept the load average
 * at 9–19. Issue 16 measured 26/s (p99 2.8 s), 680/s and ~0.5 s on a quieter machine.
 */
const BEFORE = {
  date: '2026-12-07',
  coldStartMs: 782,
  srp: { perSecond: 26, p50Ms: 2440, p99Ms: 3640 },
  password: { perSecond: 301 },
  rssMiB: { first: 101, last: 142 },
};
const GOAL = { srpPerSecond: 200, srpP99Ms: 1000, rssGrowthMiB: 20 };

function count(text, name) {
  const n = Number.parseInt(text, 10);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    console.error(`--${name} needs a whole number between 1 and 1,000,000`);
    process.exit(2);
  }
  return n;
}

const POOL_ID = 'us-east-1_LoadBench1';
const POOL_NAME = POOL_ID.split('_')[1];
const CLIENT_ID = 'loadbenchclient';
const PASSWORD = 'Bench-Passw0rd!';
const USERS = Array.from({ length: CONCURRENCY }, (_, i) => `bench-${String(i).padStart(2, '0')}`);

// ---- SRP client (COGNITO-PROTOCOL.md §2.2–2.4) -------------------------------------------------

const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

/** Lowercase hex, even length, with a leading 00 when the top bit is set (never negative here). */
function padHex(n) {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}
const bytes = (n) => Buffer.from(padHex(n), 'hex');
const sha256 = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const toBig = (buffer) => BigInt(`0x${buffer.toString('hex') || '0'}`);
const k = toBig(sha256(bytes(N), bytes(g)));
const NBuffer = bytes(N);

/**
 * base^exp mod N through OpenSSL: Diffie–Hellman's secret is the peer's value to the power of
 * the private key. One object is reused (building one per call re-validates the group). The
 * client only raises values in [2, N − 2] to positive powers, which OpenSSL accepts.
 */
const group = createDiffieHellman(NBuffer, bytes(g));
function power(base, exp) {
  group.setPrivateKey(bytes(exp));
  return toBig(group.computeSecret(bytes(base)));
}

/** base^exp mod N by square-and-multiply, only to check OpenSSL once at the start. */
function modPow(base, exp) {
  let result = 1n;
  let b = base % N;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
    e >>= 1n;
  }
  return result;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `EEE MMM d HH:mm:ss UTC yyyy` (day without a leading zero). */
function timestamp(date) {
  const two = (n) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${two(
    date.getUTCHours(),
  )}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

function newA() {
  for (;;) {
    const a = toBig(randomBytes(32));
    const A = power(g, a);
    if (A % N !== 0n) return { a, A };
  }
}

/** x and k·g^x of a user: fixed per user, salt and password, so computed once per user. */
const userSecrets = new Map();
function userSecret(userId, saltHex, password) {
  const key = `${userId}\u0000${saltHex}`;
  let known = userSecrets.get(key);
  if (!known) {
    const inner = sha256(Buffer.from(`${POOL_NAME}${userId}:${password}`, 'utf8'));
    const x = toBig(sha256(bytes(BigInt(`0x${saltHex}`)), inner));
    known = { x, kgx: (k * power(g, x)) % N };
    userSecrets.set(key, known);
  }
  return known;
}

/** PASSWORD_CLAIM_SIGNATURE for one PASSWORD_VERIFIER challenge. */
function passwordClaim({ a, A }, params, password) {
  const userId = params.USER_ID_FOR_SRP;
  const B = BigInt(`0x${params.SRP_B}`);
  if (B % N === 0n) throw new Error('server sent B ≡ 0 (mod N)');
  const u = toBig(sha256(bytes(A), bytes(B)));
  if (u === 0n) throw new Error('u = 0');
  const { x, kgx } = userSecret(userId, params.SALT, password);
  const base = (((B - kgx) % N) + N) % N;
  const S = power(base, a + u * x);
  const key = Buffer.from(hkdfSync('sha256', bytes(S), bytes(u), 'Caldera Derived Key', 16));
  const time = timestamp(new Date());
  const signature = createHmac('sha256', key)
    .update(Buffer.from(POOL_NAME, 'utf8'))
    .update(Buffer.from(userId, 'utf8'))
    .update(Buffer.from(params.SECRET_BLOCK, 'base64'))
    .update(Buffer.from(time, 'utf8'))
    .digest('base64');
  return { userId, time, signature };
}

// ---- Wire ---------------------------------------------------------------------------------------

/**
 * Kept-alive connections, at most one per concurrent client, as SDK clients do. Node's agent
 * honours the server's `Keep-Alive: timeout` hint, so it does not reuse a socket the server is
 * about to close.
 */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** POSTs one action and resolves with the JSON answer; rejects with the error type. */
function call(url, action, body, signal) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/`,
      {
        method: 'POST',
        agent,
        signal,
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (res.statusCode !== 200)
              reject(new Error(`${action}: ${json.__type ?? res.statusCode}`));
            else resolve(json);
          } catch {
            reject(new Error(`${action}: unreadable answer (HTTP ${res.statusCode})`));
          }
        });
      },
    );
    req.on('error', (error) => reject(new Error(`${action}: ${error.code ?? error.message}`)));
    req.end(payload);
  });
}

function expectTokens(answer) {
  if (!answer.AuthenticationResult?.AccessToken) throw new Error('no tokens in the answer');
}

/** One complete USER_SRP_AUTH sign-in. */
async function srpSignIn(url, username, signal) {
  const ephemeral = newA();
  const challenge = await call(
    url,
    'InitiateAuth',
    {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: username, SRP_A: ephemeral.A.toString(16) },
    },
    signal,
  );
  if (challenge.ChallengeName !== 'PASSWORD_VERIFIER') {
    throw new Error(`unexpected challenge ${challenge.ChallengeName}`);
  }
  const claim = passwordClaim(ephemeral, challenge.ChallengeParameters, PASSWORD);
  const answer = await call(
    url,
    'RespondToAuthChallenge',
    {
      ChallengeName: 'PASSWORD_VERIFIER',
      ClientId: CLIENT_ID,
      ...(challenge.Session && { Session: challenge.Session }),
      ChallengeResponses: {
        USERNAME: claim.userId,
        PASSWORD_CLAIM_SECRET_BLOCK: challenge.ChallengeParameters.SECRET_BLOCK,
        TIMESTAMP: claim.time,
        PASSWORD_CLAIM_SIGNATURE: claim.signature,
      },
    },
    signal,
  );
  expectTokens(answer);
}

/** One USER_PASSWORD_AUTH sign-in. */
async function passwordSignIn(url, username, signal) {
  const answer = await call(
    url,
    'InitiateAuth',
    {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: username, PASSWORD },
    },
    signal,
  );
  expectTokens(answer);
}

// ---- Server -------------------------------------------------------------------------------------

const workDir = mkdtempSync(path.join(tmpdir(), 'emulator-load-bench-'));
const seedFile = path.join(workDir, 'seed.json');
writeFileSync(
  seedFile,
  JSON.stringify({
    pools: [
      {
        id: POOL_ID,
        clients: [
          {
            id: CLIENT_ID,
            explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
          },
        ],
        users: USERS.map((username) => ({ username, password: PASSWORD })),
      },
    ],
  }),
);

/** Starts a server process; resolves once it listens, with its URL, RSS probe and stop. */
function startServer() {
  const child = fork(path.join(here, 'bench-server.mjs'), [args.dist, seedFile, args.modexp], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters = [];
  child.on('message', (message) => waiters.shift()?.(message));
  const next = () =>
    new Promise((resolve, reject) => {
      waiters.push(resolve);
      child.once('exit', (code) => reject(new Error(`the server exited (code ${code})`)));
    });
  return next().then(({ url }) => ({
    url,
    async rssMiB() {
      child.send('rss');
      const { rss } = await next();
      return rss / 2 ** 20;
    },
    async cpuMs() {
      child.send('cpu');
      const { cpu } = await next();
      return cpu / 1000;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.send('close');
      }),
  }));
}

// ---- Phases -------------------------------------------------------------------------------------

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * `total` sign-ins by {@link CONCURRENCY} clients, each signing in as its own user again and
 * again; `onProgress(done)` after each. Resolves with rate, latencies and errors by reason.
 */
async function load(
  server,
  total,
  signIn,
  { onProgress = () => {}, limitMs = PHASE_LIMIT_MS } = {},
) {
  const { url } = server;
  const cpuBefore = { server: await server.cpuMs(), client: clientCpuMs() };
  const abort = new AbortController();
  // Every in-flight request listens on the one time-limit signal.
  setMaxListeners(CONCURRENCY * 2, abort.signal);
  const limit = setTimeout(() => abort.abort(new Error('time limit reached')), limitMs);
  const latencies = [];
  const errors = new Map();
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    USERS.map(async (username) => {
      while (started < total && !abort.signal.aborted) {
        started += 1;
        const t = performance.now();
        try {
          await signIn(url, username, abort.signal);
          latencies.push(performance.now() - t);
        } catch (error) {
          if (abort.signal.aborted) break;
          const reason = error instanceof Error ? error.message : String(error);
          errors.set(reason, (errors.get(reason) ?? 0) + 1);
        }
        await onProgress(latencies.length + [...errors.values()].reduce((a, b) => a + b, 0));
      }
    }),
  );
  clearTimeout(limit);
  const wallMs = performance.now() - t0;
  const serverCpuMs = (await server.cpuMs()) - cpuBefore.server;
  const clientUsedMs = clientCpuMs() - cpuBefore.client;
  latencies.sort((a, b) => a - b);
  return {
    done: latencies.length,
    perSecond: (latencies.length / wallMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
    timedOut: abort.signal.aborted,
    limitMs,
    serverCpuMs: serverCpuMs / Math.max(1, latencies.length),
    clientCpuMs: clientUsedMs / Math.max(1, latencies.length),
  };
}

/** CPU this process (the client) used so far, ms. */
function clientCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function coldStart() {
  const t0 = performance.now();
  const server = await startServer();
  try {
    await passwordSignIn(server.url, USERS[0]);
    return performance.now() - t0;
  } finally {
    await server.stop();
  }
}

const fmt = {
  rate: (n) => `${n.toFixed(0)}/s`,
  ms: (n) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`),
  mib: (n) => (n === undefined ? '(not reached)' : `${n.toFixed(0)} MiB`),
};
const before = (text) => (text.includes('NaN') ? '' : `   (before, ${BEFORE.date}: ${text})`);
const errorCount = (result) => [...result.errors.values()].reduce((a, b) => a + b, 0);

function report(title, result) {
  console.log(
    `  ${title.padEnd(34)} ${fmt.rate(result.perSecond).padStart(7)}  p50 ${fmt.ms(result.p50Ms)}` +
      `  p99 ${fmt.ms(result.p99Ms)}  errors ${errorCount(result)}` +
      (result.timedOut ? `  (stopped at the ${result.limitMs / 1000} s limit)` : ''),
  );
  console.log(
    `  ${''.padEnd(34)} CPU per sign-in: server ${result.serverCpuMs.toFixed(1)} ms, ` +
      `client ${result.clientCpuMs.toFixed(1)} ms`,
  );
  for (const [reason, n] of result.errors) console.log(`      ${n} × ${reason}`);
}

async function main() {
  const probeBase = toBig(randomBytes(64));
  const probeExp = toBig(randomBytes(40));
  if (power(probeBase, probeExp) !== modPow(probeBase, probeExp)) {
    throw new Error('OpenSSL exponentiation disagrees with BigInt; cannot run');
  }
  console.log(
    `emulator load bench: ${args.dist}, SRP powers: ${args.modexp}, ` +
      `${availableParallelism()} cores shared by client and server, ${CONCURRENCY} concurrent clients`,
  );
  let failed = false;

  const colds = [];
  for (let i = 0; i < 3; i += 1) colds.push(await coldStart());
  const cold = Math.min(...colds);
  console.log(
    `  ${'cold start to first token'.padEnd(34)} ${fmt.ms(cold)}${before(fmt.ms(BEFORE.coldStartMs))}`,
  );

  const server = await startServer();
  try {
    // Pool key generation and JIT warm-up are not load.
    await passwordSignIn(server.url, USERS[0]);
    await srpSignIn(server.url, USERS[0]);
    const srp = await load(server, SRP_COUNT, srpSignIn);
    report(`USER_SRP_AUTH × ${srp.done}`, srp);
    console.log(
      `  ${''.padEnd(34)} goal ≥ ${GOAL.srpPerSecond}/s, p99 ≤ ${fmt.ms(GOAL.srpP99Ms)}: ` +
        (srp.perSecond >= GOAL.srpPerSecond && srp.p99Ms <= GOAL.srpP99Ms ? 'met' : 'missed') +
        before(
          `${fmt.rate(BEFORE.srp.perSecond)}, p50 ${fmt.ms(BEFORE.srp.p50Ms)}, p99 ${fmt.ms(BEFORE.srp.p99Ms)}`,
        ),
    );
    const password = await load(server, PASSWORD_COUNT, passwordSignIn);
    report(`USER_PASSWORD_AUTH × ${password.done}`, password);
    const passwordBefore = before(fmt.rate(BEFORE.password.perSecond)).trim();
    if (passwordBefore) console.log(`  ${''.padEnd(34)} ${passwordBefore}`);
    failed ||= [srp, password].some((r) => errorCount(r) > 0);
  } finally {
    await server.stop();
  }

  const fresh = await startServer();
  try {
    let first;
    const memory = await load(fresh, MEMORY_COUNT, passwordSignIn, {
      limitMs: 2 * PHASE_LIMIT_MS,
      onProgress: async (done) => {
        if (done === Math.min(1000, MEMORY_COUNT)) first = await fresh.rssMiB();
      },
    });
    // Where the phase ended: after MEMORY_COUNT sign-ins, or earlier at the time limit.
    const last = await fresh.rssMiB();
    console.log(
      `  ${'resident memory, USER_PASSWORD_AUTH'.padEnd(34)} ${fmt.mib(first)} after 1,000, ` +
        `${fmt.mib(last)} after ${memory.done.toLocaleString('en')} sign-ins ` +
        `(+${fmt.mib(last - first)}; goal ≤ +${GOAL.rssGrowthMiB} MiB)` +
        before(`${fmt.mib(BEFORE.rssMiB.first)} → ${fmt.mib(BEFORE.rssMiB.last)}`),
    );
    // A loaded machine may not reach the count in time: reported above, not a failure.
    failed ||= errorCount(memory) > 0;
    if (errorCount(memory) > 0) report('memory phase', memory);
  } finally {
    await fresh.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

main()
  .then(() => persistenceBench())
  .catch((error) => {
    console.error(`emulator load bench failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => {
    agent.destroy();
    rmSync(workDir, { recursive: true, force: true });
  });
