/**
 * AdminInitiateAuth and AdminRespondToAuthChallenge. Filled in once the shared sign-in
 * internals of `auth.ts` are available.
 */
import type { ActionMap } from '../action.js';

/** Admin sign-in actions. */
export const adminAuthActions: ActionMap = {};
