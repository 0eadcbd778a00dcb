/**
 * The user-side actions of the emulator (everything a signed-out or signed-in user calls
 * without admin credentials), merged from the per-topic modules.
 */
import type { ActionMap } from '../protocol/action.js';
import { attributeActions } from './user-attributes.js';
import { passwordActions } from './user-password.js';
import { sessionActions } from './user-session.js';
import { signUpActions } from './user-signup.js';

/**
 * SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword,
 * ChangePassword, GetUser, UpdateUserAttributes, DeleteUserAttributes,
 * GetUserAttributeVerificationCode, VerifyUserAttribute, DeleteUser, GlobalSignOut, RevokeToken.
 */
export const userActions: ActionMap = {
  ...signUpActions,
  ...passwordActions,
  ...attributeActions,
  ...sessionActions,
};
