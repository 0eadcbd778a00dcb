'use client';
/** The client sign-in screens; once signed in, the cookies are set and the server page can be asked for. */
import { SignIn } from '@cognito-kit/react';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

function GoHome() {
  const router = useRouter();
  useEffect(() => {
    router.replace('/');
    router.refresh();
  }, [router]);
  return <p>Signed in; opening your account…</p>;
}

export default function SignInPage() {
  return (
    <main className="page">
      <h1>cognito-kit on Next.js</h1>
      <SignIn>
        <GoHome />
      </SignIn>
    </main>
  );
}
