import { describe, expect, it } from 'vitest';
import { createOpenSslModExp } from '../node/openssl-mod-exp.js';
import { base64ToBytes } from './context.js';
import { bigIntModExp, g } from './mod-exp.js';
import {
  N,
  bytesToHex,
  claimSignature,
  computeB,
  computeServerS,
  computeU,
  computeVerifier,
  computeX,
  derivePasswordKey,
  modPow,
  multiplierK,
  padHex,
  parseHex,
  parseTimestamp,
  poolRealm,
  serverEphemeral,
  verifyPasswordClaim,
} from './srp.js';

/** COGNITO-PROTOCOL §2.7, generated with amazon-cognito-identity-js 6.3.21. */
const KA = {
  a:
    'efeb49f31c6720186bc236dc1f2ca36ff4446837b39d134f3df1aa17f6be004559f16b8273b7a11c' +
    'ca572bc560df23dd984072a965f3ec9f7cc6e4555b8fcfb7d0dd637d9e35c0ff1fae2ec2e0854765' +
    'ef0789492ba03ddeb833fbe53645c98e74f386ffecc2536a17d5901101eb23be6792f7aebe29a4d4' +
    'b72b9bd06e7897f6',
  b:
    'f1a91c5cde5cb1af2ebd9053a5d07aaacca7b7c4dbcc711f9172f3d5296a6fbf8bf5be70f3d02b40' +
    'a5d354e0ea8e4caabc666b9c6263d7eb14e49f9fe920368e41364c0416f204ca1b2bef659626a657' +
    '280d4375f8429db5c128406df537c155f3aa4c59d258fd442fe31eb00c0d1056fd73258c6c8d7adb' +
    'beeee06b25ee38dd',
  salt: 'e3b0c44298fc1c149afbf4c8996fb924',
  x: '7fdd985c6c30b915de25220ec1ee7dded571292f50ab97035ac3dcee2ec639a6',
  v:
    '7b1b6fac9d584b2560d896de18c593a90c0aace50e9b1e4323f64528f7cb2e635665af84c2051149' +
    '98ece9e19ceb32ebe8dddf4d27751283ceb4b2ec67c1b1f10093cecaadb521a9f5365cefe9f19b43' +
    '2480cb0abff4a49baa55f2e84442008f564f30fa1cf1c7c7e1ff6d6fce11b42e5ffaae65f5891e9f' +
    '981724ac3716628a65c136abda254b3aa5cfc172ce492a7a4be7ce704b0b97da3c34c62d4d36f482' +
    '56500f2bd16d24385a6600f4bfeaad043505aa89cf36cf095a26842675482f8a8882afc69d33b2f1' +
    '15a28cdf075dfefebb8b58f55f7b1b2ba97b1372d8821fa3be1ec082f8dc8b34678d97720048d36f' +
    '8f89abc2c99a978f80646f1ac1940c9ff737a7bebf1ca2ab6474f9547c7cd4ed4dd66ff581107101' +
    '3bae9a36d6934170db3798bca44bdae195fbc5fedc01211488f8223598078d51002e64becc3cb7d8' +
    '2f2b32bbeb04f95f3a2fb3200cd6121b75bd66f35834f332ebc61372947adf6367d05bb88a8d83f3' +
    'a337e7741343494de7b7b713af3b78d11555834900564918',
  A:
    'b096e7e617830aeed22aeb674dcfefd5b4827ba8e7ac00cb37d32b56de7c868ec8193f832676f42f' +
    '0220482aa6c4a032ff17daebcc871a6b29693dcfc024dd3ba6d52ea013301b79acaa492f353389a6' +
    '48471a14d2c7d056ee2c51a16fab99b8c859fc7ca0f9a5dcbb8167fc9cc6ef18ce4db7c9de2c2e30' +
    '3185571fd3bec6cb6d4f4a26c10540ff20148f7eecf795881dde746e5f0ac5146eec72024f748bbd' +
    '43b0244e242d8db3907b2701337a49606135307b4158ad381820d9dfa1486c0ccfb2b99dfd699fde' +
    'ebff0cc866e31d0140bbe397d83f2132c1943f612fcc3c42b4dc0088bb99fac5b7a6fe0178d1b11a' +
    '704cd39289dc186783acf0054047e8e7c58ad8604a9493a18db67c445dd45bf8dbd82235819fe57c' +
    '0a9fcc4835eb704514722ab8030f70cf1b3b7764c1078791fe7c7a779c70182ce25890105fb5fb39' +
    'aefa5ba7221bb265b44ef00ae0b8834b3ee8fd802f69ab2430f1f9ac1ead188af1983995ed1bbb3f' +
    'e21197db7102636e4c8a38fb5da0f1566baf4204a6d8df16',
  B:
    'e25662152db80f8fef7736ddea9740bf2c0d15acf5b5017ae01e2b201fec6d40fcc989b9e9c61a91' +
    '49a82f2277218544466f2b81e9919105808a344c16603007d7331cbcfc5a82d12977c70e3edfab4e' +
    '6e1bc681c16915d8a1814fb1e0e467b3e30e96e50b9d7b9f6688aeafc107a66245098715f29015d1' +
    '933eb75b10f5868ea7db61d9353425e196c712ddc4870544a50187f28a8ad8f267b3adbdef7c1f09' +
    '89cfbff807f3cc55e8e85fe4577c5a6252e20ebf913ec43af3b5770c66527ce985fa9534e1957794' +
    'f1fc21a0d8ab547a41daae8622f545e6ecae8517961d72d39c4d79cd74b4b21bfbb2176c3c757872' +
    'deb04d40d07b440c873180e863e00ac8911e20e700e0b50d7b97d7e7c3d98417164c003b5c934899' +
    'cf11b59cec058c4d1cd12ff79918d4a0b2ebc78a6946d7f34777b04637beeb3faa9a6ce4c7a3832b' +
    '7a86ae7c7997b8562df2ab174dbf3bd19c37204a57b7c54fe4a1badf7fb97e015c15040a1a5a43da' +
    '97527f09d53c0803fe98c0aeaa8cd29bdb21d8b54fc94eed',
  u: 'b782fc2ae73c6bfe1428bff3a81c2bca0ce91211c8b93d1806c967a702dbeb7d',
  S:
    '3ea70a0f2f469f0255e14d76811c9e0f8797efd5fe0041c9de639e76351e11dcf3e73d83592e0b94' +
    '5d16916888fe750225677e2d5bdaaed27ca29dd8744399e93820df23be75028b15fccc93d80a2041' +
    '705ded30ae985735a0099bd198cc90986d0afb604f66af2acd3b28af8edd042a8d8df30f66cfcb49' +
    '48ca2892e3fb86d3b2a403d5bfab976e18403c7230ef489e43be87079fff72513ca22a0aea5bf9f7' +
    '0af4acfe623477b1b159b73a89f61c9b2729e89c3e5ebd1e9994c7e54545ec469196d0cf112c6a78' +
    'da9bfabc25827e78e60008753bf705ec6ae1d9ad4eadc11e7265d0453b265dbfc6557a31cff74e88' +
    '89048989bc28c1f405a032cb01ed2d0f2f54bc207483e4522e802585c51b7619c981f4d5b3aa85fd' +
    'eb35a64c3a717d546eb0f6b17124bc34396af56a6471a05e28bb387bc6117e764ed4a41cd0ccdc2b' +
    'd17ba1666fb39702cfc3217820e2d5fdfbe7318c102ecd626059f1a6b6b44c5ad631d4f4e8903b5f' +
    '52135b90262c82f1e9b0a551f9bd4183502afef4a5924d80',
  key: 'c120739c06e3f6102693454577f8fdcc',
  secretBlock:
    '3TiEmnDhU30Mno6yl4sIXq4puXYHCcaCE15IbqysQ8iQk03pSU4oPqcbKyaYR+A8NzUOT6xXrDVMfFj2' +
    'JoEbR/FhK5oBkotLs1xUgs4wSFLpneOj1x04W3QVRylWD3nB',
  timestamp: 'Tue Nov 14 22:13:20 UTC 2023',
  signature: 't5k71YcnCbKtIbRpd6MFgVYcXwtCS8lRdPev1nYmMmQ=',
};

const big = (hex: string): bigint => BigInt(`0x${hex}`);
const realm = poolRealm('us-east-1_TestPool1');

// Every way the hosts compute powers must give the known answers: BigInt (browsers) and OpenSSL
// (the Node host).
const implementations = [bigIntModExp, createOpenSslModExp()];

describe.each(implementations)('server SRP known answer (§2.7) with $name', (modExp) => {
  it('derives x and the verifier v from salt, pool name, username and password', async () => {
    expect(realm).toBe('TestPool1');
    const x = await computeX(big(KA.salt), realm, 'alice', 'Passw0rd!');
    expect(x.toString(16)).toBe(KA.x);
    // Straight through the implementation: computeVerifier's cache is shared by all of them.
    expect((await modExp.power(g, x)).toString(16)).toBe(KA.v);
    const v = await computeVerifier(modExp, big(KA.salt), realm, 'alice', 'Passw0rd!');
    expect(v.toString(16)).toBe(KA.v);
  });

  it('computes B from v and b, u from A and B, and S', async () => {
    const B = await computeB(modExp, big(KA.v), big(KA.b));
    expect(B.toString(16)).toBe(KA.B);
    const u = await computeU(big(KA.A), B);
    expect(u.toString(16)).toBe(KA.u);
    const S = await computeServerS(modExp, big(KA.A), big(KA.v), u, big(KA.b));
    expect(S.toString(16)).toBe(KA.S);
  });

  it('accepts the known claim and refuses a changed signature, timestamp or verifier', async () => {
    const check = {
      A: big(KA.A),
      b: big(KA.b),
      B: big(KA.B),
      v: big(KA.v),
      realm,
      identity: 'alice',
      secretBlock: KA.secretBlock,
      timestamp: KA.timestamp,
      signature: KA.signature,
    };
    const verify = (changes: Partial<typeof check>) =>
      verifyPasswordClaim(modExp, { ...check, ...changes });
    expect(await verify({})).toBe(true);
    expect(await verify({ signature: KA.signature.replace('t5', 't6') })).toBe(false);
    expect(await verify({ timestamp: 'Tue Nov 14 22:13:21 UTC 2023' })).toBe(false);
    expect(await verify({ v: check.v + 1n })).toBe(false);
    expect(await verify({ A: N })).toBe(false);
    expect(await verify({ A: 0n })).toBe(false);
    // The client may send SECRET_BLOCK back in URL-safe base64.
    const urlSafe = KA.secretBlock.replace(/\+/g, '-').replace(/\//g, '_');
    expect(await verify({ secretBlock: urlSafe })).toBe(true);
  });

  it('agrees with a client computing S = (B − k·g^x)^(a + u·x)', async () => {
    const salt = 0x00123456789abcdefn;
    const x = await computeX(salt, realm, 'bob', 'S3cret!pass');
    const v = modPow(2n, x, N);
    const a = big(KA.a);
    const A = modPow(2n, a, N);
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    const { b, B } = await serverEphemeral(modExp, v, random);
    expect(b > 0n).toBe(true);
    expect(B).toBe(await computeB(bigIntModExp, v, b));
    expect(B % N).not.toBe(0n);
    const u = await computeU(A, B);
    const k = await multiplierK();
    const base = (((B - k * modPow(2n, x, N)) % N) + N) % N;
    const clientS = modPow(base, a + u * x, N);
    expect(await computeServerS(modExp, A, v, u, b)).toBe(clientS);
  });
});

describe('server SRP key derivation (§2.7)', () => {
  it('derives the HKDF key and the claim signature', async () => {
    const key = await derivePasswordKey(big(KA.S), big(KA.u));
    expect(bytesToHex(key)).toBe(KA.key);
    const block = base64ToBytes(KA.secretBlock);
    expect(block).not.toBeNull();
    const signature = await claimSignature(key, realm, 'alice', block!, KA.timestamp);
    expect(signature).toBe(KA.signature);
  });
});

describe('SRP encodings and arithmetic', () => {
  it('pads hex like Cognito', () => {
    expect(padHex(20n)).toBe('14');
    expect(padHex(56n)).toBe('38');
    expect(padHex(200n)).toBe('00c8');
    expect(padHex(236n)).toBe('00ec');
    expect(padHex(5n)).toBe('05');
    expect(padHex(0x800n)).toBe('0800');
    expect(padHex(N).startsWith('00ff')).toBe(true);
    expect(padHex(N).length).toBe(770);
    expect(() => padHex(-1n)).toThrow(RangeError);
  });

  it('has the documented multiplier k', async () => {
    expect((await multiplierK()).toString(16)).toBe(
      '538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6',
    );
  });

  it('computes modular powers', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    expect(modPow(2n, 0n, 7n)).toBe(1n);
    expect(modPow(-3n, 3n, 7n)).toBe(1n);
  });

  it('parses hex of any case and odd length, and refuses non-hex', () => {
    expect(parseHex('5')).toBe(5n);
    expect(parseHex('0A')).toBe(10n);
    expect(parseHex('xyz')).toBeNull();
    expect(parseHex('')).toBeNull();
  });

  it('parses TIMESTAMPs and refuses padded days, wrong weekdays and impossible dates', () => {
    expect(parseTimestamp('Thu Jan 1 00:00:00 UTC 1970')).toBe(0);
    expect(parseTimestamp('Tue Nov 14 22:13:20 UTC 2023')).toBe(1700000000000);
    expect(parseTimestamp('Thu Feb 29 23:59:59 UTC 2024')).toBe(1709251199000);
    expect(parseTimestamp('Tue Mar 5 04:05:06 UTC 2024')).toBe(1709611506000);
    expect(parseTimestamp('Tue Mar 05 04:05:06 UTC 2024')).toBeNull();
    expect(parseTimestamp('Wed Mar 5 04:05:06 UTC 2024')).toBeNull();
    expect(parseTimestamp('Fri Feb 30 04:05:06 UTC 2024')).toBeNull();
    expect(parseTimestamp('Tue Mar 5 04:05:06 GMT 2024')).toBeNull();
  });
});
