// The sign-in app that apps 2 and its passkey variant bundle: the prebuilt sign-in screen and
// the signed-in user's name, for a given pool configuration.
import { CognitoProvider, SignIn, useAuth } from '@cognito-kit/react';
import { createRoot } from 'react-dom/client';

function Home() {
  const { user, signOut } = useAuth();
  return (
    <main>
      <p>Hello {user?.email}</p>
      <button onClick={() => void signOut()}>Sign out</button>
    </main>
  );
}

/** Renders the app into `#root`. */
export function renderSignInApp(config) {
  createRoot(document.getElementById('root')).render(
    <CognitoProvider config={config}>
      <SignIn>
        <Home />
      </SignIn>
    </CognitoProvider>,
  );
}
