'use client';
import { useAuth } from '@cognito-kit/react';
import { useRouter } from 'next/navigation';

/** Signs out in the browser (the cookies go with it), then asks the server for the page again. */
export function SignOutButton() {
  const { signOut, status } = useAuth();
  const router = useRouter();
  return (
    <button
      type="button"
      className="ck-button"
      disabled={status !== 'signedIn'}
      onClick={async () => {
        await signOut();
        router.refresh(); // the proxy now redirects to /sign-in
      }}
    >
      Sign out
    </button>
  );
}
