import { isCognitoError } from '@cognito-kit/core';
import { errorText } from '../../messages/error-keys.js';
import type { Messages } from '../../messages/types.js';
import type { FederationMessages } from './types.js';

/** The text for an error of redirect sign-in: its own codes worded here, the rest as everywhere. */
export function federationErrorText(
  messages: Messages,
  federation: FederationMessages,
  error: unknown,
): string {
  if (isCognitoError(error, 'OAuthStateMismatch', 'OAuthNoPendingRedirect')) {
    return federation.redirectRefused;
  }
  if (isCognitoError(error, 'OAuthError')) return federation.providerRefused;
  return errorText(messages, error);
}
