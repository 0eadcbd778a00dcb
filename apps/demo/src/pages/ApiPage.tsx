import { createAuthFetch } from '@cognito-kit/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAuth } from '@cognito-kit/react';

type Call =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly body: Record<string, unknown> }
  | { readonly kind: 'failed'; readonly status: number; readonly reason: string };

/** Calls the demo's own API with the access token (authFetch refreshes and retries on 401). */
export function ApiPage() {
  const getAccessToken = useAuth((view) => view.getAccessToken);
  const api = useMemo(
    () =>
      createAuthFetch({
        getAccessToken: (options) => getAccessToken(options),
        // Only our own origin ever sees the token.
        shouldAuthorize: (request) => new URL(request.url).origin === location.origin,
      }),
    [getAccessToken],
  );
  const [call, setCall] = useState<Call>({ kind: 'idle' });
  const run = useCallback(async () => {
    setCall({ kind: 'loading' });
    try {
      const response = await api('/api/hello');
      const body = (await response.json()) as Record<string, unknown>;
      setCall(
        response.ok
          ? { kind: 'ok', body }
          : { kind: 'failed', status: response.status, reason: String(body['reason'] ?? '') },
      );
    } catch (error) {
      setCall({ kind: 'failed', status: 0, reason: (error as Error).message });
    }
  }, [api]);
  useEffect(() => {
    void run();
  }, [run]);

  return (
    <section aria-labelledby="api-title" className="demo-page">
      <h1 id="api-title">Protected API</h1>
      <p className="demo-lead">
        <code>GET /api/hello</code> verifies your access token against the pool&apos;s JWKS and asks
        Cognito whether it was revoked.
      </p>
      <button type="button" className="demo-primary" onClick={() => void run()}>
        Call the API
      </button>
      <div className="demo-panel" aria-live="polite" data-testid="api-result">
        {call.kind === 'loading' && <p>Calling…</p>}
        {call.kind === 'ok' && (
          <>
            <p className="demo-ok">{String(call.body['message'])}</p>
            <pre>{JSON.stringify(call.body, null, 2)}</pre>
          </>
        )}
        {call.kind === 'failed' && (
          <p className="demo-error" role="alert">
            The API refused: {call.status} {call.reason}
          </p>
        )}
      </div>
    </section>
  );
}
