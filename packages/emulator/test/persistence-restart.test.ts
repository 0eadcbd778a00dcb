/**
 * State survives a restart of the Node host with a data directory; a corrupt data file stops
 * start-up and is never overwritten.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tempDirPerTest } from './support/temp-dir.js';
import { CorruptStateError, startEmulatorServer, stateFilePath } from '../src/node/index.js';
import type { EmulatorServerOptions } from '../src/node/index.js';
import { awsSdk as sdk } from './aws-sdk.js';

const POOL = 'eu-central-1_Persist1';
const dataDir = tempDirPerTest('ck-restart-');

function options(extra: EmulatorServerOptions = {}): EmulatorServerOptions {
  return {
    port: 0,
    quiet: true,
    dataDir: dataDir(),
    seed: {
      pools: [
        {
          id: POOL,
          clients: [{ id: 'persistClient' }],
          users: [{ username: 'seeded', password: 'Seeded-Passw0rd' }],
        },
      ],
    },
    ...extra,
  };
}

function adminClient(url: string) {
  return new sdk.CognitoIdentityProviderClient({
    region: 'eu-central-1',
    endpoint: url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

describe('persistence across restarts', () => {
  it('keeps users, groups and the outbox created through the API', async () => {
    const first = await startEmulatorServer(options());
    expect(first.origin).toBe('seed');
    const client = adminClient(first.url);
    await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'created',
        UserAttributes: [{ Name: 'email', Value: 'created@example.com' }],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    await client.send(new sdk.CreateGroupCommand({ UserPoolId: POOL, GroupName: 'kept' }));
    await client.send(
      new sdk.AdminAddUserToGroupCommand({
        UserPoolId: POOL,
        Username: 'created',
        GroupName: 'kept',
      }),
    );
    const jwksBefore = await (await fetch(`${first.url}/${POOL}/.well-known/jwks.json`)).json();
    client.destroy();
    await first.close();

    // The seed is ignored once the data directory holds state, so nothing is reset.
    const second = await startEmulatorServer(options({ seed: { pools: [{ id: POOL }] } }));
    expect(second.origin).toBe('data');
    const again = adminClient(second.url);
    const user = await again.send(
      new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'created' }),
    );
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const groups = await again.send(
      new sdk.AdminListGroupsForUserCommand({ UserPoolId: POOL, Username: 'created' }),
    );
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['kept']);
    expect(second.emulator.api.getUser(POOL, 'seeded')?.password).toBe('Seeded-Passw0rd');
    expect(second.emulator.api.outbox.list({ poolId: POOL, username: 'created' })).toHaveLength(1);
    // Signing keys persist, so tokens issued before the restart still verify.
    const jwksAfter = await (await fetch(`${second.url}/${POOL}/.well-known/jwks.json`)).json();
    expect(jwksAfter).toEqual(jwksBefore);
    again.destroy();
    await second.close();
  });

  it('refuses a corrupt data file with a clear message and leaves it as it was', async () => {
    const garbage =
      '{"format":"cognito-kit-emulator-state","formatVersion":1,"state":{"version":1,"pools":3}}';
    await writeFile(stateFilePath(dataDir()), garbage);
    const error = await startEmulatorServer(options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptStateError);
    expect((error as Error).message).toContain(stateFilePath(dataDir()));
    expect((error as Error).message).toContain('unexpected shape');
    expect(await readFile(stateFilePath(dataDir()), 'utf8')).toBe(garbage);
  });
});
