/**
 * SRP's big powers run outside the engine lock (EngineLock): concurrent sign-ins overlap there,
 * and what they read before stepping out is checked again afterwards.
 */
import { describe, expect, it } from 'vitest';
import { bigIntModExp, type ModularExponentiation } from '../src/index.js';
import { startSrp } from './helpers/srp-client.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, emulatorWith } from './helpers/wire.js';

/**
 * BigInt powers that each wait until `width` powers are asked for at once (or 1 s passes). Under a
 * lock held through the powers, a second request could never ask: every power would time out.
 */
function overlapDetector(width: number): ModularExponentiation & { overlapped: () => boolean } {
  let waiting: Array<() => void> = [];
  let overlapped = false;
  return {
    name: 'overlap detector',
    overlapped: () => overlapped,
    async power(base, exponent) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length >= width) {
          overlapped = true;
          for (const go of waiting) go();
          waiting = [];
        } else {
          setTimeout(resolve, 1_000);
        }
      });
      return bigIntModExp.power(base, exponent);
    },
  };
}

const users = ['alice', 'bob'].map((username) => ({ username, password: PASSWORD }));

describe('concurrent SRP sign-ins', () => {
  it('compute their powers at the same time, not one request after the other', async () => {
    const modExp = overlapDetector(2);
    const emulator = emulatorWith([basicPool({ users })], { modularExponentiation: modExp });
    const signIn = async (username: string) => {
      const exchange = await startSrp(emulator, {
        poolId: POOL_ID,
        clientId: CLIENT_ID,
        username,
        password: PASSWORD,
      });
      return exchange.answer();
    };
    const answers = await Promise.all(['alice', 'bob'].map(signIn));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(modExp.overlapped()).toBe(true);
  });

  it('accept a claim answered twice at once only once', async () => {
    const emulator = emulatorWith([basicPool({ users })]);
    const exchange = await startSrp(emulator, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: PASSWORD,
    });
    const answers = await Promise.all([exchange.answer(), exchange.answer()]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 400]);
    expect(answers.find((a) => a.status === 400)?.type).toBe('NotAuthorizedException');
  });
});
