import { describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator.js';
import { createSigningKeyCache } from './signing-keys.js';

interface Jwks {
  keys: { kid: string; n: string }[];
}

const seed = { pools: [{ id: 'us-east-1_KeysOne' }, { id: 'us-east-1_KeysTwo' }] };

async function jwks(emulator: ReturnType<typeof createEmulator>, pool: string): Promise<Jwks> {
  const res = await emulator.fetch(`http://localhost/${pool}/.well-known/jwks.json`);
  return (await res.json()) as Jwks;
}

describe('signing key cache', () => {
  it('gives every pool of one emulator its own keys and repeats them in the next emulator', async () => {
    const cache = createSigningKeyCache();
    const first = createEmulator(seed, { signingKeys: cache });
    const one = await jwks(first, 'us-east-1_KeysOne');
    const two = await jwks(first, 'us-east-1_KeysTwo');
    const moduli = [...one.keys, ...two.keys].map((k) => k.n);
    expect(new Set(moduli).size).toBe(4);

    const second = createEmulator(seed, { signingKeys: cache });
    const again = await jwks(second, 'us-east-1_KeysOne');
    expect(again.keys.map((k) => k.n)).toEqual(one.keys.map((k) => k.n));
    // Key ids stay fresh per emulator even when the material repeats.
    expect(again.keys.map((k) => k.kid)).not.toEqual(one.keys.map((k) => k.kid));
  });

  it('is not used unless asked for: separate emulators get separate keys', async () => {
    const a = await jwks(createEmulator(seed), 'us-east-1_KeysOne');
    const b = await jwks(createEmulator(seed), 'us-east-1_KeysOne');
    expect(a.keys[0]?.n).not.toEqual(b.keys[0]?.n);
  });
});
