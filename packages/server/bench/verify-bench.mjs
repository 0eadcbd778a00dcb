// Verification throughput: a valid Cognito access token (RS256, warm JWKS cache) verified over and
// over by @cognito-kit/server's createCognitoJwtVerifier — the Node entry (node:crypto signatures)
// and the main entry (WebCrypto, every runtime) — and by aws-jwt-verify's CognitoJwtVerifier,
// interleaved in rounds on the same machine. Prints verifications per second (median of the
// rounds) and the ratios; no assertion (the goal, ≥ 1× for the Node entry, is read off the output).
//
// Run after `pnpm build` (imports ../dist/*.js); without a build it bundles the sources with
// esbuild into temp files.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { CognitoJwtVerifier } from 'aws-jwt-verify';

const ROUNDS = Number(process.env.VERIFY_BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.VERIFY_BENCH_ROUND_MS ?? 400);

async function load(entry) {
  try {
    return { kit: await import(`../dist/${entry}.js`), from: `dist/${entry}.js` };
  } catch {
    // no build yet: fall through
  }
  const { build } = await import('esbuild');
  const outfile = join(
    tmpdir(),
    `cognito-kit-verify-bench-${process.pid}-${entry.replace('/', '-')}.mjs`,
  );
  await build({
    entryPoints: [fileURLToPath(new URL(`../src/${entry}.ts`, import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    conditions: ['@cognito-kit/source'],
    outfile,
    logLevel: 'silent',
  });
  try {
    return { kit: await import(pathToFileURL(outfile).href), from: `src/${entry}.ts (esbuild)` };
  } finally {
    rmSync(outfile, { force: true });
  }
}

const main = await load('index');
const node = await load('node/index');
// aws-jwt-verify does not export its package.json; read it from node_modules.
const awsVersion = JSON.parse(
  readFileSync(new URL('../node_modules/aws-jwt-verify/package.json', import.meta.url), 'utf8'),
).version;

const userPoolId = 'eu-west-2_BenchPool1';
const clientId = 'bench-client';
const issuer = `https://cognito-idp.eu-west-2.amazonaws.com/${userPoolId}`;
const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench-1', alg: 'RS256', use: 'sig' };
const now = Math.floor(Date.now() / 1000);
const token = await new SignJWT({
  sub: '0c5d7a3e-1111-4222-8333-444455556666',
  iss: issuer,
  client_id: clientId,
  token_use: 'access',
  scope: 'aws.cognito.signin.user.admin',
  auth_time: now,
  iat: now,
  exp: now + 3600,
  username: 'bench',
  'cognito:groups': ['users'],
})
  .setProtectedHeader({ alg: 'RS256', kid: 'bench-1' })
  .sign(privateKey);

const ours = node.kit.createCognitoJwtVerifier({ userPoolId, clientId, tokenUse: 'access' });
await ours.hydrate({ keys: [jwk] });
const oursWeb = main.kit.createCognitoJwtVerifier({ userPoolId, clientId, tokenUse: 'access' });
await oursWeb.hydrate({ keys: [jwk] });
const theirs = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' });
theirs.cacheJwks({ keys: [jwk] });

// Both must accept the token and refuse a tampered one.
const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
const agree =
  (await ours.verify(token)).username === 'bench' &&
  (await oursWeb.verify(token)).username === 'bench' &&
  (await oursWeb.verify(tampered).then(
    () => false,
    () => true,
  )) &&
  (await theirs.verify(token)).username === 'bench' &&
  (await ours.verify(tampered).then(
    () => false,
    () => true,
  )) &&
  (await theirs.verify(tampered).then(
    () => false,
    () => true,
  ));

/** Verifications per second during one round of ROUND_MS. */
async function round(verifier) {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 50; i++) await verifier.verify(token);
    count += 50;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await round(ours);
await round(oursWeb);
await round(theirs);
const oursRates = [];
const webRates = [];
const theirsRates = [];
for (let i = 0; i < ROUNDS; i++) {
  oursRates.push(await round(ours));
  webRates.push(await round(oursWeb));
  theirsRates.push(await round(theirs));
}
const a = median(oursRates);
const w = median(webRates);
const b = median(theirsRates);
const fmt = (r) => `${Math.round(r).toLocaleString('en-US')} verifications/s`;
console.log(
  `Access-token verification (RS256, warm JWKS), ${ROUNDS} interleaved rounds of ${ROUND_MS} ms, Node ${process.version}`,
);
const rows = [
  [`@cognito-kit/server/node, node:crypto (${node.from})`, a],
  [`@cognito-kit/server, WebCrypto (${main.from})`, w],
  [`aws-jwt-verify ${awsVersion}`, b],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, rate] of rows) console.log(`  ${name.padEnd(width)}  ${fmt(rate)}`);
console.log(`  ratio, Node entry / aws-jwt-verify: ${(a / b).toFixed(2)}× (goal ≥ 1×)`);
console.log(
  `  ratio, WebCrypto main entry / aws-jwt-verify: ${(w / b).toFixed(2)}× (no goal: edge runtimes have no node:crypto)`,
);
console.log(`  both accept the token and refuse a tampered one: ${agree ? 'yes' : 'NO'}`);
