/**
 * Every piece of `@cognito-kit/core` this package uses, imported in one place so a change of
 * core's public layout (a main entry and a low-level subpath) is re-pointed here only.
 */
export {
  CognitoError,
  cognitoIssuer,
  computePasswordClaim,
  computeSecretHash,
  createSrpEphemeral,
  createWireTransport,
  invalidInput,
  isCognitoError,
  parseChallenge,
  protocolError,
  regionFromUserPoolId,
  resolveEndpoint,
  totpUri,
  type CallOptions,
  type Challenge,
  type ChallengeAnswer,
  type CognitoErrorCode,
  type RetryPolicy,
  type WireSend,
} from '@cognito-kit/core';
