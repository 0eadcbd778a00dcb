/** The `createCognitoAuth` facade: wire client, session and auth machine composed. */
export {
  createCognitoAuth,
  type CognitoAuth,
  type CognitoAuthConfig,
  type CognitoLocation,
} from './create-auth.js';
export { confirmNewDevice } from './remember-device.js';
export { revokeSession } from './session-end.js';
