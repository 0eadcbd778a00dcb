/**
 * InitiateAuth and RespondToAuthChallenge (filled in by the sign-in flow modules).
 */
import type { ActionMap } from '../action.js';

/** Sign-in actions, by name. */
export const authActions: ActionMap = {};
