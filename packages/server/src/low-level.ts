/**
 * Every piece of `@cognito-kit/core` this package uses, imported in one place so a change of
 * core's public layout (a main entry and a low-level subpath) is re-pointed here only.
 */
export {
  CognitoError,
  isCognitoError,
  type CallOptions,
  type Challenge,
  type ChallengeAnswer,
  type CognitoErrorCode,
  type RetryPolicy,
} from '@cognito-kit/core';
export type { AccessTokenClaims, CookieStorageOptions, IdTokenClaims } from '@cognito-kit/core';
export {
  cognitoIssuer,
  cookieJarStorage,
  createCognitoClient,
  createTokenStore,
  decodeAccessToken,
  decodeIdToken,
  endsSession,
  parseCookieHeader,
  requestRefresh,
  serializeCookie,
  type CookieEntry,
  type CookieJar,
  type StoredSession,
  computePasswordClaim,
  createSingleFlight,
  computeSecretHash,
  createSrpEphemeral,
  createWireTransport,
  invalidInput,
  parseChallenge,
  protocolError,
  regionFromUserPoolId,
  resolveEndpoint,
  totpUri,
  type WireSend,
} from '@cognito-kit/core/low-level';
export { fromOAuthError, oauthEndpoints } from '@cognito-kit/core/oauth';
