/**
 * TEMPORARY stand-in for @cognito-kit/react's provider while the package has no public index
 * (see vite.config.ts). Same contract as the test shim in packages/react/test/shim, plus the
 * refresh timer the real provider owns.
 */
import {
  createRefreshScheduler,
  type AuthState,
  type CognitoAuth,
  type CognitoError,
} from '@cognito-kit/core';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';

const Ctx = createContext<CognitoAuth | null>(null);

export function CognitoProvider({ auth, children }: { auth: CognitoAuth; children: ReactNode }) {
  useEffect(() => {
    void auth.start();
    const scheduler = createRefreshScheduler(auth.session, {});
    return () => scheduler.dispose();
  }, [auth]);
  return <Ctx.Provider value={auth}>{children}</Ctx.Provider>;
}

export function useCognitoAuth(): CognitoAuth {
  const auth = useContext(Ctx);
  if (!auth) throw new Error('useCognitoAuth: no CognitoProvider above');
  return auth;
}

export interface AuthView {
  status: AuthState['status'];
  state: AuthState;
  error: CognitoError | null;
  signIn: CognitoAuth['signIn'];
  answerChallenge: CognitoAuth['answerChallenge'];
  signOut: CognitoAuth['signOut'];
  prepareSignIn: () => void;
}

export function useAuth<T = AuthView>(selector?: (view: AuthView) => T): T {
  const auth = useCognitoAuth();
  const state = useSyncExternalStore(auth.subscribe, auth.getSnapshot, auth.getSnapshot);
  const view: AuthView = {
    status: state.status,
    state,
    error: null,
    signIn: (i) => auth.signIn(i),
    answerChallenge: (a) => auth.answerChallenge(a),
    signOut: (o) => auth.signOut(o),
    prepareSignIn: () => auth.prepareSignIn(),
  };
  return selector ? selector(view) : (view as T);
}
