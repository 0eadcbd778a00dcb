/**
 * A protected route handler: reads the session from the cookies, refreshing expired tokens
 * itself (route handlers can set cookies) — the proxy usually did already.
 */
import { cookies } from 'next/headers';
import { readSession } from '../../../lib/session';

export async function GET() {
  const jar = await cookies();
  const result = await readSession(jar, { refresh: true });
  for (const cookie of result.cookies) jar.set(cookie.name, cookie.value, cookie.options);
  if (result.status !== 'signed-in') {
    return Response.json({ error: 'unauthorized', reason: result.reason }, { status: 401 });
  }
  const { username, idClaims } = result.session;
  return Response.json({ username, email: idClaims.email, refreshed: result.refreshed });
}
