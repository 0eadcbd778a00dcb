import { getServerSession } from '@cognito-kit/server';
import { NextResponse, type NextRequest } from 'next/server';
import { sessionOptions } from './lib/session';

export async function proxy(request: NextRequest) {
  const result = await getServerSession(request.cookies, sessionOptions);
  if (result.status !== 'signed-in') {
    return NextResponse.redirect(new URL('/sign-in', request.url));
  }
  const response = NextResponse.next();
  for (const c of result.cookies) response.cookies.set(c.name, c.value, c.options);
  return response;
}

export const config = { matcher: ['/'] };
