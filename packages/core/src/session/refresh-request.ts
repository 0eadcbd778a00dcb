import type { CognitoClient } from '../cognito/index.js';
import type { AuthenticationResultType } from '../cognito/types.js';
import type { CognitoError } from '../errors/index.js';
import { isCognitoError, protocolError } from '../errors/index.js';

/** The part of the wire client a session manager uses. */
export type RefreshClient = Pick<
  CognitoClient,
  'clientId' | 'secretHash' | 'initiateAuth' | 'getTokensFromRefreshToken'
>;

/** What a refresh needs to know about the session it refreshes. */
export interface RefreshInput {
  refreshToken: string;
  /** The INTERNAL username: REFRESH_TOKEN_AUTH's SECRET_HASH fails with an alias. */
  username: string;
  deviceKey?: string | undefined;
}

/** Tokens a refresh returned; `refreshToken` only when the pool rotates them. */
export interface RefreshedTokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string | undefined;
  /** False when the remembered device was unknown to Cognito and the refresh went without it. */
  deviceKeyAccepted: boolean;
}

/**
 * The answers that prove the refresh token itself is dead, so the session must end (the same
 * set Amplify clears its tokens on). Anything else (network, throttling, 5xx) may pass.
 */
export const SESSION_ENDING_CODES = [
  'NotAuthorizedException',
  'RefreshTokenReuseException',
  'UserNotFoundException',
  'PasswordResetRequiredException',
] as const;

/** Whether `error` means the refresh token can never work again. */
export function endsSession(
  error: unknown,
): error is CognitoError & { code: (typeof SESSION_ENDING_CODES)[number] } {
  return isCognitoError(error, ...SESSION_ENDING_CODES);
}

function readResult(result: AuthenticationResultType | undefined, action: string): RefreshedTokens {
  if (result?.AccessToken === undefined || result.IdToken === undefined) {
    throw protocolError('The refresh answer has no AccessToken or IdToken.', action);
  }
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken,
    deviceKeyAccepted: true,
  };
}

/**
 * Sends one refresh request. With rotation, `GetTokensFromRefreshToken` (REFRESH_TOKEN_AUTH is
 * refused for rotating clients); without, `InitiateAuth` REFRESH_TOKEN_AUTH with SECRET_HASH
 * of the internal username and the remembered device's key. A device key Cognito no longer
 * knows (ResourceNotFoundException) is dropped and the refresh sent once more without it.
 */
export async function requestRefresh(
  client: RefreshClient,
  input: RefreshInput,
  rotation: boolean,
): Promise<RefreshedTokens> {
  try {
    return await sendRefresh(client, input, rotation);
  } catch (error) {
    if (!isCognitoError(error, 'ResourceNotFoundException') || input.deviceKey === undefined) {
      throw error;
    }
    // The remembered device is gone on the server: refresh without it (as Amplify does).
    const tokens = await sendRefresh(client, { ...input, deviceKey: undefined }, rotation);
    return { ...tokens, deviceKeyAccepted: false };
  }
}

async function sendRefresh(
  client: RefreshClient,
  input: RefreshInput,
  rotation: boolean,
): Promise<RefreshedTokens> {
  if (rotation) {
    const answer = await client.getTokensFromRefreshToken({
      RefreshToken: input.refreshToken,
      ...(input.deviceKey === undefined ? {} : { DeviceKey: input.deviceKey }),
    });
    return readResult(answer.AuthenticationResult, 'GetTokensFromRefreshToken');
  }
  const secretHash = await client.secretHash(input.username);
  const answer = await client.initiateAuth({
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: {
      REFRESH_TOKEN: input.refreshToken,
      ...(secretHash === undefined ? {} : { SECRET_HASH: secretHash }),
      ...(input.deviceKey === undefined ? {} : { DEVICE_KEY: input.deviceKey }),
    },
  });
  if (answer.ChallengeName !== undefined) {
    throw protocolError('A refresh must not answer with a challenge.', 'InitiateAuth');
  }
  return readResult(answer.AuthenticationResult, 'InitiateAuth');
}
