// The root README's quick start as a new user writes it in a fresh Vite app (the provider with a
// storage adapter, the sign-in screen, useAuth once signed in; all from the React package, which
// re-exports what it needs of core), pointed at an emulator.
import {
  CognitoProvider,
  SignIn,
  localStorageAdapter,
  useAuth,
  type CognitoAuthConfig,
} from '@cognito-kit/react';
import '@cognito-kit/react/styles.css';

const config: CognitoAuthConfig = {
  userPoolId: 'us-east-1_Consumer1',
  clientId: 'consumerWebClient',
  endpoint: import.meta.env.VITE_COGNITO_ENDPOINT ?? 'http://127.0.0.1:9229',
  storage: localStorageAdapter(),
};

export function App() {
  return (
    <CognitoProvider config={config}>
      <SignIn>
        <Home />
      </SignIn>
    </CognitoProvider>
  );
}

function Home() {
  const { user, signOut } = useAuth();
  return <button onClick={() => void signOut()}>Sign out {String(user?.email)}</button>;
}
