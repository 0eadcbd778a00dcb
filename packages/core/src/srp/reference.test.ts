/**
 * Known-answer suite against amazon-cognito-identity-js 6.3.21 (dev dependency, tests only).
 *
 * For each fixed input tuple the reference library runs its real sign-in code —
 * `CognitoUser.authenticateUser` for PASSWORD_VERIFIER, `CognitoUser.getDeviceResponse` for
 * DEVICE_PASSWORD_VERIFIER and `AuthenticationHelper.generateHashDevice` for the verifier — with
 * its private value a, the clock and its random bytes pinned. Its `client.request` is replaced by
 * a recorder that hands it the tuple's challenge and keeps what it answers; intermediate values
 * (u, x, S, HKDF key) are read off its AuthenticationHelper as it computes them. Expected values
 * are therefore computed by the reference at test time, never copied in.
 */
import * as ajModule from 'amazon-cognito-identity-js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeDeviceClaim, generateDeviceVerifier } from './device-srp.js';
import { base64ToBytes, bytesToBase64, bytesToHex, hexToBytes } from './encoding.js';
import { srpEphemeralFrom } from './ephemeral.js';
import { SRP_N } from './group.js';
import { computeS, computeU, computeX, deriveSessionKey } from './steps.js';
import { computePasswordClaim } from './user-srp.js';

// ---- typed view of the reference library's untyped internals ----------------------------

interface AjBig {
  toString(radix: number): string;
}
type AjBigClass = new (hex: string, radix: number) => AjBig;
type NodeCallback<T> = (err: unknown, value: T) => void;
interface AjHelper {
  N: AjBig;
  UValue: AjBig;
  generateRandomSmallA(): AjBig;
  generateRandomString(): string;
  calculateS(x: AjBig, B: AjBig, cb: NodeCallback<AjBig>): void;
  getPasswordAuthenticationKey(
    user: string,
    password: string,
    B: AjBig,
    salt: AjBig,
    cb: NodeCallback<Uint8Array>,
  ): void;
  generateHashDevice(group: string, key: string, cb: NodeCallback<null>): void;
  getRandomPassword(): string;
  getSaltDevices(): string;
  getVerifierDevices(): string;
}
interface AjHelperClass {
  new (poolName: string): AjHelper;
  prototype: AjHelper;
}
type Request = (op: string, params: AjRequest, cb: NodeCallback<unknown>) => void;
interface AjRequest {
  ChallengeResponses?: Record<string, string>;
  AuthParameters?: Record<string, string>;
}
interface AjUser {
  authenticateUser(
    details: unknown,
    cb: { onSuccess(): void; onFailure(err: unknown): void },
  ): void;
  getDeviceResponse(cb: { onSuccess(): void; onFailure(err: unknown): void }): void;
  deviceKey: string;
  deviceGroupKey: string;
  randomPassword: string;
  Session: string;
}
interface AjLib {
  AuthenticationHelper: AjHelperClass;
  AuthenticationDetails: new (d: { Username: string; Password: string }) => unknown;
  CognitoUserPool: new (d: { UserPoolId: string; ClientId: string }) => { client: unknown };
  CognitoUser: new (d: { Username: string; Pool: unknown }) => AjUser;
}
const aj = ajModule as unknown as AjLib;

// ---- the tuples ---------------------------------------------------------------------------

interface Tuple {
  name: string;
  a: bigint;
  deviceA: bigint;
  salt: string;
  srpB: string;
  poolId: string;
  username: string;
  password: string;
  secretBlock: string;
  epochSeconds: number;
  deviceGroupKey: string;
  deviceKey: string;
  deviceSalt: string;
  devicePasswordBytes: Uint8Array;
}

/** Deterministic bytes (xorshift32), so a failing tuple reproduces. */
function prng(seed: number): (n: number) => Uint8Array {
  let s = seed >>> 0 || 0x9e3779b9;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      out[i] = s & 0xff;
    }
    return out;
  };
}
const big = (bytes: Uint8Array): bigint => BigInt(`0x${bytesToHex(bytes) || '0'}`);
const hex = (bytes: Uint8Array): string => bytesToHex(bytes);

function makeTuples(): Tuple[] {
  const tuples: Tuple[] = [];
  const shapes: Partial<Tuple>[] = [
    { name: 'plain ASCII' },
    { name: 'a = 1 (A = 2, one hex digit)', a: 1n },
    { name: 'a = 1023 (A = 2^1023, top bit set)', a: 1023n },
    { name: 'a with leading zero bytes', a: 0xffn << 500n },
    { name: 'odd-length salt', salt: '5' },
    { name: 'salt with top bit set', salt: `ff${'a7'.repeat(15)}` },
    { name: 'salt with leading zero bytes', salt: `0000${'0a'.repeat(14)}` },
    { name: 'salt 00 then digit < 8', salt: `0071${'c3'.repeat(15)}` },
    { name: 'upper-case SALT and SRP_B', salt: 'ABCDEF0123456789ABCDEF0123456789' },
    { name: 'small odd-length B', srpB: '1f' },
    { name: 'B larger than N', srpB: (SRP_N + 5n).toString(16) },
    { name: 'unicode password', password: 'pässwörd-ÆØÅ-日本語' },
    { name: 'emoji password', password: '🔑🔒 correct horse 🐎 battery' },
    { name: 'long username (128)', username: 'u'.repeat(60) + '.' + 'v'.repeat(67) },
    { name: 'UUID username', username: '4f8b2c1e-9d7a-4e3b-8a6c-1f2e3d4c5b6a' },
    { name: 'unicode username', username: 'zoë.ångström' },
    { name: 'long password (256)', password: 'P@5'.repeat(85) + 'x' },
    { name: 'URL-safe SECRET_BLOCK', secretBlock: 'url-safe' },
    { name: 'short SECRET_BLOCK', secretBlock: 'short' },
    { name: 'long SECRET_BLOCK', secretBlock: 'long' },
    { name: 'single-digit day, leap day', epochSeconds: 1709164800 },
    { name: 'end of century', epochSeconds: 4102444799 },
    { name: 'eu-west-2 pool, numeric pool name', poolId: 'eu-west-2_123456789' },
    { name: 'device keys with unicode group key', deviceGroupKey: '-GrPkÉy_ü' },
  ];
  shapes.forEach((shape, i) => {
    const rnd = prng(0x5eed + i * 7919);
    const secretBytes = rnd(
      shape.secretBlock === 'long' ? 1500 : shape.secretBlock === 'short' ? 1 : 96 + i,
    );
    let secretBlock = bytesToBase64(secretBytes);
    if (shape.secretBlock === 'url-safe') {
      secretBlock = secretBlock.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }
    // B: a random value below N (the top byte kept below 0xff so it stays < N).
    const bBytes = rnd(384);
    bBytes[0] = bBytes[0]! % 0xff;
    tuples.push({
      name: shape.name ?? `tuple ${i}`,
      a: shape.a ?? big(rnd(128)),
      deviceA: big(rnd(128)),
      salt: shape.salt ?? hex(rnd(16)),
      srpB: shape.srpB ?? bytesToHex(bBytes).replace(/^0+/, ''),
      poolId: shape.poolId ?? `us-east-1_Pool${i}x${hex(rnd(3))}`,
      username: shape.username ?? `user${i}`,
      password: shape.password ?? `Passw0rd!${i}`,
      secretBlock,
      epochSeconds: shape.epochSeconds ?? 1_600_000_000 + i * 98_765_431,
      deviceGroupKey: shape.deviceGroupKey ?? `-G${hex(rnd(5))}`,
      deviceKey: `us-east-1_${hex(rnd(4))}-${hex(rnd(2))}-4${hex(rnd(2)).slice(1)}-8${hex(rnd(2)).slice(1)}-${hex(rnd(6))}`,
      deviceSalt: hex(rnd(16)),
      devicePasswordBytes: rnd(40),
    });
  });
  return tuples;
}

// ---- driving the reference ------------------------------------------------------------------

interface ReferenceRun {
  srpA: string;
  u: string;
  x: string;
  S: string;
  key: string;
  answer: Record<string, string>;
}

let BigInteger: AjBigClass;
beforeAll(() => {
  BigInteger = new aj.AuthenticationHelper('x').N.constructor as AjBigClass;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/**
 * Runs `drive` with the reference helper's a pinned to `a`, the clock at `epochSeconds`, and the
 * helper's intermediate values recorded. `drive` runs synchronously: the recorder answers the
 * reference client's requests in the same tick.
 */
function withPinnedReference(
  a: bigint,
  epochSeconds: number,
  drive: (record: Partial<ReferenceRun>) => void,
): Partial<ReferenceRun> {
  const proto = aj.AuthenticationHelper.prototype;
  const record: Partial<ReferenceRun> = {};
  const originalCalculateS = proto.calculateS;
  const originalKey = proto.getPasswordAuthenticationKey;
  vi.spyOn(proto, 'generateRandomSmallA').mockImplementation(
    () => new BigInteger(a.toString(16), 16),
  );
  vi.spyOn(proto, 'calculateS').mockImplementation(function (this: AjHelper, x, B, cb) {
    record.x = x.toString(16);
    originalCalculateS.call(this, x, B, (err, S) => {
      record.S = S.toString(16);
      cb(err, S);
    });
  });
  vi.spyOn(proto, 'getPasswordAuthenticationKey').mockImplementation(function (
    this: AjHelper,
    user,
    password,
    B,
    salt,
    cb,
  ) {
    originalKey.call(this, user, password, B, salt, (err, key) => {
      record.u = this.UValue.toString(16);
      record.key = bytesToHex(key);
      cb(err, key);
    });
  });
  vi.useFakeTimers({ toFake: ['Date'], now: epochSeconds * 1000 });
  try {
    drive(record);
  } finally {
    vi.useRealTimers();
    vi.restoreAllMocks();
  }
  return record;
}

const STOP = new Error('recorded');
const noSession = {
  onSuccess: () => {
    throw new Error('reference unexpectedly signed in');
  },
  onFailure: (err: unknown) => {
    if (err !== STOP) throw err;
  },
};

function referencePasswordClaim(t: Tuple): ReferenceRun {
  return withPinnedReference(t.a, t.epochSeconds, (record) => {
    const pool = new aj.CognitoUserPool({ UserPoolId: t.poolId, ClientId: 'refclient' });
    const request: Request = (op, params, cb) => {
      if (op === 'InitiateAuth') {
        record.srpA = params.AuthParameters?.SRP_A;
        cb(null, {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: {
            SALT: t.salt,
            SRP_B: t.srpB,
            SECRET_BLOCK: t.secretBlock,
            USERNAME: t.username,
            USER_ID_FOR_SRP: t.username,
          },
        });
      } else {
        record.answer = params.ChallengeResponses;
        cb(STOP, undefined);
      }
    };
    pool.client = { request };
    const user = new aj.CognitoUser({ Username: 'typed-alias', Pool: pool });
    user.authenticateUser(
      new aj.AuthenticationDetails({ Username: 'typed-alias', Password: t.password }),
      noSession,
    );
  }) as ReferenceRun;
}

function referenceDeviceClaim(t: Tuple, devicePassword: string): ReferenceRun {
  return withPinnedReference(t.deviceA, t.epochSeconds, (record) => {
    const pool = new aj.CognitoUserPool({ UserPoolId: t.poolId, ClientId: 'refclient' });
    const request: Request = (_op, params, cb) => {
      const responses = params.ChallengeResponses ?? {};
      if (record.srpA === undefined) {
        record.srpA = responses.SRP_A;
        cb(null, {
          ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
          Session: 'session-from-device-srp-auth',
          ChallengeParameters: { SALT: t.salt, SRP_B: t.srpB, SECRET_BLOCK: t.secretBlock },
        });
      } else {
        record.answer = responses;
        cb(STOP, undefined);
      }
    };
    pool.client = { request };
    const user = new aj.CognitoUser({ Username: t.username, Pool: pool });
    user.deviceKey = t.deviceKey;
    user.deviceGroupKey = t.deviceGroupKey;
    user.randomPassword = devicePassword;
    user.Session = 'session-from-password-verifier';
    user.getDeviceResponse(noSession);
  }) as ReferenceRun;
}

/** The reference's device verifier with its 40-byte password and 16-byte salt pinned. */
function referenceDeviceVerifier(t: Tuple): { password: string; salt: string; verifier: string } {
  // Its constructor computes an A nobody uses here; a = 1 makes that free.
  vi.spyOn(aj.AuthenticationHelper.prototype, 'generateRandomSmallA').mockImplementation(
    () => new BigInteger('1', 16),
  );
  const helper = new aj.AuthenticationHelper(t.deviceGroupKey);
  vi.restoreAllMocks();
  helper.generateRandomString = () => Buffer.from(t.devicePasswordBytes).toString('base64');
  // Its salt comes from crypto.getRandomValues, one big-endian 32-bit word per call.
  const salt = hexToBytes(t.deviceSalt);
  let word = 0;
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(
    <T extends ArrayBufferView | null>(array: T): T => {
      const view = array as unknown as Uint32Array;
      const o = word++ * 4;
      view[0] =
        ((salt[o]! << 24) | (salt[o + 1]! << 16) | (salt[o + 2]! << 8) | salt[o + 3]!) >>> 0;
      return array;
    },
  );
  try {
    helper.generateHashDevice(t.deviceGroupKey, t.deviceKey, (err) => {
      if (err) throw err;
    });
  } finally {
    vi.restoreAllMocks();
  }
  expect(word).toBe(4);
  return {
    password: helper.getRandomPassword(),
    salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
    verifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
  };
}

// ---- the suite ------------------------------------------------------------------------------

const tuples = makeTuples();
// The reference library needs up to a second per exchange on a busy machine.
const SLOW = { timeout: 60_000 };

describe('known answers against amazon-cognito-identity-js', () => {
  it('has at least 20 distinct tuples', () => {
    expect(tuples.length).toBeGreaterThanOrEqual(20);
    expect(new Set(tuples.map((t) => t.name)).size).toBe(tuples.length);
  });

  describe.each(tuples)('$name', (t) => {
    it('user SRP: A, u, x, S, HKDF key and PASSWORD_VERIFIER answer', SLOW, async () => {
      const ref = referencePasswordClaim(t);
      const e = srpEphemeralFrom(t.a);
      expect(e.srpA).toBe(ref.srpA);

      const B = BigInt(`0x${t.srpB}`);
      const poolName = t.poolId.slice(t.poolId.indexOf('_') + 1);
      const u = await computeU(e.A, B);
      const x = await computeX(BigInt(`0x${t.salt}`), poolName, t.username, t.password);
      const S = computeS({ a: e.a, B, u, x });
      expect(u.toString(16)).toBe(ref.u);
      expect(x.toString(16)).toBe(ref.x);
      expect(S.toString(16)).toBe(ref.S);
      expect(bytesToHex(await deriveSessionKey(S, u))).toBe(ref.key);

      const claim = await computePasswordClaim(e, {
        userPoolId: t.poolId,
        userIdForSrp: t.username,
        password: t.password,
        salt: t.salt,
        srpB: t.srpB,
        secretBlock: t.secretBlock,
        now: new Date(t.epochSeconds * 1000),
      });
      expect(claim.timestamp).toBe(ref.answer.TIMESTAMP);
      expect(claim.signature).toBe(ref.answer.PASSWORD_CLAIM_SIGNATURE);
      expect(ref.answer.USERNAME).toBe(t.username);
    });

    it('device SRP: verifier and DEVICE_PASSWORD_VERIFIER answer', SLOW, async () => {
      const refVerifier = referenceDeviceVerifier(t);
      const replay = [t.devicePasswordBytes, hexToBytes(t.deviceSalt)];
      const ours = await generateDeviceVerifier(t.deviceGroupKey, t.deviceKey, () =>
        replay.shift()!,
      );
      expect(ours).toEqual({
        devicePassword: refVerifier.password,
        salt: refVerifier.salt,
        passwordVerifier: refVerifier.verifier,
      });
      expect(base64ToBytes(ours.passwordVerifier).length).toBeGreaterThan(300);

      const ref = referenceDeviceClaim(t, ours.devicePassword);
      const e = srpEphemeralFrom(t.deviceA);
      expect(e.srpA).toBe(ref.srpA);
      const claim = await computeDeviceClaim(e, {
        deviceGroupKey: t.deviceGroupKey,
        deviceKey: t.deviceKey,
        devicePassword: ours.devicePassword,
        salt: t.salt,
        srpB: t.srpB,
        secretBlock: t.secretBlock,
        now: new Date(t.epochSeconds * 1000),
      });
      expect(claim.timestamp).toBe(ref.answer.TIMESTAMP);
      expect(claim.signature).toBe(ref.answer.PASSWORD_CLAIM_SIGNATURE);
      expect(ref.answer.DEVICE_KEY).toBe(t.deviceKey);
    });
  });
});
