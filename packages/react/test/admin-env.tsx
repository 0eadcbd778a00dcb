/**
 * The admin screens' real back end, in-process: the emulator (a pool with a few hundred users,
 * so paging and search are real), `createAdminHandler` from @cognito-kit/server signing its
 * admin calls with SigV4 against it, and a core session whose authFetch carries the access token
 * to that handler. No Cognito mocks and no handler stubs.
 */
import {
  createAuthFetch,
  createCognitoAuth,
  memoryStorage,
  type CognitoAuth,
} from '@cognito-kit/core';
import { createEmulator, type Emulator, type EmulatorSeed } from '@cognito-kit/emulator';
import {
  createAdminHandler,
  createCognitoAdmin,
  createCognitoJwtVerifier,
  type AdminAuditEvent,
} from '@cognito-kit/server';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AdminApiProvider } from '../src/admin/AdminApiProvider.js';
import { CognitoProvider } from '../src/provider/CognitoProvider.js';

export const ADMIN_ENDPOINT = 'http://cognito.admin.test';
export const ADMIN_POOL = 'us-east-1_KitAdmin01';
export const ADMIN_CLIENT_ID = 'kitadminclient000000000001';
export const ADMIN_PASSWORD = 'Corr3ct-Horse!';
export const APP_ORIGIN = 'http://app.admin.test';
/** Seeded people besides `boss` (an admin) and `helper` (not one). */
export const PEOPLE = 240;

/** `person-000` … : every 7th disabled, every 11th still on its temporary password. */
export const person = (i: number) => `person-${String(i).padStart(3, '0')}`;

export const adminSeed: EmulatorSeed = {
  pools: [
    {
      id: ADMIN_POOL,
      aliasAttributes: ['email'],
      clients: [{ id: ADMIN_CLIENT_ID }],
      groups: [
        { name: 'admins', description: 'Support staff', precedence: 0 },
        { name: 'editors', description: 'Can edit content' },
      ],
      users: [
        {
          username: 'boss',
          password: ADMIN_PASSWORD,
          attributes: { email: 'boss@corp.example', email_verified: true },
          groups: ['admins'],
        },
        {
          username: 'helper',
          password: ADMIN_PASSWORD,
          attributes: { email: 'helper@corp.example', email_verified: true },
        },
        ...Array.from({ length: PEOPLE }, (_, i) => ({
          username: person(i),
          password: ADMIN_PASSWORD,
          enabled: i % 7 !== 3,
          ...(i % 11 === 5 && { status: 'FORCE_CHANGE_PASSWORD' as const }),
          attributes: {
            email: `${['ann', 'ben', 'cat', 'dan'][i % 4]}.${i}@people.example`,
            email_verified: true,
            name: `Person ${i}`,
          },
        })),
      ],
    },
  ],
};

export interface AdminEnv {
  emulator: Emulator;
  auth: CognitoAuth;
  queryClient: QueryClient;
  /** The handler's fetch (authFetch over the session → createAdminHandler). */
  fetch: typeof fetch;
  audit: AdminAuditEvent[];
}

/** A fresh emulator, handler and session; `signInAs` signs the session in. */
export function createAdminEnv(): AdminEnv {
  const emulator = createEmulator(adminSeed);
  const audit: AdminAuditEvent[] = [];
  const handler = createAdminHandler({
    admin: createCognitoAdmin({
      userPoolId: ADMIN_POOL,
      endpoint: ADMIN_ENDPOINT,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      fetch: emulator.fetch,
    }),
    verifier: createCognitoJwtVerifier(
      {
        userPoolId: ADMIN_POOL,
        endpoint: ADMIN_ENDPOINT,
        clientId: ADMIN_CLIENT_ID,
        tokenUse: 'access',
      },
      { fetch: emulator.fetch },
    ),
    basePath: '/api/admin',
    audit: (event) => void audit.push(event),
  });
  const auth = createCognitoAuth({
    endpoint: ADMIN_ENDPOINT,
    userPoolId: ADMIN_POOL,
    clientId: ADMIN_CLIENT_ID,
    fetch: emulator.fetch,
    storage: memoryStorage(),
  });
  const authFetch = createAuthFetch({
    getAccessToken: (o) => auth.getAccessToken(o),
    origins: [APP_ORIGIN],
    fetch: (input, init) => handler(new Request(input, init)),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { emulator, auth, queryClient, fetch: authFetch, audit };
}

export async function signInAs(env: AdminEnv, username: string): Promise<void> {
  await env.auth.start();
  const state = await env.auth.signIn({ username, password: ADMIN_PASSWORD });
  if (state.status !== 'signedIn') throw new Error(`${username} did not sign in: ${state.status}`);
}

/** The real providers around admin screens: Cognito, React Query, the handler's address. */
export function AdminProviders({ env, children }: { env: AdminEnv; children: ReactNode }) {
  return (
    <CognitoProvider auth={env.auth} queryClient={env.queryClient}>
      <AdminApiProvider baseUrl={`${APP_ORIGIN}/api/admin`} fetch={env.fetch}>
        {children}
      </AdminApiProvider>
    </CognitoProvider>
  );
}
