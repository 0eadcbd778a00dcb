'use client';
import {
  createCognitoAuth,
  type AutoRefreshOptions,
  type CognitoAuth,
  type CognitoAuthConfig,
} from '@cognito-kit/core';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CognitoContext, type CognitoContextValue } from './context.js';
import { useCacheReset, useOwnedAuthDisposal } from './effects.js';

/**
 * Options of the refresh schedule. The auth object owns it: set them as
 * `config.autoRefresh` (on by default in browsers, woken by page events).
 */
export type RefreshOptions = AutoRefreshOptions;

/** Props of {@link CognitoProvider}: a config (the provider creates and owns the auth object) or an auth object. */
export type CognitoProviderProps = {
  children?: ReactNode;
  /** The QueryClient for account data; default the one above (`QueryClientProvider`), else its own. */
  queryClient?: QueryClient;
  /** Issuer label of TOTP QR codes, overriding the auth object's `totpIssuer` (default `Cognito`). */
  totpIssuer?: string;
} & ({ config: CognitoAuthConfig; auth?: undefined } | { auth: CognitoAuth; config?: undefined });

// StrictMode calls state initialisers twice; creating the auth object opens a BroadcastChannel,
// so both calls must get the same object. Removed on disposal so a real remount starts afresh.
const created = new WeakMap<CognitoAuthConfig, CognitoAuth>();

function authFor(config: CognitoAuthConfig): CognitoAuth {
  let auth = created.get(config);
  if (!auth) {
    auth = createCognitoAuth(config);
    created.set(config, auth);
  }
  return auth;
}

/**
 * Provides one Cognito auth object to the hooks and components below: starts it on mount
 * (restoring the stored session), disposes it on unmount when the provider created it, and
 * clears cached account data on sign-out. Everything else is core's: the auth object keeps
 * tokens fresh (`config.autoRefresh`) and coordinates tabs. The config is read once; remount (change `key`) to
 * switch pools. Renders `initializing` on the server.
 *
 * @example
 * <CognitoProvider config={{ userPoolId: 'eu-west-2_Zx9Yw8', clientId: '1example23456789',
 *   storage: localStorageAdapter() }}>
 *   <App />
 * </CognitoProvider>
 *
 * @example
 * // An auth object created elsewhere (the provider neither owns nor disposes it):
 * <CognitoProvider auth={auth}><App /></CognitoProvider>
 */
export function CognitoProvider(props: CognitoProviderProps) {
  const { config } = props;
  const [owned] = useState(() => (config ? authFor(config) : null));
  const auth = props.auth ?? owned;
  if (!auth) throw new Error('<CognitoProvider> needs either a `config` or an `auth` prop.');

  const outerClient = useContext(QueryClientContext);
  const ownClient = useRef<QueryClient | null>(null);
  const queryClient = props.queryClient ?? outerClient ?? (ownClient.current ??= new QueryClient());

  useEffect(() => {
    void auth.start().catch(() => {}); // failures end in a signedOut state, shown by the UI
  }, [auth]);
  useOwnedAuthDisposal(owned, () => {
    if (config) created.delete(config);
  });
  useCacheReset(auth, queryClient);

  // The auth object knows its configured issuer (also when passed in through `auth`).
  const totpIssuer = props.totpIssuer ?? auth.totpIssuer;
  const value = useMemo<CognitoContextValue>(() => ({ auth, totpIssuer }), [auth, totpIssuer]);
  const content = <CognitoContext.Provider value={value}>{props.children}</CognitoContext.Provider>;
  // Hooks find the app's client through context; only wrap when it is not already there.
  return queryClient === outerClient ? (
    content
  ) : (
    <QueryClientProvider client={queryClient}>{content}</QueryClientProvider>
  );
}
