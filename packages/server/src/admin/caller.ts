import {
  credentialsSource,
  processEnv,
  type AwsCredentials,
  type AwsCredentialsProvider,
  type EnvironmentVariables,
} from '../credentials.js';
import {
  createWireTransport,
  invalidInput,
  protocolError,
  regionFromUserPoolId,
  resolveEndpoint,
  type CallOptions,
  type RetryPolicy,
} from '../low-level.js';
import { signingFetch } from '../signing-fetch.js';
import type { AdminActions } from './wire-types.js';

/** Options of `createCognitoAdmin`. */
export interface CognitoAdminOptions {
  /** The user pool every call works on, e.g. `eu-west-2_Zx9Yw8`. */
  userPoolId: string;
  /**
   * The region of the credential scope and of the default endpoint. Default: the pool id's prefix
   * (`eu-west-2` above), then `AWS_REGION` / `AWS_DEFAULT_REGION`.
   */
  region?: string;
  /** Another endpoint than `https://cognito-idp.<region>.amazonaws.com/` (the emulator, a VPC endpoint). */
  endpoint?: string;
  /**
   * A key pair, or a provider function (cached until 5 minutes before its `expiration`).
   * Default: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`.
   */
  credentials?: AwsCredentials | AwsCredentialsProvider;
  /** The fetch that sends the signed requests. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms. Default 10000. */
  timeout?: number;
  /**
   * Backoff for reads and for throttled requests (TooManyRequestsException / HTTP 429): up to
   * `limit` more attempts (default 3), full-jitter exponential from `baseDelay` (default 200 ms)
   * capped at `maxDelay` (default 5000 ms). Writes are re-sent only when throttled.
   */
  retry?: RetryPolicy;
  /** Environment to read the default credentials and region from. Default `process.env`. */
  env?: EnvironmentVariables;
}

/** Sends one admin action for the pool, signed, and returns the checked answer. */
export interface AdminCaller {
  readonly userPoolId: string;
  readonly endpoint: string;
  readonly region: string;
  call<A extends keyof AdminActions>(
    action: A,
    body: Omit<AdminActions[A][0], 'UserPoolId'>,
    call?: CallOptions,
  ): Promise<AdminActions[A][1]>;
}

// Actions that change nothing: re-sent after any transient failure, not just throttling.
const READS: ReadonlySet<string> = new Set([
  'AdminGetUser',
  'ListUsers',
  'AdminListDevices',
  'AdminGetDevice',
  'AdminListGroupsForUser',
  'GetGroup',
  'ListGroups',
  'ListUsersInGroup',
  'DescribeIdentityProvider',
  'ListIdentityProviders',
  'GetIdentityProviderByIdentifier',
  'DescribeUserPoolClient',
  'ListUserPoolClients',
  'DescribeUserPool',
  'GetUserPoolMfaConfig',
]);

// Actions whose request has no UserPoolId (MFA_SETUP's session-bound calls).
const WITHOUT_POOL: ReadonlySet<string> = new Set([
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
]);

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

/** Parses a 2xx body: JSON object, or nothing for actions without output. */
function parseAnswer(action: string, text: string): never | Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw protocolError(`${action} answered with a body that is not JSON.`, action);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw protocolError(`${action} answered with a body that is not a JSON object.`, action);
  }
  return value as Record<string, unknown>;
}

/**
 * Builds the signed caller: core's wire transport with a SigV4-signing fetch. Credentials are
 * resolved before each request is built, so missing ones fail as `InvalidInput` before anything
 * is sent.
 */
export function createAdminCaller(options: CognitoAdminOptions): AdminCaller {
  const { userPoolId } = options;
  if (typeof userPoolId !== 'string' || !POOL_ID.test(userPoolId) || userPoolId.length > 55) {
    throw invalidInput('userPoolId must look like "<region>_<id>", e.g. "eu-west-2_Zx9Yw8".');
  }
  const env = options.env ?? processEnv();
  const region = options.region ?? regionOf(userPoolId, env);
  const endpoint = resolveEndpoint(
    options.endpoint !== undefined ? { endpoint: options.endpoint } : { region },
  );
  const credentials = credentialsSource(options.credentials, () => env);
  const send = createWireTransport<AdminActions>({
    endpoint,
    fetch: signingFetch({ credentials, region, fetch: options.fetch ?? globalThis.fetch }),
    timeout: options.timeout ?? 10_000,
    retry: { limit: 3, baseDelay: 200, maxDelay: 5000, ...options.retry },
    parse: (action, text) => parseAnswer(action, text) as AdminActions[typeof action][1],
    resendThrottled: true,
  });
  return {
    userPoolId,
    endpoint,
    region,
    async call(action, body, call) {
      await credentials();
      const full = (
        WITHOUT_POOL.has(action) ? body : { UserPoolId: userPoolId, ...body }
      ) as AdminActions[typeof action][0];
      return send(action, full, READS.has(action), call);
    },
  };
}

function regionOf(userPoolId: string, env: EnvironmentVariables): string {
  try {
    return regionFromUserPoolId(userPoolId);
  } catch (error) {
    const fromEnv = env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
    if (fromEnv) return fromEnv;
    throw error;
  }
}
