/**
 * TEST-ONLY stand-in for R1's provider and hooks, used by vitest.config.ts only while
 * src/provider and src/hooks do not exist yet. Real core + real emulator underneath.
 */
import type { AuthState, CognitoAuth, CognitoError } from '@cognito-kit/core';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';

const Ctx = createContext<CognitoAuth | null>(null);

export function CognitoProvider({ auth, children }: { auth: CognitoAuth; children: ReactNode }) {
  useEffect(() => {
    void auth.start();
  }, [auth]);
  return <Ctx.Provider value={auth}>{children}</Ctx.Provider>;
}

export function useCognitoAuth(): CognitoAuth {
  const auth = useContext(Ctx);
  if (!auth) throw new Error('shim: no provider');
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
