/**
 * A device clock that is off (fast or slow by 10 minutes or 2 hours) against the emulator's
 * clock: sign-in, restore and refresh timing all follow server time, measured from the tokens'
 * `iat` when they arrive. The emulator's clock is the server's; the facade's injected clock is
 * the device's.
 */
import { createEmulator, type Emulator, type EmulatorSeed } from '@cognito-kit/emulator';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCognitoAuth, internalsOf } from '../src/auth/index.js';
import { createRefreshScheduler, memoryStorage, type TokenStorage } from '../src/session/index.js';
import { expectStatus } from './sign-in-helpers.js';

const POOL = 'eu-west-2_ClockSkew1';
const CLIENT = 'shortlived';
const ENDPOINT = 'http://emulator.test';
const PASSWORD = 'Passw0rd!';
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

const SEED: EmulatorSeed = {
  pools: [
    {
      id: POOL,
      // The SRP claim's TIMESTAMP is signed with the real Date.now, not the injected device
      // clock, while the emulator's clock is fixed at T0: its tolerance check is off here so
      // that this file tests what it is about, token times.
      timestampToleranceSeconds: null,
      // 5-minute tokens: a device 10 minutes fast sees them expired on arrival.
      clients: [{ id: CLIENT, tokenValidity: { idToken: 300, accessToken: 300 } }],
      users: [{ username: 'alice', password: PASSWORD }],
    },
  ],
};

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator(SEED, { now: T0 });
});

function facade(deviceAheadMs: number, storage: TokenStorage, calls: string[]) {
  return createCognitoAuth({
    endpoint: ENDPOINT,
    userPoolId: POOL,
    clientId: CLIENT,
    storage,
    crossTab: false,
    refreshMargin: 60_000,
    clock: { now: () => emulator.api.clock.now() + deviceAheadMs },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const target = request.headers.get('x-amz-target');
      if (target) calls.push(target.split('.')[1] ?? target);
      return emulator.fetch(request);
    },
  });
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each([
  ['right', 0],
  ['10 minutes fast', 10 * MINUTE],
  ['10 minutes slow', -10 * MINUTE],
  ['2 hours fast', 2 * HOUR],
  ['2 hours slow', -2 * HOUR],
])('a device clock %s', (_, ahead) => {
  it('signs in, restores without a request, and refreshes when server time says so', async () => {
    const serverMinusDevice = 0 - ahead; // (never -0)
    const storage = memoryStorage();
    const calls: string[] = [];
    const auth = facade(ahead, storage, calls);
    expectStatus(await auth.start(), 'signedOut');
    expectStatus(await auth.signIn({ username: 'alice', password: PASSWORD }), 'signedIn');
    const signedIn = internalsOf(auth).session.current();
    expect(signedIn?.clockOffset).toBe(serverMinusDevice);
    auth.dispose();

    // Reload: the stored tokens verify against server time, with no Cognito request.
    const before = calls.length;
    const reloaded = facade(ahead, storage, calls);
    expectStatus(await reloaded.start(), 'signedIn');
    expect(calls.slice(before)).toEqual([]);
    const token = signedIn?.tokens.accessToken;
    expect(await reloaded.getAccessToken()).toBe(token);

    // Server time 230 s of 300: not yet due (margin 60 s). 245 s: due, one refresh.
    emulator.api.clock.advance(230_000);
    expect(await reloaded.getAccessToken()).toBe(token);
    emulator.api.clock.advance(15_000);
    const fresh = await reloaded.getAccessToken();
    expect(fresh).not.toBe(token);
    expect(calls.slice(before)).toEqual(['InitiateAuth']);
    expect(internalsOf(reloaded).session.current()?.clockOffset).toBe(serverMinusDevice);
    reloaded.dispose();
  });

  it('the refresh scheduler, on the device clock, fires when server time says so', async () => {
    const calls: string[] = [];
    const auth = facade(ahead, memoryStorage(), calls);
    await auth.start();
    expectStatus(await auth.signIn({ username: 'alice', password: PASSWORD }), 'signedIn');
    const signedInWith = internalsOf(auth).session.current()?.tokens.accessToken;
    const scheduler = createRefreshScheduler(internalsOf(auth).session, {
      margin: 60_000,
      jitter: 0,
      // The device's clock; timers never fire by themselves here, check() looks at the clock.
      timers: {
        now: () => emulator.api.clock.now() + ahead,
        setTimeout: () => 0,
        clearTimeout: () => {},
      },
    });
    const before = calls.length;
    emulator.api.clock.advance(230_000);
    scheduler.check();
    expect(calls.slice(before)).toEqual([]);
    emulator.api.clock.advance(15_000);
    scheduler.check();
    await vi.waitFor(() =>
      expect(internalsOf(auth).session.current()?.tokens.accessToken).not.toBe(signedInWith),
    );
    expect(calls.slice(before)).toEqual(['InitiateAuth']);
    scheduler.dispose();
    auth.dispose();
  });
});
