/** The seed example in README.md stays valid: it is parsed and loaded as documented. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createEmulator } from '../src/engine/emulator.js';
import { validateSeed } from '../src/engine/seed/seed.js';

it('README seed example validates and loads', async () => {
  const readme = await readFile(
    join(dirname(fileURLToPath(import.meta.url)), '../README.md'),
    'utf8',
  );
  const block = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const seed = validateSeed(JSON.parse(block ?? ''));
  const emulator = createEmulator(seed);
  const alice = emulator.api.getUser('eu-west-1_Example1', 'alice@example.com');
  expect(alice?.username).toBe('alice');
  expect(alice?.groups).toEqual(['admins']);
  expect(alice?.mfa.totpEnabled).toBe(true);
});

it('README custom-auth example validates', async () => {
  const readme = await readFile(
    join(dirname(fileURLToPath(import.meta.url)), '../README.md'),
    'utf8',
  );
  const block = /```json\n("customAuth"[\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const { customAuth } = JSON.parse(`{${block ?? ''}}`) as { customAuth: unknown };
  const seed = validateSeed({ pools: [{ id: 'eu-west-1_Example1', customAuth }] });
  expect(seed.pools?.[0]?.customAuth?.challenges).toHaveLength(2);
});

it('README OAuth seed example validates and loads', async () => {
  const readme = await readFile(
    join(dirname(fileURLToPath(import.meta.url)), '../README.md'),
    'utf8',
  );
  const block = /```json\n(\{\n {2}"upstreamIdp"[\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const emulator = createEmulator(validateSeed(JSON.parse(block ?? '')));
  const pool = emulator.api.snapshot().pools['us-east-1_DemoPool1'];
  expect(pool?.domain).toBe('demo');
  expect(pool?.clients['worker']?.oauth?.flows).toEqual(['client_credentials']);
  expect(Object.keys(pool?.identityProviders ?? {})).toEqual(['Google', 'AcmeOIDC']);
});

it('README passkey pool example validates and loads', async () => {
  const readme = await readFile(
    join(dirname(fileURLToPath(import.meta.url)), '../README.md'),
    'utf8',
  );
  const block = /```json\n(\{ "id": "us-east-1_Passkeys1"[\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const seed = validateSeed({ pools: [JSON.parse(block ?? '')] });
  const emulator = createEmulator(seed);
  const pool = emulator.api.snapshot().pools['us-east-1_Passkeys1'];
  expect(pool?.allowedFirstAuthFactors).toContain('WEB_AUTHN');
  expect(pool?.webAuthn?.relyingPartyId).toBe('localhost');
});
