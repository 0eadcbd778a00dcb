// Core's sign-in driven against the emulator through flows only the emulator's declarative
// custom auth and required attributes make reachable: CUSTOM_AUTH with a fixed answer, with a
// code from the outbox, with the SRP password step first, and NEW_PASSWORD_REQUIRED that names
// a required attribute. Every answer comes from the emulator; nothing is mocked.
import {
  createEmulator,
  createSigningKeyCache,
  type CustomAuthSeed,
  type Emulator,
  type EmulatorSeed,
} from '@cognito-kit/emulator';
import { describe, expect, it } from 'vitest';
import { createCognitoAuth, type CognitoAuth } from '../src/auth/index.js';
import { isCognitoError } from '../src/errors/index.js';
import type { SignInAuthFlow } from '../src/machine/index.js';
import { memoryStorage } from '../src/session/index.js';
import { expectStatus, rejection } from './sign-in-helpers.js';

const POOL = 'us-east-1_Custom1';
const CLIENT = 'customclient1';
const PASSWORD = 'Passw0rd!';
const TEMPORARY = 'Temp-Passw0rd!';
const ENDPOINT = 'http://emulator.test/';
const signingKeys = createSigningKeyCache();

function seed(customAuth: CustomAuthSeed): EmulatorSeed {
  return {
    pools: [
      {
        id: POOL,
        customAuth,
        requiredAttributes: ['name'],
        clients: [
          {
            id: CLIENT,
            explicitAuthFlows: [
              'ALLOW_CUSTOM_AUTH',
              'ALLOW_USER_SRP_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ],
          },
        ],
        users: [
          {
            username: 'alice',
            password: PASSWORD,
            attributes: { email: 'alice@example.com', email_verified: true, name: 'Alice' },
          },
          {
            // Created before `name` was required (seeded): sign-in must ask for it.
            username: 'newbie',
            password: TEMPORARY,
            status: 'FORCE_CHANGE_PASSWORD',
            attributes: { email: 'newbie@example.com' },
          },
        ],
      },
    ],
  };
}

function setup(customAuth: CustomAuthSeed, authFlow: SignInAuthFlow = 'CUSTOM_AUTH') {
  const emulator = createEmulator(seed(customAuth), { signingKeys });
  /** AuthParameters of every InitiateAuth core sent, to check the wire shape. */
  const initiated: Record<string, string>[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.headers.get('x-amz-target')?.endsWith('.InitiateAuth')) {
      const body = (await request.clone().json()) as { AuthParameters: Record<string, string> };
      initiated.push(body.AuthParameters);
    }
    return emulator.fetch(request);
  };
  const auth = createCognitoAuth({
    endpoint: ENDPOINT,
    userPoolId: POOL,
    clientId: CLIENT,
    fetch: recording,
    storage: memoryStorage(),
    crossTab: false,
    authFlow,
  });
  return { emulator, auth, initiated };
}

function lastCode(emulator: Emulator): string {
  const code = emulator.api.outbox.lastCode('alice', POOL);
  if (!code) throw new Error('no code in the outbox');
  return code;
}

async function answer(auth: CognitoAuth, text: string) {
  return auth.answerChallenge({ name: 'CUSTOM_CHALLENGE', answer: text });
}

describe('CUSTOM_AUTH against the emulator', () => {
  it('passwordless with a fixed answer: shows the public parameters, retries a wrong answer', async () => {
    const { auth, initiated } = setup({
      challenges: [{ answer: 'open sesame', publicParameters: { question: 'Magic words?' } }],
    });
    await auth.start();
    const asked = expectStatus(await auth.signIn({ username: 'alice' }), 'challenge');
    // Passwordless: no SRP values on the wire.
    expect(initiated).toEqual([{ USERNAME: 'alice' }]);
    expect(asked.challenge).toEqual({
      name: 'CUSTOM_CHALLENGE',
      parameters: { question: 'Magic words?', USERNAME: 'alice' },
    });
    // The trigger stand-in asks again (HTTP 200, a new Session): still a challenge.
    const again = expectStatus(await answer(auth, 'abracadabra'), 'challenge');
    expect(again.challenge.name).toBe('CUSTOM_CHALLENGE');
    const done = expectStatus(await answer(auth, 'open sesame'), 'signedIn');
    expect(done.user.username).toBe('alice');
    expect(done.user.claims['name']).toBe('Alice');
  });

  it('passwordless with a code from the outbox; the last wrong answer fails the sign-in', async () => {
    const { emulator, auth } = setup({ challenges: [{ code: 'EMAIL' }], maxAttempts: 2 });
    await auth.start();
    const asked = expectStatus(await auth.signIn({ username: 'alice' }), 'challenge');
    expect(asked.challenge).toMatchObject({
      name: 'CUSTOM_CHALLENGE',
      parameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' },
    });
    const code = lastCode(emulator);
    const wrong = code === '000000' ? '111111' : '000000';
    expectStatus(await answer(auth, wrong), 'challenge');
    expectStatus(await answer(auth, code), 'signedIn');

    await auth.signOut();
    expectStatus(await auth.signIn({ username: 'alice' }), 'challenge');
    expectStatus(await answer(auth, wrong), 'challenge');
    const error = await rejection(answer(auth, wrong));
    expect(isCognitoError(error, 'NotAuthorizedException')).toBe(true);
    // The session is spent: back to signed out, with the refusal as the reason.
    expect(auth.getSnapshot()).toMatchObject({
      status: 'signedOut',
      error: { code: 'NotAuthorizedException' },
    });
  });

  it('srpFirst: the password is proven with SRP, then the e-mailed code signs in', async () => {
    const { emulator, auth, initiated } = setup({
      srpFirst: true,
      challenges: [{ code: 'EMAIL' }],
    });
    await auth.start();
    const asked = expectStatus(
      await auth.signIn({ username: 'alice', password: PASSWORD }),
      'challenge',
    );
    expect(asked.challenge.name).toBe('CUSTOM_CHALLENGE');
    // Cognito's documented request for the password step of CUSTOM_AUTH.
    expect(initiated).toHaveLength(1);
    expect(initiated[0]).toMatchObject({ USERNAME: 'alice', CHALLENGE_NAME: 'SRP_A' });
    expect(initiated[0]?.['SRP_A']).toMatch(/^[0-9a-f]+$/);
    expectStatus(await answer(auth, lastCode(emulator)), 'signedIn');
  });

  it('srpFirst: a wrong password is refused before any code is sent', async () => {
    const { emulator, auth } = setup({ srpFirst: true, challenges: [{ code: 'EMAIL' }] });
    await auth.start();
    const error = await rejection(auth.signIn({ username: 'alice', password: 'Wr0ng-Passw0rd' }));
    expect(isCognitoError(error, 'NotAuthorizedException')).toBe(true);
    expect(emulator.api.outbox.list()).toEqual([]);
  });
});

describe('NEW_PASSWORD_REQUIRED with a required attribute', () => {
  it('lists the missing attribute and completes once it is given', async () => {
    const { emulator, auth } = setup({ challenges: [{ answer: 'x' }] }, 'USER_SRP_AUTH');
    await auth.start();
    const asked = expectStatus(
      await auth.signIn({ username: 'newbie', password: TEMPORARY }),
      'challenge',
    );
    expect(asked.challenge).toMatchObject({
      name: 'NEW_PASSWORD_REQUIRED',
      requiredAttributes: ['name'],
      userAttributes: { email: 'newbie@example.com' },
    });
    const local = await rejection(
      auth.answerChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w-Passw0rd!' }),
    );
    expect(isCognitoError(local, 'InvalidInput')).toBe(true);
    const done = expectStatus(
      await auth.answerChallenge({
        name: 'NEW_PASSWORD_REQUIRED',
        newPassword: 'N3w-Passw0rd!',
        attributes: { name: 'Nina' },
      }),
      'signedIn',
    );
    expect(done.user.claims['name']).toBe('Nina');
    expect(emulator.api.getUser(POOL, 'newbie')).toMatchObject({
      status: 'CONFIRMED',
      attributes: { name: 'Nina' },
    });
  });

  it('after CUSTOM_AUTH too: the custom challenge first, then the new password', async () => {
    const { auth } = setup({ challenges: [{ answer: 'open sesame' }] });
    await auth.start();
    expectStatus(await auth.signIn({ username: 'newbie' }), 'challenge');
    const next = expectStatus(await answer(auth, 'open sesame'), 'challenge');
    expect(next.challenge).toMatchObject({
      name: 'NEW_PASSWORD_REQUIRED',
      requiredAttributes: ['name'],
    });
    expectStatus(
      await auth.answerChallenge({
        name: 'NEW_PASSWORD_REQUIRED',
        newPassword: 'N3w-Passw0rd!',
        attributes: { name: 'Nina' },
      }),
      'signedIn',
    );
  });
});
