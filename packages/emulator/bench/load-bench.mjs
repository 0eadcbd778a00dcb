#!/usr/bin/env node
/**
 * Load benchmark of the emulator's HTTP host: N concurrent, complete SRP sign-ins
 * (InitiateAuth USER_SRP_AUTH → RespondToAuthChallenge PASSWORD_VERIFIER → tokens), one user each.
 *
 *   pnpm --filter @cognito-kit/emulator build && node packages/emulator/bench/load-bench.mjs [N=200]
 *
 * Prints throughput, p50 / p99 latency and the error count; exits 1 if any sign-in failed or the
 * run exceeded its time limit. Listens on 127.0.0.1 (ephemeral port) only and stops by itself.
 *
 * The SRP client is written here (node:crypto + BigInt, following COGNITO-PROTOCOL.md §2) so the
 * bench depends on nothing but the built emulator: neither @cognito-kit/core (the emulator must
 * stay independent of it) nor amazon-cognito-identity-js (whose pure-JS big integers would make
 * this a benchmark of the client). The client shares the process (and its one JS thread) with
 * the server, so it is kept cheap: powers of g go through OpenSSL's Diffie–Hellman, and the
 * client secret `a` is 256 bits instead of the reference clients' 1024 (the server cannot tell;
 * it only shortens the one BigInt exponentiation left, S).
 */
import { createDiffieHellman, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startEmulatorServer } from '../dist/node/index.js';
import { persistenceBench } from './persistence-bench.mjs';

const COUNT = Number.parseInt(process.argv[2] ?? '200', 10);
const TIME_LIMIT_MS = 60_000;
const POOL_ID = 'us-east-1_LoadBench1';
const POOL_NAME = POOL_ID.split('_')[1];
const CLIENT_ID = 'loadbenchclient';
const PASSWORD = 'Bench-Passw0rd!';

if (!Number.isInteger(COUNT) || COUNT < 1 || COUNT > 5000) {
  console.error('usage: load-bench.mjs [number of concurrent sign-ins, 1–5000]');
  process.exit(2);
}

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
 * g^exp mod N through OpenSSL: a DH "public key" is generator^private mod prime. One object is
 * reused (building one per call re-validates the group).
 */
const gGroup = createDiffieHellman(NBuffer, bytes(g));
function gPow(exp) {
  gGroup.setPrivateKey(bytes(exp));
  gGroup.generateKeys();
  return toBig(gGroup.getPublicKey());
}

/** base^exp mod N by square-and-multiply (BigInt has no modPow). */
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
    const A = gPow(a);
    if (A % N !== 0n) return { a, A };
  }
}

/** PASSWORD_CLAIM_SIGNATURE for one PASSWORD_VERIFIER challenge. */
function passwordClaim({ a, A }, params, password) {
  const userId = params.USER_ID_FOR_SRP;
  const B = BigInt(`0x${params.SRP_B}`);
  const salt = BigInt(`0x${params.SALT}`);
  if (B % N === 0n) throw new Error('server sent B ≡ 0 (mod N)');
  const u = toBig(sha256(bytes(A), bytes(B)));
  if (u === 0n) throw new Error('u = 0');
  const inner = sha256(Buffer.from(`${POOL_NAME}${userId}:${password}`, 'utf8'));
  const x = toBig(sha256(bytes(salt), inner));
  const base = (((B - k * gPow(x)) % N) + N) % N;
  const S = modPow(base, a + u * x);
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
 * POSTs one action. A fresh connection per call (no keep-alive): under a CPU-starved run a pooled
 * socket can sit idle past the server's keep-alive timeout and be reset just as it is reused,
 * which would count as a sign-in failure that is not the emulator's.
 */
function call(url, action, body, signal) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/`,
      {
        method: 'POST',
        agent: false,
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

/** One complete USER_SRP_AUTH sign-in; resolves with its latency in ms. */
async function signIn(url, username, signal) {
  const started = performance.now();
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
  if (!answer.AuthenticationResult?.AccessToken) throw new Error('no tokens in the answer');
  return performance.now() - started;
}

// ---- Run ----------------------------------------------------------------------------------------

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const probeBase = toBig(randomBytes(64));
  const probeExp = toBig(randomBytes(40));
  if (gPow(probeExp) !== modPow(g, probeExp) || modPow(probeBase, 0n) !== 1n) {
    throw new Error('OpenSSL exponentiation disagrees with BigInt; cannot run');
  }

  const usernames = Array.from({ length: COUNT }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
  const server = await startEmulatorServer({
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    seed: {
      pools: [
        {
          id: POOL_ID,
          clients: [{ id: CLIENT_ID, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }],
          users: [{ username: 'warm-up', password: PASSWORD }].concat(
            usernames.map((username) => ({ username, password: PASSWORD })),
          ),
        },
      ],
    },
  });
  const abort = new AbortController();
  // Every in-flight request listens on the one time-limit signal.
  setMaxListeners(COUNT * 2 + 10, abort.signal);
  const limit = setTimeout(() => abort.abort(new Error('time limit reached')), TIME_LIMIT_MS);
  try {
    // One sequential sign-in first: pool key generation and JIT warm-up are not load.
    await signIn(server.url, 'warm-up', abort.signal);

    const latencies = [];
    const errors = new Map();
    const started = performance.now();
    await Promise.all(
      usernames.map((username) =>
        signIn(server.url, username, abort.signal).then(
          (ms) => void latencies.push(ms),
          (error) => {
            const reason = error instanceof Error ? error.message : String(error);
            errors.set(reason, (errors.get(reason) ?? 0) + 1);
          },
        ),
      ),
    );
    const wallMs = performance.now() - started;
    latencies.sort((x, y) => x - y);
    const failed = [...errors.values()].reduce((sum, n) => sum + n, 0);

    console.log(`emulator load bench: ${COUNT} concurrent USER_SRP_AUTH sign-ins on ${server.url}`);
    console.log(`  wall time     ${(wallMs / 1000).toFixed(2)} s`);
    console.log(`  throughput    ${((latencies.length / wallMs) * 1000).toFixed(1)} sign-ins/s`);
    console.log(`  latency p50   ${percentile(latencies, 50).toFixed(0)} ms`);
    console.log(`  latency p99   ${percentile(latencies, 99).toFixed(0)} ms`);
    console.log(`  errors        ${failed}`);
    for (const [reason, n] of errors) console.log(`    ${n} × ${reason}`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    clearTimeout(limit);
    await server.close();
  }
}

main()
  .then(() => persistenceBench())
  .catch((error) => {
    console.error(`emulator load bench failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
