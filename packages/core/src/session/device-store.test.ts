import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { createDeviceSecretStore } from './device-store.js';
import { keyValueStorage } from './storage.js';
import { MapStore } from './storage.test-helpers.js';

const secrets = { deviceKey: 'us-east-1_d1', deviceGroupKey: 'g1', devicePassword: 'p1' };

describe('createDeviceSecretStore', () => {
  it('keeps secrets by internal username and finds them through an alias pointer', async () => {
    const kv = new MapStore();
    const devices = createDeviceSecretStore(keyValueStorage(kv), 'web');
    await devices.set('uuid-1', secrets);
    await devices.linkOwner('alice@example.com', 'uuid-1');
    expect(await devices.find('alice@example.com')).toEqual({ owner: 'uuid-1', secrets });
    expect(await devices.get('alice@example.com')).toBeNull(); // the pointer holds no secret
    await devices.forget('uuid-1');
    expect(await devices.find('alice@example.com')).toBeNull();
  });

  it('reads a failing storage as no device and reports the failure (sign-in goes on)', async () => {
    const failing = new MapStore();
    failing.getItem = () => {
      throw new Error('SecurityError: storage disabled');
    };
    const reported: unknown[] = [];
    const devices = createDeviceSecretStore(keyValueStorage(failing), 'web', (e) =>
      reported.push(e),
    );
    expect(await devices.find('alice')).toBeNull();
    expect(await devices.get('alice')).toBeNull();
    expect(reported).toHaveLength(2);
    expect(reported.every((e) => isCognitoError(e, 'StorageError'))).toBe(true);
  });
});
