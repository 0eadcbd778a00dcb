import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { createSigningKeyCache } from './model/signing-keys.js';
import { totpCodeAt } from './crypto/totp.js';

const signingKeys = createSigningKeyCache();

const POOL = 'us-east-1_Api1';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function make(now?: number) {
  return createEmulator(
    {
      pools: [
        {
          id: POOL,
          clients: [{ id: 'web', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
          mfa: { mode: 'OPTIONAL', factors: ['SMS', 'TOTP'] },
          users: [
            {
              username: 'sam',
              password: 'Passw0rd!',
              attributes: { phone_number: '+15555550100' },
              mfa: { sms: true },
            },
            { username: 'tina', password: 'Passw0rd!', mfa: { totpSecret: SECRET } },
          ],
        },
      ],
    },
    now === undefined ? { signingKeys } : { now, signingKeys },
  );
}

async function signIn(emulator: ReturnType<typeof make>, username: string) {
  const res = await emulator.fetch('http://localhost/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'web',
      AuthParameters: { USERNAME: username, PASSWORD: 'Passw0rd!' },
    }),
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('createEmulator api', () => {
  it('controls a frozen clock', () => {
    const e = make(1_700_000_000_000);
    expect(e.api.clock.now()).toBe(1_700_000_000_000);
    e.api.clock.advance(1500);
    expect(e.api.clock.now()).toBe(1_700_000_001_500);
    e.api.clock.set(1_800_000_000_000);
    expect(e.api.clock.now()).toBe(1_800_000_000_000);
  });

  it('moves a real-time clock by advance and set', () => {
    const e = make();
    const before = Date.now();
    e.api.clock.advance(3_600_000);
    expect(e.api.clock.now()).toBeGreaterThanOrEqual(before + 3_600_000);
    e.api.clock.set(1_000);
    expect(e.api.clock.now()).toBeLessThan(1_000 + 60_000);
  });

  it('lists, filters and clears the outbox, and finds the last code by user or destination', async () => {
    const e = make(1_700_000_000_000);
    await signIn(e, 'sam');
    await signIn(e, 'sam');
    const messages = e.api.outbox.list({ poolId: POOL });
    expect(messages).toHaveLength(2);
    expect(e.api.outbox.lastCode('sam')).toBe(messages[1]?.code);
    expect(e.api.outbox.lastCode('+15555550100')).toBe(messages[1]?.code);
    expect(e.api.outbox.list({ username: 'tina' })).toEqual([]);
    expect(e.api.outbox.list({ poolId: 'us-east-1_Other' })).toEqual([]);
    // The list is a copy: changing it changes nothing inside.
    messages.pop();
    expect(e.api.outbox.list()).toHaveLength(2);
    e.api.outbox.clear();
    expect(e.api.outbox.list()).toEqual([]);
    expect(e.api.outbox.lastCode('sam')).toBeUndefined();
  });

  it('shows users and their current TOTP code', () => {
    const e = make(1_700_000_000_000);
    const tina = e.api.getUser(POOL, 'TINA');
    expect(tina?.username).toBe('tina');
    expect(e.api.totpCode(POOL, 'tina')).toBe(totpCodeAt(SECRET, 1_700_000_000_000));
    expect(e.api.totpCode(POOL, 'sam')).toBeUndefined();
    expect(e.api.getUser(POOL, 'nobody')).toBeUndefined();
    if (tina) tina.enabled = false;
    expect(e.api.getUser(POOL, 'tina')?.enabled).toBe(true);
  });

  it('restores a snapshot into a new emulator that keeps signing with the same keys', async () => {
    let changes = 0;
    const first = createEmulator(
      {
        pools: [
          {
            id: POOL,
            clients: [{ id: 'web', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
            users: [{ username: 'ann', password: 'Passw0rd!' }],
          },
        ],
      },
      { onChange: () => (changes += 1) },
    );
    const jwks1 = await (
      await first.fetch(`http://localhost/${POOL}/.well-known/jwks.json`)
    ).json();
    expect(changes).toBeGreaterThan(0);
    const snapshot = first.api.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    const second = createEmulator(undefined, { state: snapshot });
    const jwks2 = await (
      await second.fetch(`http://localhost/${POOL}/.well-known/jwks.json`)
    ).json();
    expect(jwks2).toEqual(jwks1);
    expect(
      (await signIn(second as ReturnType<typeof make>, 'ann'))['AuthenticationResult'],
    ).toBeDefined();
    second.api.restore({ version: 1, pools: {}, sessions: {}, srpChallenges: {}, outbox: [] });
    expect(second.api.getUser(POOL, 'ann')).toBeUndefined();
  });

  it('adds pools with api.seed and validates them', () => {
    const e = make();
    e.api.seed({ pools: [{ id: 'eu-west-1_More1', users: [{ username: 'zoe' }] }] });
    expect(e.api.getUser('eu-west-1_More1', 'zoe')?.status).toBe('CONFIRMED');
    expect(() => e.api.seed({ pools: [{ id: 'bad' }] } as never)).toThrow(/pools\[0\]\.id/);
  });
});
