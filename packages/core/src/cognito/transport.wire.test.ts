import { describe, expect, it } from 'vitest';
import { CognitoError, isCognitoError } from '../errors/index.js';
import { createWireTransport } from './transport.js';

/*
 * createWireTransport's own options, with a fetch double that answers throttling (Cognito's
 * throttling cannot be provoked on demand): re-sending throttled writes is opt-in, and a
 * CognitoError thrown by the fetch (a signer without credentials) is passed through as is.
 */

interface Actions {
  Write: [{ Name: string }, { Ok: boolean }];
}

function throttlingFetch(throttled: number) {
  const state = {
    calls: 0,
    fetch: (async () => {
      state.calls++;
      if (state.calls <= throttled) {
        return Response.json(
          { __type: 'TooManyRequestsException', message: 'Rate exceeded' },
          { status: 400 },
        );
      }
      return Response.json({ Ok: true });
    }) as typeof fetch,
  };
  return state;
}

const transport = (fetchImpl: typeof fetch, resendThrottled: boolean) =>
  createWireTransport<Actions>({
    endpoint: 'http://wire.test/',
    fetch: fetchImpl,
    timeout: 1000,
    retry: { limit: 3, baseDelay: 1, maxDelay: 2 },
    parse: (_action, text) => JSON.parse(text) as { Ok: boolean },
    resendThrottled,
  });

describe('createWireTransport', () => {
  it('re-sends a throttled write only with resendThrottled', async () => {
    const opted = throttlingFetch(2);
    expect(await transport(opted.fetch, true)('Write', { Name: 'a' }, false)).toEqual({ Ok: true });
    expect(opted.calls).toBe(3);

    const plain = throttlingFetch(2);
    const error = await transport(plain.fetch, false)('Write', { Name: 'a' }, false).catch(
      (e: unknown) => e,
    );
    expect(isCognitoError(error, 'TooManyRequestsException')).toBe(true);
    expect(plain.calls).toBe(1);
  });

  it('passes a CognitoError thrown by the fetch through, unwrapped and not re-sent', async () => {
    let calls = 0;
    const refusing = (async () => {
      calls++;
      throw new CognitoError({ code: 'InvalidInput', message: 'no credentials' });
    }) as typeof fetch;
    const error = await transport(refusing, true)('Write', { Name: 'a' }, true).catch(
      (e: unknown) => e,
    );
    expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    expect((error as Error).message).toBe('no credentials');
    expect(calls).toBe(1);
  });
});
