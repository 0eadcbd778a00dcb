import { getServerSession } from '@cognito-kit/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionOptions } from '../lib/session';

export default async function Home() {
  const { session } = await getServerSession(await cookies(), {
    ...sessionOptions,
    refresh: false,
  });
  if (!session) redirect('/sign-in');
  return <p>Signed in as {String(session.idClaims.email)}</p>;
}
