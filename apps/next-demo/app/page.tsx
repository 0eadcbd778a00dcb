/**
 * The protected, server-rendered page: the proxy let the request through (and refreshed the
 * tokens if they had expired), so the session is read here without refreshing.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { readSession, REFRESHED_HEADER } from '../lib/session';
import { CallRouteHandler } from './call-route-handler';
import { SignOutButton } from './sign-out-button';

export default async function HomePage() {
  const result = await readSession(await cookies(), { refresh: false });
  if (result.status !== 'signed-in') redirect('/sign-in');
  const { username, idClaims, accessClaims } = result.session;
  const refreshed = (await headers()).get(REFRESHED_HEADER) === '1';
  const validUntil = new Date(accessClaims.exp * 1000).toISOString();
  return (
    <main className="page">
      <h1>Your account</h1>
      <p data-testid="server-user">
        Signed in as <strong>{username}</strong> ({String(idClaims.email ?? 'no e-mail')}), read by
        a server component from the session cookies.
      </p>
      <p>
        Access token valid until <time dateTime={validUntil}>{validUntil}</time>.
      </p>
      {refreshed ? (
        <p data-testid="server-refreshed">The server refreshed the expired tokens for this page.</p>
      ) : null}
      <CallRouteHandler />
      <SignOutButton />
    </main>
  );
}
