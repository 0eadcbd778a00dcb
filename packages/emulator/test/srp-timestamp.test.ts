/**
 * The claim TIMESTAMP skew check of PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER: claims
 * stamped further than the pool's `timestampToleranceSeconds` from the emulator clock fail like
 * a wrong signature; `null` turns the check off.
 */
import { describe, expect, it } from 'vitest';
import type { Emulator, PoolSeed } from '../src/index.js';
import {
  authenticate,
  memoryStorage,
  referencePool,
  routeFetchTo,
} from './helpers/reference-client.js';
import { aj } from './helpers/reference-client.js';
import { referenceSrp, signClaim, startSrp } from './helpers/srp-client.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith } from './helpers/wire.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `EEE MMM d HH:mm:ss UTC yyyy` of an epoch-ms instant, as SRP clients stamp claims. */
function stamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** 2025-06-15T12:00:00Z: a frozen clock far from the real one. */
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

async function signInStampedAt(e: Emulator, ms: number) {
  const exchange = await startSrp(e, {
    poolId: POOL_ID,
    clientId: CLIENT_ID,
    username: 'alice',
    password: PASSWORD,
  });
  return exchange.answer({ timestamp: stamp(ms) });
}

describe('PASSWORD_VERIFIER TIMESTAMP skew', () => {
  it('accepts claims up to 300 s either side of the emulator clock by default', async () => {
    const e = emulatorWith([basicPool()], { now: NOW });
    expect((await signInStampedAt(e, NOW - 300_000)).status).toBe(200);
    expect((await signInStampedAt(e, NOW + 300_000)).status).toBe(200);
    expect((await signInStampedAt(e, NOW + 999)).status).toBe(200);
  });

  it('refuses claims further away with the wrong-password answer', async () => {
    const e = emulatorWith([basicPool()], { now: NOW });
    for (const at of [NOW - 301_000, NOW + 301_000, Date.UTC(2020, 0, 1)]) {
      const answer = await signInStampedAt(e, at);
      expect(answer).toMatchObject({
        status: 400,
        type: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      });
    }
  });

  it('counts a stale claim towards the lockout, like a wrong signature', async () => {
    const e = emulatorWith([basicPool()], { now: NOW });
    for (let i = 0; i < 5; i += 1) await signInStampedAt(e, NOW - 3_600_000);
    expect((await signInStampedAt(e, NOW)).message).toBe('Password attempts exceeded');
  });

  it('follows the pool setting: a tighter window, or none at all', async () => {
    const e = emulatorWith([basicPool({ timestampToleranceSeconds: 10 })], { now: NOW });
    expect((await signInStampedAt(e, NOW - 10_000)).status).toBe(200);
    expect((await signInStampedAt(e, NOW - 11_000)).type).toBe('NotAuthorizedException');
    e.api.seed({ pools: [basicPool({ timestampToleranceSeconds: null })] });
    expect((await signInStampedAt(e, Date.UTC(2001, 0, 1))).status).toBe(200);
    // A malformed timestamp (2025-06-15 is a Sunday) is refused even without the skew check.
    const exchange = await startSrp(e, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: PASSWORD,
    });
    expect((await exchange.answer({ timestamp: 'Mon Jun 15 12:00:00 UTC 2025' })).type).toBe(
      'NotAuthorizedException',
    );
  });

  it('measures the skew against the controllable clock, not the host clock', async () => {
    const e = emulatorWith([basicPool()], { now: NOW });
    e.api.clock.advance(3_600_000);
    expect((await signInStampedAt(e, NOW)).type).toBe('NotAuthorizedException');
    expect((await signInStampedAt(e, NOW + 3_600_000)).status).toBe(200);
  });
});

describe('DEVICE_PASSWORD_VERIFIER TIMESTAMP skew', () => {
  /** Remembers a device through the reference client, then returns its secrets. */
  async function rememberedDevice(pool: PoolSeed) {
    // Frozen at the real time: the reference client stamps the first sign-in with it.
    const e = emulatorWith([pool], { now: Date.now() });
    const undo = routeFetchTo(e);
    const storage = memoryStorage();
    try {
      const user = new aj.CognitoUser({
        Username: 'alice',
        Pool: referencePool(POOL_ID, CLIENT_ID, storage),
        Storage: storage,
      });
      expect((await authenticate(user, 'alice', PASSWORD)).kind).toBe('success');
    } finally {
      undo();
    }
    const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}.alice`;
    const read = (key: string) => storage.getItem(`${prefix}.${key}`) ?? '';
    return {
      e,
      deviceKey: read('deviceKey'),
      deviceGroupKey: read('deviceGroupKey'),
      devicePassword: read('randomPasswordKey'),
    };
  }

  /** Signs in with SRP, then answers the device challenge with a claim stamped at `ms`. */
  async function deviceSignIn(device: Awaited<ReturnType<typeof rememberedDevice>>, ms: number) {
    const { e, deviceKey, deviceGroupKey, devicePassword } = device;
    const exchange = await startSrp(e, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: PASSWORD,
      authParameters: { DEVICE_KEY: deviceKey },
    });
    const first = await exchange.answer({
      timestamp: stamp(e.api.clock.now()),
      extra: { DEVICE_KEY: deviceKey },
    });
    expect(first.body['ChallengeName']).toBe('DEVICE_SRP_AUTH');
    const { helper, A } = await referenceSrp(deviceGroupKey);
    const srp = await call(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'DEVICE_SRP_AUTH',
      Session: first.body['Session'],
      ChallengeResponses: { USERNAME: 'alice', DEVICE_KEY: deviceKey, SRP_A: A },
    });
    expect(srp.body['ChallengeName']).toBe('DEVICE_PASSWORD_VERIFIER');
    const params = srp.body['ChallengeParameters'] as Record<string, string>;
    const timestamp = stamp(ms);
    const signature = await signClaim(helper, {
      realm: deviceGroupKey,
      identity: deviceKey,
      password: devicePassword,
      B: params['SRP_B'] ?? '0',
      salt: params['SALT'] ?? '0',
      secretBlock: params['SECRET_BLOCK'] ?? '',
      timestamp,
    });
    return call(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
      Session: srp.body['Session'],
      ChallengeResponses: {
        USERNAME: 'alice',
        DEVICE_KEY: deviceKey,
        PASSWORD_CLAIM_SECRET_BLOCK: params['SECRET_BLOCK'] ?? '',
        PASSWORD_CLAIM_SIGNATURE: signature,
        TIMESTAMP: timestamp,
      },
    });
  }

  it('accepts a device claim inside the window and refuses one outside it', async () => {
    const device = await rememberedDevice(basicPool({ deviceTracking: 'always' }));
    expect(device.deviceKey).not.toBe('');
    const now = device.e.api.clock.now();
    const inside = await deviceSignIn(device, now - 299_000);
    expect(inside.status).toBe(200);
    expect(inside.body['AuthenticationResult']).toBeDefined();
    const outside = await deviceSignIn(device, now - 301_000);
    expect(outside).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('accepts any well-formed device timestamp when the pool turns the check off', async () => {
    const device = await rememberedDevice(
      basicPool({ deviceTracking: 'always', timestampToleranceSeconds: null }),
    );
    expect((await deviceSignIn(device, Date.UTC(2010, 0, 1))).status).toBe(200);
  });
});
