/**
 * Issue #9 item 9: with `--data`, an acknowledged change survives `kill -9`. The real CLI runs
 * a bounded load of concurrent sign-ups, is killed mid-load, and the restarted process must know
 * every sign-up it answered with 200, round after round on the same data directory.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli, waitForLine, type Running } from './helpers/cli-process.js';

const ROUNDS = 4;
const WORKERS = 12;
/** Upper bound of sign-ups per round, so the loop ends even if the kill comes late. */
const MAX_PER_ROUND = 600;

let dir: string;
let cli: string;
let running: Running | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ck-kill-'));
  cli = buildCli(dir);
});
afterAll(async () => {
  running?.child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

function signUp(url: string, username: string): Promise<Response> {
  return fetch(`${url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
    },
    body: JSON.stringify({
      ClientId: 'demoWebClient',
      Username: username,
      Password: 'Passw0rd!',
      UserAttributes: [{ Name: 'email', Value: `${username}@example.test` }],
    }),
  });
}

async function start(data: string): Promise<string> {
  running = runCli(cli, ['--port', '0', '--data', data, '--quiet']);
  const [, url] = await waitForLine(running, /listening on (http:\/\/\S+)/);
  return url!;
}

/** Concurrent sign-ups until `killAfter` were acknowledged, then SIGKILL; returns the acknowledged. */
async function loadThenKill(url: string, round: number, killAfter: number): Promise<string[]> {
  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  const victim = running!;
  const worker = async (): Promise<void> => {
    while (!killed && next < MAX_PER_ROUND) {
      const username = `r${round}u${next++}`;
      try {
        const res = await signUp(url, username);
        if (res.status === 200) acknowledged.push(username);
        else throw new Error(`sign-up ${username}: ${res.status} ${await res.text()}`);
      } catch (error) {
        if (killed) return;
        throw error;
      }
      if (acknowledged.length >= killAfter && !killed) {
        killed = true;
        victim.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  await victim.exited;
  return acknowledged;
}

describe('durable persistence under kill -9', () => {
  it(`keeps every acknowledged sign-up over ${ROUNDS} killed rounds`, async () => {
    const data = join(dir, 'data');
    const all: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const url = await start(data);
      // Different kill points: early, middle, late in the burst.
      all.push(...(await loadThenKill(url, round, 40 + round * 35)));
    }
    // A temporary file a crash could leave behind is removed at start-up.
    await writeFile(join(data, 'emulator-state.json.99999.1.tmp'), '{"half":');
    const url = await start(data);
    const tempFiles = (await readdir(data)).filter((name) => name.endsWith('.tmp'));

    const lost: string[] = [];
    for (const username of all) {
      const again = await signUp(url, username);
      if (again.headers.get('x-amzn-errortype') !== 'UsernameExistsException') lost.push(username);
    }
    expect(all.length).toBeGreaterThanOrEqual(ROUNDS * 40);
    expect(lost).toEqual([]);
    expect(tempFiles).toEqual([]);
    running!.child.kill('SIGTERM');
    expect(await running!.exited).toBe(0);
  }, 120_000);
});
