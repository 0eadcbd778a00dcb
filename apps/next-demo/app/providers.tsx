'use client';
/**
 * The client half of the auth set-up. A server layout cannot pass the config itself (a storage
 * adapter is an object with functions, which cannot cross from server to client), so it passes
 * plain settings and the config, with its cookie storage, is made here, once per page load.
 */
import { CognitoProvider, cookieStorage, type CognitoAuthConfig } from '@cognito-kit/react';
import { useState, type ReactNode } from 'react';
import type { CognitoSettings } from '../lib/settings';

export function Providers({
  settings,
  children,
}: {
  settings: CognitoSettings;
  children: ReactNode;
}) {
  const [config] = useState<CognitoAuthConfig>(() => ({
    userPoolId: settings.userPoolId,
    clientId: settings.clientId,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    // Cookies, so that server components, route handlers and the proxy see the session.
    storage: cookieStorage(settings.cookie),
  }));
  return <CognitoProvider config={config}>{children}</CognitoProvider>;
}
