export {
  CognitoError,
  isCognitoError,
  invalidInput,
  protocolError,
  type CognitoErrorInit,
} from './cognito-error.js';
export {
  COGNITO_EXCEPTION_CODES,
  LOCAL_ERROR_CODES,
  isCognitoExceptionCode,
  isRetryableCode,
  type CognitoErrorCode,
  type CognitoExceptionCode,
  type LocalErrorCode,
} from './codes.js';
