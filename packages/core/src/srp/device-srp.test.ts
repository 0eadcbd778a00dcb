import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { computeDeviceClaim, generateDeviceVerifier } from './device-srp.js';
import { base64ToBytes, bytesToHex, hexToBytes } from './encoding.js';
import { srpEphemeralFrom } from './ephemeral.js';
import { SRP_N } from './group.js';

// COGNITO-PROTOCOL.md §4 (produced with amazon-cognito-identity-js 6.3.21).
const GROUP = 'GrPkEy-42';
const KEY = 'eu-central-1_11111111-2222-4333-8444-555555555555';
const PASSWORD = 'JPGsjtqQV2wZA3eTud6HqcPSRKp/uQI4aEagL/7xAEddIYN97zlX6w==';
const SALT_HEX = '60daf93ca13ade951fb2ba502936ac02';
const VERIFIER_HEX =
  '0090f3ca779b630668d5f6388766ab0dd7f1b80b9213313c80cd00a5259db345f28cc1ce7f21f41e6a5754a992602d668fcfda7569ab9d914f300ae0a76eda03d97d64c554274a43e8415c1abd663a63aed134437b2575dc419bb100dd684488886bb8230c9ca422b239cd6ba897d91851cdeff70c0975ba7fbcefa1d6d4a445136ce2e43bfaa71fc9644b30b770ec5b4ffe0175ea8efcaed738437761243f4abdf705fd3fd6e85cd95803d5af79596aa7d759b07eee014a413fe189a231849ef246569b2fbca94e9e3d9315ea0502673195f8f6376f048725f5138fafcee3c46aa4c819d44392cac7b580e2a9a03ed89eb606f37baa5eb65f7f71c73bae2768fadc5a2fb97ec49c4a7663433d05b804e18f541e175e3059f4b579dde79c67aa47fba2458c2c88b516eea59e844cd086e0f44350d06c4482e1d4049f0ad0bf8084ba1dd82a2bc7b5540ec57d5e0f24e271cadc1314cd6cea962051a7a1be80e5b0af1df6aa0b094ad55c8443cb3a59e7fca670fb9e3b5a9de79c5e00000099142e';

/** A random source that replays the given byte strings in order. */
function replay(...chunks: Uint8Array[]): (n: number) => Uint8Array {
  return (n) => {
    const next = chunks.shift();
    if (next?.length !== n) throw new Error(`unexpected draw of ${n} bytes`);
    return next;
  };
}

describe('generateDeviceVerifier', () => {
  it('matches the §4 known answer', async () => {
    const result = await generateDeviceVerifier(
      GROUP,
      KEY,
      replay(base64ToBytes(PASSWORD), hexToBytes(SALT_HEX)),
    );
    expect(result.devicePassword).toBe(PASSWORD);
    expect(result.salt).toBe('YNr5PKE63pUfsrpQKTasAg==');
    expect(result.passwordVerifier.startsWith('AJDzynebYwZo1fY4h2arDdfxuAuSEzE8')).toBe(true);
    expect(bytesToHex(base64ToBytes(result.passwordVerifier))).toBe(VERIFIER_HEX);
  });

  it('pads a salt whose top bit is set and keeps leading zero bytes out', async () => {
    const high = await generateDeviceVerifier(
      GROUP,
      KEY,
      replay(new Uint8Array(40), new Uint8Array(16).fill(0xf0)),
    );
    expect(base64ToBytes(high.salt)).toEqual(
      Uint8Array.from([0, ...new Uint8Array(16).fill(0xf0)]),
    );
    const low = await generateDeviceVerifier(
      GROUP,
      KEY,
      replay(new Uint8Array(40), Uint8Array.from([0, 0, 0x12, ...new Uint8Array(13).fill(1)])),
    );
    expect(bytesToHex(base64ToBytes(low.salt))).toBe(`12${'01'.repeat(13)}`);
  });

  it('draws fresh secrets from WebCrypto by default', async () => {
    const one = await generateDeviceVerifier(GROUP, KEY);
    const two = await generateDeviceVerifier(GROUP, KEY);
    expect(base64ToBytes(one.devicePassword)).toHaveLength(40);
    expect(one.devicePassword).not.toBe(two.devicePassword);
    expect(one.passwordVerifier).not.toBe(two.passwordVerifier);
  });

  it('refuses empty device names', async () => {
    for (const [g, k] of [
      ['', KEY],
      [GROUP, ''],
    ] as const) {
      const error: unknown = await generateDeviceVerifier(g, k).catch((e: unknown) => e);
      expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    }
  });
});

describe('computeDeviceClaim', () => {
  const e = srpEphemeralFrom(0x1234567890abcdefn << 900n);
  const input = {
    deviceGroupKey: GROUP,
    deviceKey: KEY,
    devicePassword: PASSWORD,
    salt: SALT_HEX,
    srpB: (SRP_N - 12345n).toString(16),
    secretBlock: 'AgV4c2VjcmV0LWJsb2Nr',
    now: new Date(1_709_611_506_000),
  };

  it('signs with the TIMESTAMP and depends on the device password', async () => {
    const claim = await computeDeviceClaim(e, input);
    expect(claim.timestamp).toBe('Tue Mar 5 04:05:06 UTC 2024');
    expect(base64ToBytes(claim.signature)).toHaveLength(32);
    const other = await computeDeviceClaim(e, { ...input, devicePassword: `${PASSWORD}x` });
    expect(other.signature).not.toBe(claim.signature);
  });

  it('refuses bad input', async () => {
    const cases: [Partial<typeof input>, 'SrpError' | 'InvalidInput'][] = [
      [{ srpB: SRP_N.toString(16) }, 'SrpError'],
      [{ salt: 'salt' }, 'SrpError'],
      [{ secretBlock: '***' }, 'SrpError'],
      [{ devicePassword: '' }, 'InvalidInput'],
      [{ deviceKey: '' }, 'InvalidInput'],
      [{ deviceGroupKey: '' }, 'InvalidInput'],
    ];
    for (const [patch, code] of cases) {
      const error: unknown = await computeDeviceClaim(e, { ...input, ...patch }).catch(
        (err: unknown) => err,
      );
      expect(isCognitoError(error, code), JSON.stringify(patch)).toBe(true);
    }
  });
});
