// A challenge waiting for an answer survives a page reload: a second auth object (the reloaded
// page) over the same pending-sign-in storage continues with Cognito's session. Driven against
// the emulator: the reloaded page's answer is checked by the emulator, nothing is faked.
import { createEmulator, createSigningKeyCache } from '@cognito-kit/emulator';
import { describe, expect, it } from 'vitest';
import { createCognitoAuth } from '../src/auth/index.js';
import { memoryStorage, type TokenStorage } from '../src/session/index.js';
import { expectStatus, PASSWORD, POOL, rig } from './sign-in-helpers.js';

/** Everything the storage holds, as one text (to look for what must not be there). */
async function stored(storage: TokenStorage, clientId: string): Promise<string> {
  return (await storage.get(`cognito-kit.${clientId}.pendingSignIn`)) ?? '';
}

describe('a pending challenge across a reload', () => {
  it('SMS_MFA: the reloaded page asks for the same code and signs in; nothing secret is kept', async () => {
    const r = rig();
    const pending = memoryStorage();
    const first = r.auth({ pendingSignInStorage: pending });
    await first.start();
    expectStatus(await first.signIn({ username: 'erin', password: PASSWORD }), 'challenge');
    await first.idle();
    const kept = await stored(pending, 'webclient1');
    expect(kept).toContain('SMS_MFA');
    expect(kept).not.toContain(PASSWORD);
    first.dispose();

    // The reload: a new auth object, new runner, same session storage.
    const second = r.auth({ pendingSignInStorage: pending });
    const restored = expectStatus(await second.start(), 'challenge');
    expect(restored).toMatchObject({ username: 'erin', challenge: { name: 'SMS_MFA' } });
    const code = r.emulator.api.outbox.lastCode('erin', POOL) ?? '';
    expectStatus(await second.answerChallenge({ name: 'SMS_MFA', code }), 'signedIn');
    await second.idle();
    // The sign-in is over: nothing is left to restore.
    expect(await stored(pending, 'webclient1')).toBe('');
  });

  it('is dropped once its time is up (Cognito would refuse the session anyway)', async () => {
    const r = rig();
    const pending = memoryStorage();
    let now = Date.now();
    const clock = { now: () => now };
    const first = r.auth({ pendingSignInStorage: pending, clock, pendingSignInTtl: 60_000 });
    await first.start();
    expectStatus(await first.signIn({ username: 'erin', password: PASSWORD }), 'challenge');
    await first.idle();
    first.dispose();
    now += 61_000;
    const second = r.auth({ pendingSignInStorage: pending, clock, pendingSignInTtl: 60_000 });
    expectStatus(await second.start(), 'signedOut');
    await second.idle();
    expect(await stored(pending, 'webclient1')).toBe('');
  });

  it('a reload does not push the end back: the time counts from Cognito’s answer', async () => {
    const r = rig();
    const pending = memoryStorage();
    let now = Date.now();
    const clock = { now: () => now };
    const page = () => r.auth({ pendingSignInStorage: pending, clock, pendingSignInTtl: 60_000 });
    const first = page();
    await first.start();
    expectStatus(await first.signIn({ username: 'erin', password: PASSWORD }), 'challenge');
    await first.idle();
    first.dispose();
    now += 40_000;
    const second = page();
    expectStatus(await second.start(), 'challenge');
    await second.idle();
    second.dispose();
    now += 21_000;
    expectStatus(await page().start(), 'signedOut');
  });

  it('is cleared when the user abandons the sign-in', async () => {
    const r = rig();
    const pending = memoryStorage();
    const auth = r.auth({ pendingSignInStorage: pending });
    await auth.start();
    expectStatus(await auth.signIn({ username: 'erin', password: PASSWORD }), 'challenge');
    await auth.signOut();
    await auth.idle();
    expect(await stored(pending, 'webclient1')).toBe('');
  });

  it('CUSTOM_CHALLENGE: a question asked before the reload is answered after it', async () => {
    const emulator = createEmulator(
      {
        pools: [
          {
            id: 'us-east-1_Pending1',
            customAuth: { challenges: [{ answer: 'blue', publicParameters: { q: 'Sky?' } }] },
            clients: [{ id: 'pendingclient1', explicitAuthFlows: ['ALLOW_CUSTOM_AUTH'] }],
            users: [{ username: 'alice', password: PASSWORD }],
          },
        ],
      },
      { signingKeys: createSigningKeyCache() },
    );
    const pending = memoryStorage();
    const page = () =>
      createCognitoAuth({
        endpoint: 'http://emulator.test/',
        userPoolId: 'us-east-1_Pending1',
        clientId: 'pendingclient1',
        fetch: (input, init) => emulator.fetch(new Request(input, init)),
        storage: memoryStorage(),
        crossTab: false,
        passwordless: true,
        pendingSignInStorage: pending,
      });
    const first = page();
    await first.start();
    expectStatus(await first.signIn({ username: 'alice' }), 'challenge');
    await first.idle();
    first.dispose();
    const second = page();
    const restored = expectStatus(await second.start(), 'challenge');
    expect(restored.challenge).toMatchObject({
      name: 'CUSTOM_CHALLENGE',
      parameters: { q: 'Sky?' },
    });
    expectStatus(
      await second.answerChallenge({ name: 'CUSTOM_CHALLENGE', answer: 'blue' }),
      'signedIn',
    );
  });
});
