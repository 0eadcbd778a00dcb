// App 2 with choice-based sign-in and passkeys (issue 12): the same sign-in screen on a
// USER_AUTH pool. The browser's WebAuthn code (@cognito-kit/core/webauthn) is loaded on the
// first passkey ceremony, so it shows as an on-demand chunk, not in the initial JavaScript.
import { renderSignInApp } from './sign-in-app.jsx';

renderSignInApp({
  userPoolId: 'eu-west-1_Example01',
  clientId: 'exampleclient01',
  authFlow: 'USER_AUTH',
});
