/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { createCognitoClient } from './client.js';

/*
 * The transport over real sockets with the platform fetch: no answer at all must become a
 * NetworkError. (The ky 1.9 hang when fetch fails before reading the body is covered by the
 * timeout and cancellation cases in client.test.ts, whose fetch never reads it.)
 */

let silent: Server;
let silentUrl: string;
let closedUrl: string;

beforeAll(async () => {
  // Accepts connections and never answers.
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
  // A port that was free a moment ago: connecting is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isCognitoError(error) ? error.code : 'foreign error';
  }
}

describe('transport over real sockets', () => {
  it('reports a refused connection as NetworkError, after retrying a read', async () => {
    const client = createCognitoClient(
      { endpoint: closedUrl },
      { clientId: 'c', retry: { limit: 1, baseDelay: 1 } },
    );
    expect(await codeOf(client.getUser({ AccessToken: 't' }))).toBe('NetworkError');
    expect(await codeOf(client.signUp({ Username: 'a', Password: 'p' }))).toBe('NetworkError');
  });

  it('reports a server that never answers as NetworkError once the timeout passes', async () => {
    const client = createCognitoClient({ endpoint: silentUrl }, { clientId: 'c', timeout: 50 });
    expect(await codeOf(client.confirmSignUp({ Username: 'a', ConfirmationCode: '1' }))).toBe(
      'NetworkError',
    );
  });
});
