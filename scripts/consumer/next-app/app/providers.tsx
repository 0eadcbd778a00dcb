'use client';
import { CognitoProvider, cookieStorage, type CognitoAuthConfig } from '@cognito-kit/react';
import { useState, type ReactNode } from 'react';

export function Providers({ children }: { children: ReactNode }) {
  const [config] = useState<CognitoAuthConfig>(() => ({
    userPoolId: 'us-east-1_Consumer1',
    clientId: 'consumerWebClient',
    endpoint: 'http://127.0.0.1:9229',
    storage: cookieStorage(),
  }));
  return <CognitoProvider config={config}>{children}</CognitoProvider>;
}
