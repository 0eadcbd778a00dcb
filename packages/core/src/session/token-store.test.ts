import { describe, expect, it } from 'vitest';
import { keyValueStorage } from './storage.js';
import { MapStore } from './storage.test-helpers.js';
import { createTokenStore, type DeviceSecrets } from './token-store.js';

// Made-up values in the shape of device secrets (nothing here is a real secret).
const deviceA: DeviceSecrets = {
  deviceKey: 'us-east-1_aaaa',
  deviceGroupKey: 'grp-a',
  devicePassword: 'cGFzc3dvcmQtYQ==',
};
const deviceB: DeviceSecrets = {
  deviceKey: 'us-east-1_bbbb',
  deviceGroupKey: 'grp-b',
  devicePassword: 'cGFzc3dvcmQtYg==',
};

function fixture() {
  const kv = new MapStore();
  return { kv, store: createTokenStore(keyValueStorage(kv), 'web') };
}

describe('device owners and alias pointers', () => {
  it('finds secrets under the typed name itself first', async () => {
    const { store } = fixture();
    await store.saveDevice('alice', deviceA);
    expect(await store.findDevice('alice')).toEqual({ owner: 'alice', secrets: deviceA });
    expect(await store.findDevice('alice@example.com')).toBeNull();
  });

  it('follows the alias pointer to the internal name, and holds no secret in it', async () => {
    const { kv, store } = fixture();
    await store.saveDevice('alice', deviceA);
    await store.linkDeviceOwner('alice@example.com', 'alice');
    expect(await store.findDevice('alice@example.com')).toEqual({
      owner: 'alice',
      secrets: deviceA,
    });
    expect(kv.map.get(store.keys.deviceOwner('alice@example.com'))).toBe('{"owner":"alice"}');
    // Forgetting the owner's device is enough: the pointer leads nowhere then.
    await store.clearDevice('alice');
    expect(await store.findDevice('alice@example.com')).toBeNull();
  });

  it('prefers a record under the typed name over the pointer', async () => {
    const { store } = fixture();
    await store.saveDevice('alice', deviceA);
    await store.linkDeviceOwner('Alice', 'alice');
    await store.saveDevice('Alice', deviceB);
    expect(await store.findDevice('Alice')).toEqual({ owner: 'Alice', secrets: deviceB });
  });

  it('moves a record of the old layout (under the alias) to the owner when linking', async () => {
    const { kv, store } = fixture();
    await store.saveDevice('alice@example.com', deviceB);
    await store.linkDeviceOwner('alice@example.com', 'alice');
    expect(kv.map.has(store.keys.device('alice@example.com'))).toBe(false);
    expect(await store.loadDevice('alice')).toEqual(deviceB);
    expect(await store.findDevice('alice@example.com')).toEqual({
      owner: 'alice',
      secrets: deviceB,
    });
  });

  it('writes nothing when the typed name is the owner, and nothing again for a known pointer', async () => {
    const { kv, store } = fixture();
    await store.linkDeviceOwner('alice', 'alice');
    expect(kv.map.size).toBe(0);
    await store.linkDeviceOwner('alice@example.com', 'alice');
    const writes: string[] = [];
    const spy = kv.setItem.bind(kv);
    kv.setItem = (k, v) => {
      writes.push(k);
      spy(k, v);
    };
    await store.linkDeviceOwner('alice@example.com', 'alice');
    expect(writes).toEqual([]);
    // A changed owner (the alias moved to another user) replaces the pointer.
    await store.linkDeviceOwner('alice@example.com', 'alice2');
    expect(writes).toEqual([store.keys.deviceOwner('alice@example.com')]);
  });

  it('reads a malformed pointer as absent and removes it', async () => {
    const { kv, store } = fixture();
    await store.saveDevice('alice', deviceA);
    kv.map.set(store.keys.deviceOwner('alice@example.com'), '{"owner":42}');
    expect(await store.findDevice('alice@example.com')).toBeNull();
    expect(kv.map.has(store.keys.deviceOwner('alice@example.com'))).toBe(false);
  });

  it('keeps pointer keys apart from device keys of names that look alike', () => {
    const { store } = fixture();
    expect(store.keys.deviceOwner('x')).not.toBe(store.keys.device('x'));
    expect(store.keys.deviceOwner('a.b')).toBe('cognito-kit.web.deviceOwner.a.b');
  });
});
