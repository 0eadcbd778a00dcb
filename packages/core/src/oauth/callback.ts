import { isPendingRedirectExpired, type PendingRedirect } from './pending.js';

/**
 * What a redirect callback URL means for the pending sign-in of this tab. Decided before any
 * request, so a refused callback never reaches the token endpoint and changes nothing.
 */
export type CallbackReading =
  /** The URL carries no `code`, `error` or `state`: not a callback at all. */
  | { kind: 'notCallback' }
  /** No pending sign-in here (handled already, another tab, storage cleared). */
  | { kind: 'noPending' }
  /** The pending sign-in is older than the allowed time. */
  | { kind: 'expired' }
  /** `state` differs from the one this tab sent: tampered, or another attempt's. */
  | { kind: 'stateMismatch' }
  /** Cognito (or the identity provider through it) refused: `error=` with our `state`. */
  | { kind: 'refused'; error: string; description: string | undefined }
  /** A code for our pending sign-in: exchange it. */
  | { kind: 'code'; params: URLSearchParams; pending: PendingRedirect };

/** Whether `url` looks like the redirect back from `/oauth2/authorize` (a code or an error). */
export function isRedirectCallback(url: string | URL): boolean {
  const params = new URL(url).searchParams;
  return params.has('code') || params.has('error');
}

/**
 * Reads a callback against the pending sign-in. Order matters: a callback whose `state` is not
 * ours is refused before its `error` is believed, so a crafted link cannot show an arbitrary
 * provider message.
 */
export function readCallback(
  url: string | URL,
  pending: PendingRedirect | null,
  now: number,
  ttl?: number,
): CallbackReading {
  const params = new URL(url).searchParams;
  if (!params.has('code') && !params.has('error') && !params.has('state')) {
    return { kind: 'notCallback' };
  }
  if (pending === null) return { kind: 'noPending' };
  if (isPendingRedirectExpired(pending, now, ttl)) return { kind: 'expired' };
  const states = params.getAll('state');
  if (states.length !== 1 || states[0] !== pending.state) return { kind: 'stateMismatch' };
  const error = params.get('error');
  if (error !== null) {
    return { kind: 'refused', error, description: params.get('error_description') ?? undefined };
  }
  if (params.getAll('code').length !== 1) return { kind: 'notCallback' };
  return { kind: 'code', params, pending };
}
