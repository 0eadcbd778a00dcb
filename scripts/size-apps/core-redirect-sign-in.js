// App 4: core + redirect sign-in. "Continue with Google", then the callback page finishes it;
// what app 1 does not pay for (the @cognito-kit/core/oauth subpath and oauth4webapi).
import { createCognitoAuth } from '@cognito-kit/core';
import { createRedirectSignIn } from '@cognito-kit/core/oauth';

const auth = createCognitoAuth({ userPoolId: 'eu-west-1_Example01', clientId: 'exampleclient01' });
const redirect = createRedirectSignIn(auth, {
  domain: 'example.auth.eu-west-1.amazoncognito.com',
  redirectUri: `${location.origin}/callback`,
  logoutUri: `${location.origin}/`,
});
if (redirect.isRedirectCallback()) {
  const { returnTo } = await redirect.handleRedirectCallback();
  location.replace(returnTo ?? '/');
} else {
  document.querySelector('#google')?.addEventListener('click', () => {
    void redirect.signInWithRedirect({ provider: 'Google' });
  });
}
const token = await auth.getAccessToken();
await fetch('/api/notes', { headers: { authorization: `Bearer ${token}` } });
