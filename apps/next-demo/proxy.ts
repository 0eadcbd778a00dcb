/**
 * Next.js proxy (the file Next.js before 16 called `middleware.ts`): runs before the protected
 * routes, sends signed-out visitors to /sign-in (401 for the API), and refreshes expired tokens —
 * the new cookies go to the browser, and into this request so the server components below
 * see them.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { readSession, REFRESHED_HEADER } from './lib/session';

export async function proxy(request: NextRequest) {
  const result = await readSession(request.cookies, { refresh: true });
  if (result.status !== 'signed-in') {
    const response = request.nextUrl.pathname.startsWith('/api/')
      ? NextResponse.json({ error: 'unauthorized', reason: result.reason }, { status: 401 })
      : NextResponse.redirect(new URL('/sign-in', request.url));
    for (const cookie of result.cookies)
      response.cookies.set(cookie.name, cookie.value, cookie.options);
    return response;
  }
  // The marker is the proxy's to set: a visitor's own copy of it is dropped.
  const headers = new Headers(request.headers);
  headers.delete(REFRESHED_HEADER);
  if (!result.refreshed) return NextResponse.next({ request: { headers } });
  for (const cookie of result.cookies) {
    if (cookie.options.maxAge === 0) request.cookies.delete(cookie.name);
    else request.cookies.set(cookie.name, cookie.value);
  }
  headers.set('cookie', request.headers.get('cookie') ?? '');
  headers.set(REFRESHED_HEADER, '1');
  const response = NextResponse.next({ request: { headers } });
  for (const cookie of result.cookies)
    response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

export const config = { matcher: ['/', '/api/:path*'] };
