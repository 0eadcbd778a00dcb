/**
 * The demo server's /api/admin against the emulator seeded with the demo's own seed.json: the
 * seeded `admin` (group `admins`) may list users, `demo` gets a bare 403, no token gets 401, and
 * a change is audited before its answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoAuth, memoryStorage } from '@cognito-kit/core';
import { startEmulatorServer } from '@cognito-kit/emulator/node';
import { startDemoServer } from './serve.mjs';

const SEED = fileURLToPath(new URL('../seed.json', import.meta.url));
const POOL = 'us-east-1_AcmeDemo1';
const CLIENT = 'acmeNotesWeb';
let emulator;
let server;
let dir;
const audit = [];

async function tokenOf(username, password) {
  const auth = createCognitoAuth({
    endpoint: emulator.url,
    userPoolId: POOL,
    clientId: CLIENT,
    storage: memoryStorage(),
  });
  await auth.start();
  let state = await auth.signIn({ username, password });
  if (state.status === 'rememberDevice') state = await auth.rememberDevice(false);
  if (state.status !== 'signedIn') throw new Error(`${username}: ${state.status}`);
  return auth.getAccessToken();
}

const post = (path, body, token) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-admin-'));
  emulator = await startEmulatorServer({ port: 0, quiet: true, seed: SEED });
  server = await startDemoServer({
    distDir: dir,
    cognito: {
      userPoolId: POOL,
      clientId: CLIENT,
      endpoint: emulator.url,
      audit: (event) => audit.push(event),
    },
  });
});

afterAll(async () => {
  await server?.close();
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('/api/admin on the demo server', () => {
  it('lets the seeded admin in, refuses everyone else', async () => {
    expect((await post('/api/admin/listUsers', {})).status).toBe(401);
    const demo = await tokenOf('demo', 'Demo-Passw0rd!');
    const refused = await post('/api/admin/listUsers', {}, demo);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'forbidden' });

    const admin = await tokenOf('admin', 'Admin-Passw0rd!');
    const listed = await post(
      '/api/admin/listUsers',
      { search: { by: 'email', prefix: 'al' } },
      admin,
    );
    expect(listed.status).toBe(200);
    expect((await listed.json()).items.map((u) => u.username)).toEqual(['alice']);

    const disabled = await post('/api/admin/disableUser', { username: 'bob' }, admin);
    expect(disabled.status).toBe(200);
    expect(emulator.emulator.api.getUser(POOL, 'bob')?.enabled).toBe(false);
    expect(audit).toMatchObject([
      {
        action: 'disableUser',
        actor: { username: 'admin' },
        target: { username: 'bob' },
        result: 'ok',
      },
    ]);
  });
});
