'use client';
import { SignIn, useAuthFetch } from '@cognito-kit/react';

function Home() {
  const api = useAuthFetch();
  return <button onClick={() => void api('/api/me')}>Call the API</button>;
}

export default function SignInPage() {
  return (
    <SignIn>
      <Home />
    </SignIn>
  );
}
