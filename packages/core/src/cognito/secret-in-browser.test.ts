import { afterEach, describe, expect, it, vi } from 'vitest';

const SECRET = 'abcdef0123456789abcdef0123456789abcdef0123456789ab';

/** A fresh copy of the client module (the warning is once per module instance, i.e. page load). */
async function freshClient() {
  vi.resetModules();
  return (await import('./client.js')).createCognitoClient;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('clientSecret in a browser', () => {
  it('warns once per page, without the secret, when a client secret is configured', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const createCognitoClient = await freshClient();
    createCognitoClient({ region: 'eu-west-2' }, { clientId: 'c1', clientSecret: SECRET });
    createCognitoClient({ region: 'eu-west-2' }, { clientId: 'c2', clientSecret: SECRET });
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toMatch(/clientSecret/);
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain(SECRET.slice(0, 8));
  });

  it('stays quiet without a secret, and on servers (no document)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let createCognitoClient = await freshClient();
    createCognitoClient({ region: 'eu-west-2' }, { clientId: 'c1', clientSecret: SECRET });
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    createCognitoClient = await freshClient();
    createCognitoClient({ region: 'eu-west-2' }, { clientId: 'c1' });
    expect(warn).not.toHaveBeenCalled();
  });
});
