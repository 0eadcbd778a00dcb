/**
 * Persistence write cost as the state grows (issue #9 item 9), printed by load-bench.mjs: with a
 * data directory, sequential sign-ups over HTTP against pools of 1,000 and 10,000 users. Each
 * sign-up is answered only after its change is fsync'd to the journal, so the figures are the
 * cost a state-changing request pays; the whole-file rewrite the journal replaced is timed on
 * the same state for comparison.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulatorServer } from '../dist/node/index.js';

const POOL_ID = 'us-east-1_PersistBench1';
const CLIENT_ID = 'persistbenchclient';
const PASSWORD = 'Bench-Passw0rd!';
const SIGN_UPS = 300;

async function signUp(url, username) {
  const res = await fetch(`${url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.SignUp',
    },
    body: JSON.stringify({ ClientId: CLIENT_ID, Username: username, Password: PASSWORD }),
  });
  if (res.status !== 200)
    throw new Error(`SignUp ${username}: HTTP ${res.status} ${await res.text()}`);
}

async function measure(users) {
  const dataDir = await mkdtemp(join(tmpdir(), 'ck-persist-bench-'));
  try {
    const seedStarted = performance.now();
    const server = await startEmulatorServer({
      port: 0,
      host: '127.0.0.1',
      quiet: true,
      dataDir,
      seed: {
        pools: [
          {
            id: POOL_ID,
            clients: [{ id: CLIENT_ID }],
            users: Array.from({ length: users }, (_, i) => ({
              username: `seeded-${i}`,
              password: PASSWORD,
              attributes: { email: `seeded-${i}@example.test` },
            })),
          },
        ],
      },
    });
    const startMs = performance.now() - seedStarted;
    try {
      const before = server.persistenceStats();
      const latencies = [];
      for (let i = 0; i < SIGN_UPS; i++) {
        const started = performance.now();
        await signUp(server.url, `new-${i}`);
        latencies.push(performance.now() - started);
      }
      const after = server.persistenceStats();
      latencies.sort((a, b) => a - b);
      const appends = after.appends - before.appends;
      // The snapshot written at start-up is what every change cost before the journal: the
      // whole state serialised, written and fsync'd.
      const rewriteMs = before.compactionMs / Math.max(1, before.compactions);
      return {
        users,
        startMs,
        appendMs: (after.appendMs - before.appendMs) / Math.max(1, appends),
        appendBytes: after.journalBytes > 0 ? after.journalBytes / Math.max(1, after.appends) : NaN,
        requestP50: latencies[Math.floor(latencies.length / 2)],
        requestP99: latencies[Math.ceil(latencies.length * 0.99) - 1],
        compactions: after.compactions - before.compactions,
        compactionMs:
          after.compactions > before.compactions
            ? (after.compactionMs - before.compactionMs) / (after.compactions - before.compactions)
            : NaN,
        snapshotBytes: after.snapshotBytes,
        rewriteMs,
      };
    } finally {
      await server.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Prints the persistence figures at 1k and 10k users. */
export async function persistenceBench() {
  console.log(`emulator persistence bench: ${SIGN_UPS} sequential sign-ups with --data`);
  for (const users of [1_000, 10_000]) {
    const r = await measure(users);
    const f = (n, digits = 2) => (Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
    console.log(
      `  ${String(users).padStart(6)} users: journal write ${f(r.appendMs)} ms (write + fsync, ` +
        `${f(r.appendBytes, 0)} bytes), sign-up p50 ${f(r.requestP50, 1)} ms p99 ${f(r.requestP99, 1)} ms, ` +
        `snapshot ${(r.snapshotBytes / 1024 / 1024).toFixed(1)} MiB` +
        (r.compactions > 0 ? `, ${r.compactions} compactions at ${f(r.compactionMs, 0)} ms` : '') +
        `; whole-file rewrite ${f(r.rewriteMs, 1)} ms`,
    );
  }
}
