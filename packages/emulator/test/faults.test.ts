/**
 * Fault injection (issue #9 "Fault matrix"): the programmatic API, the dev route and the CLI
 * flag make the next calls of an action fail with a Cognito error, an HTTP status, a dropped
 * connection or a delay, without the engine seeing those calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../src/index.js';
import { parseFaultSpec } from '../src/engine/faults.js';
import { startEmulatorServer, type EmulatorServer } from '../src/node/index.js';
import { basicPool, call, CLIENT_ID, ENDPOINT, PASSWORD, POOL_ID } from './helpers/wire.js';

const signIn = (fetchImpl: (input: string, init: RequestInit) => Promise<Response>, base: string) =>
  fetchImpl(`${base}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'alice', PASSWORD },
    }),
  });

describe('in-process fault injection', () => {
  const emulator = createEmulator({ pools: [basicPool()] });
  const send = (input: string, init: RequestInit) => emulator.fetch(input, init);

  it('answers the next N calls of the action with the Cognito error, then recovers', async () => {
    emulator.faults.inject({
      action: 'InitiateAuth',
      times: 2,
      fault: { type: 'error', code: 'TooManyRequestsException' },
    });
    for (let i = 0; i < 2; i++) {
      const res = await signIn(send, ENDPOINT);
      expect(res.status).toBe(429);
      expect(res.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
      expect(((await res.json()) as { __type: string }).__type).toBe('TooManyRequestsException');
    }
    expect((await signIn(send, ENDPOINT)).status).toBe(200);
    expect(emulator.faults.list()).toEqual([]);
  });

  it('leaves other actions alone and never lets the engine see a failed call', async () => {
    emulator.faults.inject({
      action: 'SignUp',
      fault: { type: 'error', code: 'InternalErrorException' },
    });
    expect((await signIn(send, ENDPOINT)).status).toBe(200);
    const failed = await call(emulator, 'SignUp', {
      ClientId: CLIENT_ID,
      Username: 'bob',
      Password: PASSWORD,
    });
    expect(failed.status).toBe(500);
    expect(emulator.api.getUser(POOL_ID, 'bob')).toBeUndefined();
  });

  it('answers a bare status, drops the connection, delays', async () => {
    emulator.faults.inject({ action: 'InitiateAuth', fault: { type: 'status', status: 503 } });
    const bare = await signIn(send, ENDPOINT);
    expect(bare.status).toBe(503);
    expect(bare.headers.get('x-amzn-errortype')).toBeNull();

    emulator.faults.inject({ action: 'InitiateAuth', fault: { type: 'drop' } });
    await expect(signIn(send, ENDPOINT)).rejects.toBeInstanceOf(TypeError);

    emulator.faults.inject({ action: 'InitiateAuth', fault: { type: 'delay', ms: 150 } });
    const started = Date.now();
    expect((await signIn(send, ENDPOINT)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('matches the JWKS route and every call with *; clear() removes all', async () => {
    emulator.faults.inject({ action: 'JWKS', fault: { type: 'status', status: 502 } });
    const jwks = `${ENDPOINT}/${POOL_ID}/.well-known/jwks.json`;
    expect((await emulator.fetch(jwks)).status).toBe(502);
    expect((await emulator.fetch(jwks)).status).toBe(200);
    emulator.faults.inject({ action: '*', times: 5, fault: { type: 'status', status: 500 } });
    expect((await emulator.fetch(jwks)).status).toBe(500);
    emulator.faults.clear();
    expect((await signIn(send, ENDPOINT)).status).toBe(200);
  });

  it('refuses malformed rules with a TypeError naming the problem', () => {
    expect(() => emulator.faults.inject({ action: '', fault: { type: 'drop' } })).toThrow(/action/);
    expect(() =>
      emulator.faults.inject({ action: 'X', times: 0, fault: { type: 'drop' } }),
    ).toThrow(/times/);
    expect(() => parseFaultSpec('GetUser:3:delay:1500')).not.toThrow();
    expect(parseFaultSpec('GetUser:3:delay:1500')).toEqual({
      action: 'GetUser',
      times: 3,
      fault: { type: 'delay', ms: 1500 },
    });
  });
});

describe('fault injection over HTTP', () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startEmulatorServer({
      port: 0,
      quiet: true,
      seed: { pools: [basicPool()] },
      faults: [parseFaultSpec('InitiateAuth:error:NotAuthorizedException')],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('applies the start-up faults, then the ones posted to /_emulator/faults', async () => {
    const first = await signIn(fetch, server.url);
    expect(first.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException');
    expect((await signIn(fetch, server.url)).status).toBe(200);

    const posted = await fetch(`${server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'InitiateAuth', times: 3, fault: { type: 'drop' } }),
    });
    expect(posted.status).toBe(200);
    const listed = (await (await fetch(`${server.url}/_emulator/faults`)).json()) as {
      faults: { remaining: number }[];
    };
    expect(listed.faults).toEqual([expect.objectContaining({ remaining: 3 })]);
    // A dropped connection: the socket closes without an answer.
    await expect(signIn(fetch, server.url)).rejects.toThrow(/fetch failed/);

    expect((await fetch(`${server.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await signIn(fetch, server.url)).status).toBe(200);
  });

  it('refuses a malformed rule with InvalidParameterException', async () => {
    const bad = await fetch(`${server.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ action: 'InitiateAuth', fault: { type: 'explode' } }),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-errortype')).toBe('InvalidParameterException');
  });
});
