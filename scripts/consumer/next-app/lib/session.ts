// The README's Next.js set-up, server half: one verifier per process, the session from cookies.
// The tsconfig is create-next-app's (skipLibCheck on: Next.js's own types need it); the kit's
// types are checked with skipLibCheck off by the Vite app.
import { createCognitoJwtVerifier, type ServerSessionOptions } from '@cognito-kit/server';

export const userPoolId = 'us-east-1_Consumer1';
export const clientId = 'consumerWebClient';
export const endpoint = 'http://127.0.0.1:9229';

export const sessionOptions: ServerSessionOptions = {
  userPoolId,
  clientId,
  endpoint,
  verifier: createCognitoJwtVerifier({ userPoolId, clientId, endpoint, tokenUse: null }),
  cookie: { sameSite: 'lax' },
};
