/**
 * What a web page open in the developer's browser can do with the emulator (issue #9 item 10),
 * over real HTTP: only loopback pages (and origins added on purpose) get CORS answers, and
 * foreign pages cannot read the outbox, drive the fault controls or call the admin API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '../src/node/index.js';
import { exposureWarning, isLoopbackHost } from '../src/node/exposure.js';

const POOL = 'us-east-1_Exposure1';
const FOREIGN = 'https://evil.example';
const ADDED = 'https://app.example.test';

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({
    port: 0,
    quiet: true,
    corsOrigins: [ADDED],
    seed: { pools: [{ id: POOL, clients: [{ id: 'web' }] }] },
  });
});
afterAll(async () => {
  await server.close();
});

const outbox = (headers: Record<string, string>) =>
  fetch(`${server.url}/_emulator/outbox`, { headers });

const signUp = (origin: string) =>
  fetch(`${server.url}/`, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
    },
    body: JSON.stringify({ ClientId: 'web', Username: `u${Math.random()}`, Password: 'Passw0rd!' }),
  });

describe('CORS defaults to loopback origins', () => {
  it.each([
    'http://localhost:5173',
    'http://127.0.0.1:3000',
    'https://[::1]:8443',
    'http://localhost',
    ADDED,
  ])('answers %s with its origin and lets it read the outbox', async (origin) => {
    const preflight = await fetch(`${server.url}/`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const answer = await signUp(origin);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    const read = await outbox({ origin });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it.each([FOREIGN, 'http://localhost.evil.example', 'http://127.0.0.1.nip.io', 'null'])(
    'gives %s no CORS answer and refuses its outbox read',
    async (origin) => {
      const preflight = await fetch(`${server.url}/`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect((await signUp(origin)).headers.get('access-control-allow-origin')).toBeNull();
      const read = await outbox({ origin });
      expect(read.status).toBe(403);
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
      expect(await read.text()).not.toContain('messages');
    },
  );

  it('refuses a cross-site request without Origin (an <img> or a navigation)', async () => {
    expect((await outbox({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await outbox({ 'sec-fetch-site': 'same-site' })).status).toBe(200);
    // Tools (curl, SDKs, Node) send neither header.
    expect((await outbox({})).status).toBe(200);
  });

  it('refuses the fault controls to a foreign page', async () => {
    const inject = (origin: string) =>
      fetch(`${server.url}/_emulator/faults`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'InitiateAuth', fault: { type: 'drop' } }),
      });
    expect((await inject(FOREIGN)).status).toBe(403);
    expect(server.emulator.faults.list()).toEqual([]);
    expect((await inject('http://localhost:5173')).status).toBe(200);
    expect(server.emulator.faults.list()).toHaveLength(1);
    server.emulator.faults.clear();
  });

  it('refuses the admin API to a foreign page before looking at the signature', async () => {
    const admin = (headers: Record<string, string>) =>
      fetch(`${server.url}/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
          ...headers,
        },
        body: '{"MaxResults":1}',
      });
    const foreign = await admin({ origin: FOREIGN });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    const crossSite = await admin({ 'sec-fetch-site': 'cross-site' });
    expect(crossSite.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    // A loopback page gets as far as the signature check.
    const local = await admin({ origin: 'http://localhost:5173' });
    expect(local.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});

describe('exposure warning', () => {
  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'example.test'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('warns for a non-loopback host only while the default credentials are accepted', () => {
    const local = { accessKeyId: 'local', secretAccessKey: 'local' };
    const own = { accessKeyId: 'AKID', secretAccessKey: 'long-secret' };
    expect(exposureWarning('0.0.0.0', [local])).toMatch(/WARNING.*non-loopback.*0\.0\.0\.0/s);
    expect(exposureWarning('0.0.0.0', [own, local])).toMatch(/--credentials/);
    expect(exposureWarning('0.0.0.0', [own])).toBeUndefined();
    expect(exposureWarning('127.0.0.1', [local])).toBeUndefined();
  });
});
