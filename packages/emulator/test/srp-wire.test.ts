/**
 * USER_SRP_AUTH at the wire level: SECRET_HASH at both steps, e-mail sign-in pools (UUID
 * USER_ID_FOR_SRP), lockout through SRP, SECRET_BLOCK lifetime and single use, TIMESTAMP
 * layout, URL-safe blocks and the unknown-device retry.
 */
import { describe, expect, it } from 'vitest';
import { computeSecretHash } from '../src/engine/auth/secret-hash.js';
import { startSrp } from './helpers/srp-client.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, emulatorWith } from './helpers/wire.js';

const SUB = '4f8b2c1e-9d7a-4e3b-8a6c-1f2e3d4c5b6a';

describe('USER_SRP_AUTH on the wire', () => {
  it('in an e-mail sign-in pool uses the UUID username and checks SECRET_HASH at both steps', async () => {
    const e = emulatorWith([
      {
        id: POOL_ID,
        usernameAttributes: ['email'],
        clients: [{ id: '7abcdefghijklmnopqrstuvwx', secret: 's3cr3t' }],
        users: [{ username: 'ann@example.com', password: PASSWORD, sub: SUB }],
      },
    ]);
    // COGNITO-PROTOCOL §6 known answer for the internal (UUID) username.
    expect(await computeSecretHash('7abcdefghijklmnopqrstuvwx', 's3cr3t', SUB)).toBe(
      'a1N8dPny1EuuI3kGGYrDn/rsTHeuToQJ83LPCqpZyIg=',
    );
    const typedHash = await computeSecretHash(
      '7abcdefghijklmnopqrstuvwx',
      's3cr3t',
      'ann@example.com',
    );
    const exchange = await startSrp(e, {
      poolId: POOL_ID,
      clientId: '7abcdefghijklmnopqrstuvwx',
      username: 'ann@example.com',
      password: PASSWORD,
      authParameters: { SECRET_HASH: typedHash },
    });
    expect(exchange.start.status).toBe(200);
    expect(exchange.params['USER_ID_FOR_SRP']).toBe(SUB);
    expect(exchange.params['USERNAME']).toBe(SUB);
    const missing = await exchange.answer();
    expect(missing.type).toBe('NotAuthorizedException');
    const done = await exchange.answer({
      extra: { SECRET_HASH: 'a1N8dPny1EuuI3kGGYrDn/rsTHeuToQJ83LPCqpZyIg=' },
    });
    expect(done.status).toBe(200);
  });

  it('counts wrong SRP passwords towards the lockout', async () => {
    // A frozen clock: the reference client's SRP is slow enough to outlast a 1 s lockout.
    const e = emulatorWith([basicPool()], { now: Date.now() });
    const attempt = async (password: string) =>
      (
        await startSrp(e, { poolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password })
      ).answer();
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt('Wrong-passw0rd')).message).toBe('Incorrect username or password.');
    }
    expect((await attempt(PASSWORD)).message).toBe('Password attempts exceeded');
  });

  it('spends the SECRET_BLOCK on use and lets it expire', async () => {
    const e = emulatorWith([basicPool()], { now: Date.now() });
    const first = await startSrp(e, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: PASSWORD,
    });
    expect((await first.answer()).status).toBe(200);
    expect((await first.answer()).message).toBe('Incorrect username or password.');
    const late = await startSrp(e, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: PASSWORD,
    });
    e.api.clock.advance(181_000);
    expect((await late.answer()).message).toBe('Incorrect username or password.');
  });

  it('refuses a zero-padded or wrong-weekday TIMESTAMP and accepts a URL-safe block', async () => {
    const e = emulatorWith();
    const start = () =>
      startSrp(e, { poolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD });
    expect((await (await start()).answer({ timestamp: 'Tue Mar 05 04:05:06 UTC 2024' })).type).toBe(
      'NotAuthorizedException',
    );
    expect((await (await start()).answer({ timestamp: 'Wed Mar 5 04:05:06 UTC 2024' })).type).toBe(
      'NotAuthorizedException',
    );
    const urlSafe = await start();
    const block = urlSafe.params['SECRET_BLOCK'] ?? '';
    const answer = await urlSafe.answer({
      secretBlock: block.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    });
    expect(answer.status).toBe(200);
  });

  it('reports an unknown DEVICE_KEY at PASSWORD_VERIFIER and accepts the retry without it', async () => {
    const e = emulatorWith([basicPool({ deviceTracking: 'always' })]);
    const unknown = 'us-east-1_00000000-0000-4000-8000-000000000000';
    const exchange = await startSrp(e, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: PASSWORD,
      authParameters: { DEVICE_KEY: unknown },
    });
    expect(exchange.start.status).toBe(200);
    const refused = await exchange.answer({ extra: { DEVICE_KEY: unknown } });
    expect(refused).toMatchObject({
      type: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    });
    const retried = await exchange.answer({ extra: { DEVICE_KEY: null } });
    expect(retried.status).toBe(200);
    const result = retried.body['AuthenticationResult'] as { NewDeviceMetadata?: unknown };
    expect(result.NewDeviceMetadata).toBeDefined();
  });
});
