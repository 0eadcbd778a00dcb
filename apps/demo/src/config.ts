/**
 * Runtime configuration, read from `/config.json` (written by the demo server from its
 * environment), so one build runs against the emulator or a real user pool.
 */
import type { CognitoAuthConfig } from '@cognito-kit/core';
import type { IdentityProviderChoice } from '@cognito-kit/react';

/** What `/config.json` holds. */
export interface DemoConfig {
  userPoolId: string;
  clientId: string;
  /** The emulator's URL; absent for a real pool. */
  endpoint?: string;
  region?: string;
  /** Refresh this long before the access token expires, ms (short-lived test tokens). */
  refreshMargin?: number;
  /** `USER_AUTH`: choice-based sign-in (passkeys, e-mail / SMS codes) for pools that allow it. */
  authFlow?: 'USER_AUTH';
  /**
   * The pool's OAuth domain (host name, or the emulator's URL): turns on "Continue with …" and
   * the hosted page. Absent: password sign-in only.
   */
  oauthDomain?: string;
  /** The provider buttons: a provider's name, or `{ name, idp }` for an OIDC/SAML provider. */
  identityProviders?: IdentityProviderChoice[];
}

/** Fetches and checks `/config.json`. */
export async function loadConfig(): Promise<DemoConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json: HTTP ${response.status}`);
  const value = (await response.json()) as Partial<DemoConfig>;
  if (typeof value.userPoolId !== 'string' || typeof value.clientId !== 'string') {
    throw new Error('/config.json needs userPoolId and clientId');
  }
  return value as DemoConfig;
}

/** Where the pool lives, in `createCognitoAuth`'s terms. */
export function locationOf(
  config: DemoConfig,
): Pick<CognitoAuthConfig, 'userPoolId' | 'clientId'> &
  ({ endpoint: string } | { region?: string }) {
  const base = { userPoolId: config.userPoolId, clientId: config.clientId };
  if (config.endpoint) return { ...base, endpoint: config.endpoint };
  return config.region ? { ...base, region: config.region } : base;
}
