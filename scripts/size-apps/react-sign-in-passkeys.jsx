// App 2 with choice-based sign-in and passkeys (issue 12): the same sign-in screen on a
// USER_AUTH pool. The browser's WebAuthn code (@cognito-kit/core/webauthn) is loaded on the
// first passkey ceremony, so it shows as an on-demand chunk, not in the initial JavaScript.
import { CognitoProvider, SignIn, useAuth } from '@cognito-kit/react';
import { createRoot } from 'react-dom/client';

const config = {
  userPoolId: 'eu-west-1_Example01',
  clientId: 'exampleclient01',
  authFlow: 'USER_AUTH',
};

function Home() {
  const { user, signOut } = useAuth();
  return (
    <main>
      <p>Hello {user?.email}</p>
      <button onClick={() => void signOut()}>Sign out</button>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <CognitoProvider config={config}>
    <SignIn>
      <Home />
    </SignIn>
  </CognitoProvider>,
);
