import '@cognito-kit/react/styles.css';
import './demo.css';
import { createCognitoAuth, localStorageAdapter } from '@cognito-kit/core';
import { CognitoProvider } from '@cognito-kit/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { DemoAuthContext } from './auth-context.js';
import { loadConfig, locationOf } from './config.js';
import { applyTheme, initialTheme } from './theme.js';

applyTheme(initialTheme());
const root = createRoot(document.getElementById('root')!);

try {
  const config = await loadConfig();
  const auth = createCognitoAuth({
    ...locationOf(config),
    // localStorage: a reload keeps the session without asking Cognito anything.
    storage: localStorageAdapter(),
    rememberDevice: 'ask',
    deviceName: `Demo on ${navigator.platform || 'this browser'}`,
    totpIssuer: 'Acme Notes',
    // Short-lived tokens (the e2e pool) still refresh ahead of expiry.
    refreshMargin: 2_000,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CognitoProvider auth={auth}>
          <DemoAuthContext.Provider value={auth}>
            <App />
          </DemoAuthContext.Provider>
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
