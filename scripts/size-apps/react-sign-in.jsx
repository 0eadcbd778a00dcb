// App 2: React with the prebuilt sign-in screen and the signed-in user's name.
import { CognitoProvider, SignIn, useAuth } from '@cognito-kit/react';
import { createRoot } from 'react-dom/client';

const config = { userPoolId: 'eu-west-1_Example01', clientId: 'exampleclient01' };

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
