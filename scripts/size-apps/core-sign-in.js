// App 1: core only. Signs in with SRP and calls an API with the access token.
import { createCognitoAuth } from '@cognito-kit/core';

const auth = createCognitoAuth({ userPoolId: 'eu-west-1_Example01', clientId: 'exampleclient01' });
await auth.start();
const state = await auth.signIn({ username: 'alice', password: 'correct horse' });
if (state.status === 'signedIn') {
  const token = await auth.getAccessToken();
  await fetch('/api/notes', { headers: { authorization: `Bearer ${token}` } });
}
