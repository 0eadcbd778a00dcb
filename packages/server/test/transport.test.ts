/**
 * Signing, credentials and retries of the admin transport, against the emulator over HTTP (its
 * fault injection answers the throttled calls).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '@cognito-kit/emulator/node';
import { isCognitoError } from '@cognito-kit/core';
import { createCognitoAdmin } from '../src/index.js';
import { CREDENTIALS, POOL, defaultSeed, rejection, useEmulator } from './harness.js';

const h = useEmulator();

/** A fetch that counts the requests it sends. */
function countingFetch() {
  const counter = {
    requests: 0,
    fetch: (async (input, init) => {
      counter.requests++;
      return fetch(input, init);
    }) as typeof fetch,
  };
  return counter;
}

describe('signing', () => {
  it('is accepted by the emulator, which checks every signature', async () => {
    expect((await h.admin.users.get('seeded')).username).toBe('seeded');
  });

  it('with a wrong secret → InvalidSignatureException, an unknown key → UnrecognizedClientException', async () => {
    const wrongSecret = h.adminWith({ credentials: { ...CREDENTIALS, secretAccessKey: 'nope' } });
    const e1 = await rejection(wrongSecret.users.get('seeded'));
    expect(isCognitoError(e1, 'InvalidSignatureException')).toBe(true);
    expect(e1.message).toMatch(/signature we calculated does not match/);
    const unknownKey = h.adminWith({
      credentials: { accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' },
    });
    const e2 = await rejection(unknownKey.users.get('seeded'));
    expect(isCognitoError(e2, 'UnrecognizedClientException')).toBe(true);
  });

  it('signs the session token of temporary credentials', async () => {
    const temporary = {
      accessKeyId: 'ASIATEMPORARY',
      secretAccessKey: 'temp-secret',
      sessionToken: 'session-token-1',
    };
    const server = await startEmulatorServer({
      port: 0,
      quiet: true,
      credentials: [temporary],
      seed: defaultSeed(),
    });
    try {
      const admin = createCognitoAdmin({
        userPoolId: POOL,
        endpoint: server.url,
        credentials: temporary,
      });
      expect((await admin.users.get('seeded')).username).toBe('seeded');
      const otherToken = createCognitoAdmin({
        userPoolId: POOL,
        endpoint: server.url,
        credentials: { ...temporary, sessionToken: 'session-token-2' },
      });
      expect(
        isCognitoError(
          await rejection(otherToken.users.get('seeded')),
          'UnrecognizedClientException',
        ),
      ).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('a signature dated outside the allowed skew', () => {
  let server: EmulatorServer | undefined;
  beforeAll(async () => {
    // The emulator's clock is a day ahead: our (correct) date is too old for it.
    server = await startEmulatorServer({
      port: 0,
      quiet: true,
      credentials: CREDENTIALS,
      seed: defaultSeed(),
      emulatorOptions: { now: Date.now() + 24 * 3600 * 1000 },
    });
  });
  afterAll(() => server?.close());

  it('is refused as InvalidSignatureException "Signature expired", not retried', async () => {
    const counter = countingFetch();
    const admin = createCognitoAdmin({
      userPoolId: POOL,
      endpoint: server!.url,
      credentials: CREDENTIALS,
      fetch: counter.fetch,
    });
    const error = await rejection(admin.users.get('seeded'));
    expect(isCognitoError(error, 'InvalidSignatureException')).toBe(true);
    expect(error.message).toMatch(/^Signature expired/);
    expect(counter.requests).toBe(1);
  });
});

describe('credentials', () => {
  it('missing → InvalidInput naming the variables to set, before any request', async () => {
    const counter = countingFetch();
    const admin = createCognitoAdmin({
      userPoolId: POOL,
      endpoint: h.server.url,
      env: {},
      fetch: counter.fetch,
    });
    const error = await rejection(admin.users.get('seeded'));
    expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    expect(error.message).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
    expect(counter.requests).toBe(0);
  });

  it('come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY by default, region from AWS_REGION when the pool id has none', async () => {
    const admin = createCognitoAdmin({
      userPoolId: POOL,
      endpoint: h.server.url,
      env: {
        AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      },
    });
    expect((await admin.users.get('seeded')).username).toBe('seeded');
    expect(() => createCognitoAdmin({ userPoolId: 'local_1', env: {} })).toThrow(/region/);
    expect(
      createCognitoAdmin({ userPoolId: 'local_1', env: { AWS_REGION: 'eu-central-1' } }).endpoint,
    ).toBe('https://cognito-idp.eu-central-1.amazonaws.com/');
  });

  it('from a provider are cached until 5 minutes before their expiration', async () => {
    let calls = 0;
    let lifetime = 60 * 60 * 1000;
    const admin = h.adminWith({
      credentials: async () => {
        calls++;
        return { ...CREDENTIALS, expiration: new Date(Date.now() + lifetime) };
      },
    });
    await Promise.all([admin.users.get('seeded'), admin.users.get('seeded')]);
    await admin.users.get('seeded');
    expect(calls).toBe(1);

    calls = 0;
    lifetime = 4 * 60 * 1000; // inside the 5-minute margin: asked again for every request
    const shortLived = h.adminWith({
      credentials: async () => {
        calls++;
        return { ...CREDENTIALS, expiration: new Date(Date.now() + lifetime) };
      },
    });
    await shortLived.users.get('seeded');
    await shortLived.users.get('seeded');
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('a failing or empty provider → InvalidInput with the cause, nothing sent', async () => {
    const counter = countingFetch();
    const failing = h.adminWith({
      fetch: counter.fetch,
      credentials: async () => {
        throw new Error('IMDS unreachable');
      },
    });
    const error = await rejection(failing.users.get('seeded'));
    expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    expect((error.cause as Error).message).toBe('IMDS unreachable');
    const empty = h.adminWith({
      fetch: counter.fetch,
      credentials: async () => ({ accessKeyId: '', secretAccessKey: '' }),
    });
    expect(isCognitoError(await rejection(empty.users.get('seeded')), 'InvalidInput')).toBe(true);
    expect(counter.requests).toBe(0);
  });
});

describe("throttling (the emulator's fault injection answers 429 / TooManyRequestsException)", () => {
  /** A fetch that records the Authorization header of every request it sends. */
  function recordingFetch() {
    const seen: string[] = [];
    const send = (async (input, init) => {
      const request = new Request(input, init);
      seen.push(request.headers.get('authorization') ?? '');
      return fetch(request);
    }) as typeof fetch;
    return { seen, fetch: send };
  }
  const throttledAdmin = (send: typeof fetch) =>
    h.adminWith({ retry: { limit: 3, baseDelay: 5, maxDelay: 20 }, fetch: send });
  afterAll(() => h.server.emulator.faults.clear());

  it('re-sends a throttled write (re-signed each time) and succeeds', async () => {
    // Both spellings AWS front ends use: a bare 429, then Cognito's own exception.
    h.server.emulator.faults.inject({
      action: 'AdminCreateUser',
      fault: { type: 'status', status: 429 },
    });
    h.server.emulator.faults.inject({
      action: 'AdminCreateUser',
      fault: { type: 'error', code: 'TooManyRequestsException', message: 'Rate exceeded' },
    });
    const recorder = recordingFetch();
    const user = await throttledAdmin(recorder.fetch).users.create({
      username: 'throttled',
      messageAction: 'SUPPRESS',
    });
    expect(user.username).toBe('throttled');
    expect(recorder.seen).toHaveLength(3);
    expect(
      recorder.seen.every((a) => a.startsWith('AWS4-HMAC-SHA256 Credential=AKIDSERVERKIT/')),
    ).toBe(true);
    // The emulator really created the user once the throttling stopped.
    expect((await h.admin.users.get('throttled')).username).toBe('throttled');
  });

  it('gives up after the retry limit with a typed, retryable TooManyRequestsException', async () => {
    h.server.emulator.faults.inject({
      action: 'AdminCreateUser',
      times: 5,
      fault: { type: 'error', code: 'TooManyRequestsException', message: 'Rate exceeded' },
    });
    const recorder = recordingFetch();
    const error = await rejection(
      throttledAdmin(recorder.fetch).users.create({
        username: 'throttled-again',
        messageAction: 'SUPPRESS',
      }),
    );
    expect(recorder.seen).toHaveLength(4);
    expect(isCognitoError(error, 'TooManyRequestsException')).toBe(true);
    expect(error.retryable).toBe(true);
  });
});
