// Type tests of useAuth (run by `vitest` typecheck): the selector decides the return type, the
// full view is core's discriminated AuthView, and isEqual compares what the selector returns.
import type { AuthStatus, AuthView, IdTokenClaims } from '@cognito-kit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { useAuth } from './useAuth.js';

describe('useAuth', () => {
  it('returns the whole view without a selector', () => {
    const view = useAuth();
    expectTypeOf(view).toEqualTypeOf<AuthView>();
    if (view.status === 'challenge') expectTypeOf(view.challenge).not.toBeNull();
    if (view.status === 'signedIn') {
      expectTypeOf(view.state.user.username).toEqualTypeOf<string>();
    }
  });

  it('returns what the selector returns', () => {
    expectTypeOf(useAuth((v) => v.status)).toEqualTypeOf<AuthStatus>();
    expectTypeOf(useAuth((v) => v.user?.email)).toEqualTypeOf<string | undefined>();
    expectTypeOf(useAuth((v) => v.user)).toEqualTypeOf<IdTokenClaims | null>();
  });

  it('types isEqual by the selected value', () => {
    useAuth(
      (v) => ({ status: v.status, pending: v.isPending }),
      (a, b) => {
        expectTypeOf(a).toEqualTypeOf<{ status: AuthStatus; pending: boolean }>();
        return a.status === b.status && a.pending === b.pending;
      },
    );
    const byView = (a: AuthView, b: AuthView) => a === b;
    // @ts-expect-error isEqual must compare the selected type, not the view.
    useAuth((v) => v.status, byView);
  });
});
