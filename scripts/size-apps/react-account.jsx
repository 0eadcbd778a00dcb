// App 3: app 2 plus an account page: authenticator-app setup, MFA state, profile, security page.
import {
  CognitoProvider,
  SecuritySettings,
  SignIn,
  TotpSetup,
  useAuth,
  useMfa,
  useUser,
} from '@cognito-kit/react';
import { createRoot } from 'react-dom/client';

const config = { userPoolId: 'eu-west-1_Example01', clientId: 'exampleclient01' };

function Account() {
  const { signOut } = useAuth();
  const { attributes } = useUser();
  const { preferred } = useMfa();
  return (
    <main>
      <p>
        {attributes?.email} ({preferred ?? 'no MFA'})
      </p>
      {preferred ? null : <TotpSetup />}
      <SecuritySettings />
      <button onClick={() => void signOut()}>Sign out</button>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <CognitoProvider config={config}>
    <SignIn>
      <Account />
    </SignIn>
  </CognitoProvider>,
);
