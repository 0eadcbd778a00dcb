import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { count, createHookEnv, renderSignedIn } from '../../test/hooks-env.js';
import { useCognitoAuth } from '../provider/context.js';
import { useAuthFetch } from './useAuthFetch.js';

/** An API at https://api.test that records the Authorization header of each request and refuses the first. */
function api() {
  const seen: (string | null)[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push(request.headers.get('authorization'));
    return new Response(null, { status: seen.length === 1 ? 401 : 200 });
  };
  return { seen, fetch };
}

describe('useAuthFetch', () => {
  it("sends the session's access token, refreshing it once when the API answers 401", async () => {
    const env = createHookEnv();
    const { seen, fetch } = api();
    const { result } = await renderSignedIn(env, () => ({
      // A new array on every render, as apps write it.
      api: useAuthFetch({ origins: ['https://api.test'], fetch }),
      auth: useCognitoAuth(),
    }));
    const first = await result.current.hook.auth.getAccessToken();
    const refreshesBefore = count(env.calls, 'InitiateAuth');
    let status = 0;
    await act(async () => {
      status = (await result.current.hook.api('https://api.test/orders')).status;
    });
    expect(status).toBe(200);
    const second = await result.current.hook.auth.getAccessToken();
    expect(second).not.toBe(first);
    expect(seen).toEqual([`Bearer ${first}`, `Bearer ${second}`]);
    expect(count(env.calls, 'InitiateAuth')).toBe(refreshesBefore + 1);
  });

  it('keeps its function across renders while the options mean the same, and never sends the token elsewhere', async () => {
    const env = createHookEnv();
    const { seen, fetch } = api();
    const { result, rerender } = await renderSignedIn(env, () =>
      useAuthFetch({ origins: ['https://api.test'], fetch }),
    );
    const before = result.current.hook;
    rerender();
    expect(result.current.hook).toBe(before);
    await act(async () => {
      await result.current.hook('https://elsewhere.test/');
    });
    expect(seen).toEqual([null]);
  });
});
