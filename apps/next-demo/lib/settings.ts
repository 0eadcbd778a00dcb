/**
 * Where the pool is, from the server's environment at request time (never inlined at build
 * time: one build runs against the emulator on any port, or against AWS). Server-only reads;
 * the client gets these plain values as props from the root layout.
 */
import type { CookieStorageOptions } from '@cognito-kit/react';

/** The serializable part of the auth config, handed from the server layout to the client providers. */
export interface CognitoSettings {
  userPoolId: string;
  clientId: string;
  /** The emulator (or another Cognito-compatible endpoint); absent for AWS. */
  endpoint?: string;
  /** Cookie attributes, the same on both sides: the browser writes the cookies, the server refreshes them. */
  cookie: Omit<CookieStorageOptions, 'others'>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see apps/next-demo/README.md).`);
  return value;
}

export function cognitoSettings(): CognitoSettings {
  const endpoint = process.env.COGNITO_ENDPOINT;
  return {
    userPoolId: required('COGNITO_USER_POOL_ID'),
    clientId: required('COGNITO_CLIENT_ID'),
    ...(endpoint ? { endpoint } : {}),
    // `Secure` cookies need HTTPS, except on localhost; the demo serves plain HTTP on
    // 127.0.0.1, so it says so (COOKIE_SECURE=false). Keep the default in production.
    cookie: { secure: process.env.COOKIE_SECURE !== 'false', sameSite: 'lax', path: '/' },
  };
}
