import type { AuthState, SignedInUser } from '../machine/state.js';

/** The signed-in user of a state (also while asked to remember the device), else null. */
export function signedInUserOf(state: AuthState): SignedInUser | null {
  return state.status === 'signedIn' || state.status === 'rememberDevice' ? state.user : null;
}

/**
 * Whether two {@link signedInUserOf} results are the same user on the same device. Refreshes
 * replace the user object; only a different user (or none) matters to caches of account data,
 * which adapters key by `userId` and clear when this turns false.
 */
export function isSameUser(a: SignedInUser | null, b: SignedInUser | null): boolean {
  return a?.userId === b?.userId && a?.deviceKey === b?.deviceKey;
}
