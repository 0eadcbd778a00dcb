import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { bytesToHex } from './encoding.js';
import { createSrpEphemeral, srpEphemeralFrom, type SrpEphemeral } from './ephemeral.js';
import { SRP_N } from './group.js';
import { computeS, computeU, computeX, deriveSessionKey } from './steps.js';
import { computePasswordClaim, poolNameOf } from './user-srp.js';

// COGNITO-PROTOCOL.md §2.7 (produced with amazon-cognito-identity-js 6.3.21).
const V = {
  poolId: 'us-east-1_TestPool1',
  user: 'alice',
  password: 'Passw0rd!',
  a: 'efeb49f31c6720186bc236dc1f2ca36ff4446837b39d134f3df1aa17f6be004559f16b8273b7a11cca572bc560df23dd984072a965f3ec9f7cc6e4555b8fcfb7d0dd637d9e35c0ff1fae2ec2e0854765ef0789492ba03ddeb833fbe53645c98e74f386ffecc2536a17d5901101eb23be6792f7aebe29a4d4b72b9bd06e7897f6',
  salt: 'e3b0c44298fc1c149afbf4c8996fb924',
  x: '7fdd985c6c30b915de25220ec1ee7dded571292f50ab97035ac3dcee2ec639a6',
  srpA: 'b096e7e617830aeed22aeb674dcfefd5b4827ba8e7ac00cb37d32b56de7c868ec8193f832676f42f0220482aa6c4a032ff17daebcc871a6b29693dcfc024dd3ba6d52ea013301b79acaa492f353389a648471a14d2c7d056ee2c51a16fab99b8c859fc7ca0f9a5dcbb8167fc9cc6ef18ce4db7c9de2c2e303185571fd3bec6cb6d4f4a26c10540ff20148f7eecf795881dde746e5f0ac5146eec72024f748bbd43b0244e242d8db3907b2701337a49606135307b4158ad381820d9dfa1486c0ccfb2b99dfd699fdeebff0cc866e31d0140bbe397d83f2132c1943f612fcc3c42b4dc0088bb99fac5b7a6fe0178d1b11a704cd39289dc186783acf0054047e8e7c58ad8604a9493a18db67c445dd45bf8dbd82235819fe57c0a9fcc4835eb704514722ab8030f70cf1b3b7764c1078791fe7c7a779c70182ce25890105fb5fb39aefa5ba7221bb265b44ef00ae0b8834b3ee8fd802f69ab2430f1f9ac1ead188af1983995ed1bbb3fe21197db7102636e4c8a38fb5da0f1566baf4204a6d8df16',
  srpB: 'e25662152db80f8fef7736ddea9740bf2c0d15acf5b5017ae01e2b201fec6d40fcc989b9e9c61a9149a82f2277218544466f2b81e9919105808a344c16603007d7331cbcfc5a82d12977c70e3edfab4e6e1bc681c16915d8a1814fb1e0e467b3e30e96e50b9d7b9f6688aeafc107a66245098715f29015d1933eb75b10f5868ea7db61d9353425e196c712ddc4870544a50187f28a8ad8f267b3adbdef7c1f0989cfbff807f3cc55e8e85fe4577c5a6252e20ebf913ec43af3b5770c66527ce985fa9534e1957794f1fc21a0d8ab547a41daae8622f545e6ecae8517961d72d39c4d79cd74b4b21bfbb2176c3c757872deb04d40d07b440c873180e863e00ac8911e20e700e0b50d7b97d7e7c3d98417164c003b5c934899cf11b59cec058c4d1cd12ff79918d4a0b2ebc78a6946d7f34777b04637beeb3faa9a6ce4c7a3832b7a86ae7c7997b8562df2ab174dbf3bd19c37204a57b7c54fe4a1badf7fb97e015c15040a1a5a43da97527f09d53c0803fe98c0aeaa8cd29bdb21d8b54fc94eed',
  u: 'b782fc2ae73c6bfe1428bff3a81c2bca0ce91211c8b93d1806c967a702dbeb7d',
  S: '3ea70a0f2f469f0255e14d76811c9e0f8797efd5fe0041c9de639e76351e11dcf3e73d83592e0b945d16916888fe750225677e2d5bdaaed27ca29dd8744399e93820df23be75028b15fccc93d80a2041705ded30ae985735a0099bd198cc90986d0afb604f66af2acd3b28af8edd042a8d8df30f66cfcb4948ca2892e3fb86d3b2a403d5bfab976e18403c7230ef489e43be87079fff72513ca22a0aea5bf9f70af4acfe623477b1b159b73a89f61c9b2729e89c3e5ebd1e9994c7e54545ec469196d0cf112c6a78da9bfabc25827e78e60008753bf705ec6ae1d9ad4eadc11e7265d0453b265dbfc6557a31cff74e8889048989bc28c1f405a032cb01ed2d0f2f54bc207483e4522e802585c51b7619c981f4d5b3aa85fdeb35a64c3a717d546eb0f6b17124bc34396af56a6471a05e28bb387bc6117e764ed4a41cd0ccdc2bd17ba1666fb39702cfc3217820e2d5fdfbe7318c102ecd626059f1a6b6b44c5ad631d4f4e8903b5f52135b90262c82f1e9b0a551f9bd4183502afef4a5924d80',
  key: 'c120739c06e3f6102693454577f8fdcc',
  secretBlock:
    '3TiEmnDhU30Mno6yl4sIXq4puXYHCcaCE15IbqysQ8iQk03pSU4oPqcbKyaYR+A8NzUOT6xXrDVMfFj2JoEbR/FhK5oBkotLs1xUgs4wSFLpneOj1x04W3QVRylWD3nB',
  timestamp: 'Tue Nov 14 22:13:20 UTC 2023',
  signature: 't5k71YcnCbKtIbRpd6MFgVYcXwtCS8lRdPev1nYmMmQ=',
};
const big = (hex: string): bigint => BigInt(`0x${hex}`);
const input = {
  userPoolId: V.poolId,
  userIdForSrp: V.user,
  password: V.password,
  salt: V.salt,
  srpB: V.srpB,
  secretBlock: V.secretBlock,
  now: new Date(1_700_000_000_000),
};

describe('user SRP against the §2.7 known answer', () => {
  it('computes A, u, x, S and the session key step by step', async () => {
    const e = srpEphemeralFrom(big(V.a));
    expect(e.srpA).toBe(V.srpA);
    const u = await computeU(e.A, big(V.srpB));
    expect(u.toString(16)).toBe(V.u);
    const x = await computeX(big(V.salt), 'TestPool1', V.user, V.password);
    expect(x.toString(16)).toBe(V.x);
    const S = computeS({ a: e.a, B: big(V.srpB), u, x });
    expect(S.toString(16)).toBe(V.S);
    expect(bytesToHex(await deriveSessionKey(S, u))).toBe(V.key);
  });

  it('signs the claim with the exact TIMESTAMP', async () => {
    const claim = await computePasswordClaim(srpEphemeralFrom(big(V.a)), input);
    expect(claim).toEqual({ signature: V.signature, timestamp: V.timestamp });
  });

  it('accepts SALT/SRP_B in upper case and a URL-safe SECRET_BLOCK without padding', async () => {
    const claim = await computePasswordClaim(srpEphemeralFrom(big(V.a)), {
      ...input,
      salt: V.salt.toUpperCase(),
      srpB: V.srpB.toUpperCase(),
      secretBlock: V.secretBlock.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    });
    expect(claim.signature).toBe(V.signature);
  });

  it('changes the signature when the password changes', async () => {
    const claim = await computePasswordClaim(srpEphemeralFrom(big(V.a)), {
      ...input,
      password: 'Passw0rd?',
    });
    expect(claim.signature).not.toBe(V.signature);
  });
});

describe('user SRP input checks', () => {
  const e = srpEphemeralFrom(big(V.a));
  const rejects = async (patch: Partial<typeof input>, code: 'SrpError' | 'InvalidInput') => {
    const error: unknown = await computePasswordClaim(e, { ...input, ...patch }).catch(
      (err: unknown) => err,
    );
    expect(isCognitoError(error, code), String(error)).toBe(true);
    // No secret ends up in the message.
    expect((error as Error).message).not.toContain(V.password);
  };

  it('refuses B ≡ 0 (mod N)', async () => {
    await rejects({ srpB: '0' }, 'SrpError');
    await rejects({ srpB: SRP_N.toString(16) }, 'SrpError');
    await rejects({ srpB: (SRP_N * 3n).toString(16) }, 'SrpError');
  });

  it('refuses non-hex SALT and SRP_B, and non-base64 SECRET_BLOCK', async () => {
    await rejects({ salt: 'xyz' }, 'SrpError');
    await rejects({ salt: '' }, 'SrpError');
    await rejects({ srpB: '0x1234' }, 'SrpError');
    await rejects({ srpB: '12 34' }, 'SrpError');
    await rejects({ secretBlock: 'not base64!' }, 'SrpError');
    await rejects({ secretBlock: 'A' }, 'SrpError');
    await rejects({ secretBlock: '' }, 'SrpError');
  });

  it('refuses unusable caller input', async () => {
    await rejects({ userPoolId: 'nounderscore' }, 'InvalidInput');
    await rejects({ userPoolId: 'us-east-1_' }, 'InvalidInput');
    await rejects({ password: '' }, 'InvalidInput');
    await rejects({ userIdForSrp: '' }, 'InvalidInput');
    await rejects({ now: new Date(Number.NaN) }, 'InvalidInput');
  });

  it('refuses missing values from plain-JS callers instead of crashing', async () => {
    const missing = undefined as unknown as string;
    await rejects({ secretBlock: missing }, 'SrpError');
    await rejects({ salt: missing }, 'SrpError');
    await rejects({ srpB: missing }, 'SrpError');
    await rejects({ userIdForSrp: missing }, 'InvalidInput');
    await rejects({ password: missing }, 'InvalidInput');
    await rejects({ userPoolId: missing }, 'InvalidInput');
    const error: unknown = await computePasswordClaim({} as SrpEphemeral, input).catch(
      (err: unknown) => err,
    );
    expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    const noEphemeral: unknown = await computePasswordClaim(
      undefined as unknown as SrpEphemeral,
      input,
    ).catch((err: unknown) => err);
    expect(isCognitoError(noEphemeral, 'InvalidInput')).toBe(true);
  });

  it('refuses a forged ephemeral whose A ≡ 0 (mod N)', async () => {
    for (const A of [0n, SRP_N]) {
      const error: unknown = await computePasswordClaim(
        { a: 5n, A, srpA: A.toString(16) },
        input,
      ).catch((err: unknown) => err);
      expect(isCognitoError(error, 'SrpError')).toBe(true);
    }
  });

  it('refuses u = 0 and B ≡ 0 in the step function too', () => {
    const call = (patch: Partial<{ u: bigint; B: bigint }>) => () =>
      computeS({ a: e.a, B: big(V.srpB), u: 1n, x: 2n, ...patch });
    expect(call({})).not.toThrow();
    expect(call({ u: 0n })).toThrow(/u is 0/);
    expect(call({ B: SRP_N * 2n })).toThrow(/B is 0 mod N/);
  });

  it('refuses private values outside [1, N)', () => {
    expect(() => srpEphemeralFrom(0n)).toThrow(/\[1, N\)/);
    expect(() => srpEphemeralFrom(SRP_N)).toThrow(/\[1, N\)/);
  });

  it('takes the pool name after the first underscore', () => {
    expect(poolNameOf('us-east-1_AbCdEf')).toBe('AbCdEf');
    expect(poolNameOf('eu-west-2_Zx9_Yw8')).toBe('Zx9_Yw8');
  });
});

describe('createSrpEphemeral', () => {
  it('reads 128 random bytes as a and publishes A unpadded', () => {
    const bytes = new Uint8Array(128).fill(0xab);
    const e = createSrpEphemeral((n) => bytes.slice(0, n));
    expect(e.a).toBe(big('ab'.repeat(128)));
    expect(e.srpA).toBe(e.A.toString(16));
    expect(e).toEqual(srpEphemeralFrom(e.a));
  });

  it('keeps a out of logs and spreads, and is immutable', () => {
    const e = srpEphemeralFrom(big(V.a));
    expect(Object.keys(e).sort()).toEqual(['A', 'srpA']);
    expect({ ...e }).not.toHaveProperty('a');
    expect(Object.isFrozen(e)).toBe(true);
    expect(e.a).toBe(big(V.a));
  });

  it('redraws when a is 0 and gives up on a source that never yields a usable value', () => {
    let calls = 0;
    const e = createSrpEphemeral((n) => {
      calls++;
      return calls === 1 ? new Uint8Array(n) : new Uint8Array(n).fill(1);
    });
    expect(calls).toBe(2);
    expect(e.a).toBe(big('01'.repeat(128)));
    expect(() => createSrpEphemeral((n) => new Uint8Array(n))).toThrow(/no usable/);
  });

  it('rejects a random source that returns the wrong length', () => {
    expect(() => createSrpEphemeral(() => new Uint8Array(3))).toThrow(/128 bytes/);
  });

  it('uses WebCrypto by default and draws a fresh a each time', () => {
    const one = createSrpEphemeral();
    const two = createSrpEphemeral();
    expect(one.a).not.toBe(two.a);
    expect(one.A > 1n && one.A < SRP_N).toBe(true);
  });
});
