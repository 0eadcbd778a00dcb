/**
 * The app's own handle on the auth object it created, for the pages that call the account API
 * and authFetch directly (the React package's hooks cover the drop-in components).
 */
import type { CognitoAuth } from '@cognito-kit/core';
import { createContext, useContext } from 'react';

export const DemoAuthContext = createContext<CognitoAuth | null>(null);

/** The auth object from main.tsx. */
export function useDemoAuth(): CognitoAuth {
  const auth = useContext(DemoAuthContext);
  if (!auth) throw new Error('useDemoAuth outside DemoAuthContext');
  return auth;
}
