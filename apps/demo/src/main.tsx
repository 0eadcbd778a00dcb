import '@cognito-kit/react/styles.css';
import './demo.css';
import { createCognitoAuth, localStorageAdapter, type CognitoAuthConfig } from '@cognito-kit/core';
import { createRedirectSignIn } from '@cognito-kit/core/oauth';
import { CognitoProvider, RedirectSignInProvider } from '@cognito-kit/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { loadConfig, locationOf } from './config.js';
import { applyTheme, initialTheme } from './theme.js';

applyTheme(initialTheme());
const root = createRoot(document.getElementById('root')!);

try {
  const demo = await loadConfig();
  // Created once: the provider reads its config a single time.
  const config: CognitoAuthConfig = {
    ...locationOf(demo),
    // localStorage: a reload keeps the session without asking Cognito anything.
    storage: localStorageAdapter(),
    rememberDevice: 'ask',
    deviceName: `Acme Notes on ${navigator.platform || 'this browser'}`,
    totpIssuer: 'Acme Notes',
    // Refresh a little before expiry; small enough for the e2e pool's few-second tokens.
    refreshMargin: demo.refreshMargin ?? 60_000,
    // Choice-based sign-in where the pool allows it: username first, then passkey or code.
    ...(demo.authFlow === 'USER_AUTH' ? { authFlow: 'USER_AUTH' as const } : {}),
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const auth = createCognitoAuth(config);
  // Redirect sign-in ("Continue with Google", the hosted page) when the pool has a domain.
  const redirect = demo.oauthDomain
    ? createRedirectSignIn(auth, {
        domain: demo.oauthDomain,
        redirectUri: `${location.origin}/callback`,
        logoutUri: `${location.origin}/`,
      })
    : null;
  const app = <App identityProviders={redirect ? (demo.identityProviders ?? []) : undefined} />;
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CognitoProvider auth={auth}>
          {redirect ? (
            <RedirectSignInProvider redirect={redirect}>{app}</RedirectSignInProvider>
          ) : (
            app
          )}
        </CognitoProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <main className="demo-fatal">
      <h1>The demo could not start</h1>
      <p>{(error as Error).message}</p>
    </main>,
  );
}
