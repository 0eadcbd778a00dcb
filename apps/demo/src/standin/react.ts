/**
 * TEMPORARY stand-in for `@cognito-kit/react`'s public index while packages/react/src/index.ts
 * does not exist (see vite.config.ts): the same names, re-exported from the package's modules.
 */
export { CognitoProvider } from '../../../../packages/react/src/provider/CognitoProvider.js';
export { useAuth } from '../../../../packages/react/src/hooks/useAuth.js';
export { useUser } from '../../../../packages/react/src/hooks/useUser.js';
export { Authenticator } from '../../../../packages/react/src/components/Authenticator/index.js';
export { SecuritySettings } from '../../../../packages/react/src/components/SecuritySettings/index.js';
