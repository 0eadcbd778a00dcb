// SRP benchmark: one complete client-side SRP computation (create the ephemeral A, then the
// PASSWORD_VERIFIER claim) by cognito-kit and by amazon-cognito-identity-js on the same inputs.
// Prints medians and their ratio; no assertion (the goal, ≥ 8× faster, is read off the output).
//
// Run after `pnpm build` (imports ../dist/index.js). While the SRP exports are not yet wired into
// src/index.ts, or without a build, it bundles src/srp/index.ts with esbuild into a temp file.
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rmSync } from 'node:fs';

const ROUNDS = Number(process.env.SRP_BENCH_ROUNDS ?? 15);
const WARMUP = 3;

async function loadCognitoKit() {
  try {
    const dist = await import('../dist/index.js');
    if (typeof dist.computePasswordClaim === 'function')
      return { kit: dist, from: 'dist/index.js' };
  } catch {
    // no build yet: fall through
  }
  const { build } = await import('esbuild');
  const outfile = join(tmpdir(), `cognito-kit-srp-bench-${process.pid}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL('../src/srp/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile,
    logLevel: 'error',
  });
  try {
    return { kit: await import(pathToFileURL(outfile).href), from: 'src/srp (esbuild bundle)' };
  } finally {
    rmSync(outfile, { force: true });
  }
}

const require = createRequire(import.meta.url);
const aj = require('amazon-cognito-identity-js');
// The HMAC that CognitoUser applies to the HKDF key comes from the reference's own dependency.
const { Sha256 } = createRequire(require.resolve('amazon-cognito-identity-js'))(
  '@aws-crypto/sha256-js',
);
const ajVersion = createRequire(require.resolve('amazon-cognito-identity-js'))(
  '../package.json',
).version;

const { kit, from } = await loadCognitoKit();

// Same inputs for both (COGNITO-PROTOCOL.md §2.7 challenge).
const input = {
  userPoolId: 'us-east-1_TestPool1',
  userIdForSrp: 'alice',
  password: 'Passw0rd!',
  salt: 'e3b0c44298fc1c149afbf4c8996fb924',
  srpB: 'e25662152db80f8fef7736ddea9740bf2c0d15acf5b5017ae01e2b201fec6d40fcc989b9e9c61a9149a82f2277218544466f2b81e9919105808a344c16603007d7331cbcfc5a82d12977c70e3edfab4e6e1bc681c16915d8a1814fb1e0e467b3e30e96e50b9d7b9f6688aeafc107a66245098715f29015d1933eb75b10f5868ea7db61d9353425e196c712ddc4870544a50187f28a8ad8f267b3adbdef7c1f0989cfbff807f3cc55e8e85fe4577c5a6252e20ebf913ec43af3b5770c66527ce985fa9534e1957794f1fc21a0d8ab547a41daae8622f545e6ecae8517961d72d39c4d79cd74b4b21bfbb2176c3c757872deb04d40d07b440c873180e863e00ac8911e20e700e0b50d7b97d7e7c3d98417164c003b5c934899cf11b59cec058c4d1cd12ff79918d4a0b2ebc78a6946d7f34777b04637beeb3faa9a6ce4c7a3832b7a86ae7c7997b8562df2ab174dbf3bd19c37204a57b7c54fe4a1badf7fb97e015c15040a1a5a43da97527f09d53c0803fe98c0aeaa8cd29bdb21d8b54fc94eed',
  secretBlock:
    '3TiEmnDhU30Mno6yl4sIXq4puXYHCcaCE15IbqysQ8iQk03pSU4oPqcbKyaYR+A8NzUOT6xXrDVMfFj2JoEbR/FhK5oBkotLs1xUgs4wSFLpneOj1x04W3QVRylWD3nB',
  now: new Date(1_700_000_000_000),
};
const timestamp = 'Tue Nov 14 22:13:20 UTC 2023';

/** cognito-kit: fresh ephemeral, then the claim. */
async function cognitoKitOnce() {
  const ephemeral = kit.createSrpEphemeral();
  return kit.computePasswordClaim(ephemeral, input);
}

/**
 * amazon-cognito-identity-js: what CognitoUser.authenticateUserDefaultAuth does on the client.
 * `pinnedA` (hex) replaces its random a, for the one-off agreement check.
 */
function referenceOnce(pinnedA) {
  return new Promise((resolve, reject) => {
    const helper = new aj.AuthenticationHelper('TestPool1'); // draws a, computes A
    if (pinnedA !== undefined) {
      helper.smallAValue = new helper.N.constructor(pinnedA, 16);
      helper.largeAValue = undefined;
    }
    helper.getLargeAValue((errA) => {
      if (errA) return reject(errA);
      const BigInteger = helper.N.constructor;
      helper.getPasswordAuthenticationKey(
        input.userIdForSrp,
        input.password,
        new BigInteger(input.srpB, 16),
        new BigInteger(input.salt, 16),
        (err, hkdf) => {
          if (err) return reject(err);
          const hmac = new Sha256(hkdf);
          hmac.update(
            Buffer.concat([
              Buffer.from('TestPool1', 'utf8'),
              Buffer.from(input.userIdForSrp, 'utf8'),
              Buffer.from(input.secretBlock, 'base64'),
              Buffer.from(timestamp, 'utf8'),
            ]),
          );
          resolve({ signature: Buffer.from(hmac.digestSync()).toString('base64'), timestamp });
        },
      );
    });
  });
}

async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(2)} ms`;

// Cold: the first computation in this process (nothing cached, JIT cold).
const coldKit = await time(cognitoKitOnce);
const coldRef = await time(() => referenceOnce());

// Both must compute the same thing: with the §2.7 private value a they give its signature.
const A_2_7 =
  'efeb49f31c6720186bc236dc1f2ca36ff4446837b39d134f3df1aa17f6be004559f16b8273b7a11cca572bc560df23dd984072a965f3ec9f7cc6e4555b8fcfb7d0dd637d9e35c0ff1fae2ec2e0854765ef0789492ba03ddeb833fbe53645c98e74f386ffecc2536a17d5901101eb23be6792f7aebe29a4d4b72b9bd06e7897f6';
const kitCheck = await kit.computePasswordClaim(kit.srpEphemeralFrom(BigInt(`0x${A_2_7}`)), input);
const refCheck = await referenceOnce(A_2_7);
const agree =
  kitCheck.signature === refCheck.signature &&
  kitCheck.signature === 't5k71YcnCbKtIbRpd6MFgVYcXwtCS8lRdPev1nYmMmQ=';

for (let i = 0; i < WARMUP; i++) {
  await cognitoKitOnce();
  await referenceOnce();
}
// Interleaved so both see the same machine load.
const kitTimes = [];
const refTimes = [];
const submitTimes = [];
for (let i = 0; i < ROUNDS; i++) {
  kitTimes.push(await time(cognitoKitOnce));
  refTimes.push(await time(() => referenceOnce()));
  const ephemeral = kit.createSrpEphemeral(); // precomputed while the form is shown
  submitTimes.push(await time(() => kit.computePasswordClaim(ephemeral, input)));
}

const kitMedian = median(kitTimes);
const refMedian = median(refTimes);
const rows = [
  [`cognito-kit (${from})`, `median ${ms(kitMedian)}`, `first call ${ms(coldKit)}`],
  [
    `amazon-cognito-identity-js ${ajVersion}`,
    `median ${ms(refMedian)}`,
    `first call ${ms(coldRef)}`,
  ],
  ['cognito-kit, claim only (A precomputed)', `median ${ms(median(submitTimes))}`, ''],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(
  `SRP client computation (ephemeral A + password claim), ${ROUNDS} rounds, Node ${process.version}`,
);
for (const [name, mid, first] of rows)
  console.log(`  ${name.padEnd(width)}  ${mid.padEnd(18)} ${first}`);
console.log(
  `  ratio (reference / cognito-kit): ${(refMedian / kitMedian).toFixed(1)}× faster (goal ≥ 8×)`,
);
console.log(`  same signature as the reference for the §2.7 inputs: ${agree ? 'yes' : 'NO'}`);
console.log(
  '  note: cognito-kit builds an ~80 KB table of powers of g on first use and reuses it; "first call" includes that.',
);
