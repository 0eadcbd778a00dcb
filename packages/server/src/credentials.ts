import { CognitoError, invalidInput } from './low-level.js';

/** An AWS key pair, optionally temporary (with a session token and an expiry). */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** For temporary credentials (STS, SSO, an assumed role); sent as `X-Amz-Security-Token`. */
  readonly sessionToken?: string | undefined;
  /** When temporary credentials stop working; the provider is asked again 5 minutes before. */
  readonly expiration?: Date | undefined;
}

/**
 * Gets credentials on demand, e.g. `fromNodeProviderChain()` of `@aws-sdk/credential-providers`.
 * Its answer is cached until 5 minutes before its `expiration` (for ever without one).
 */
export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

/** Where the environment variables are read from (default `process.env` when there is one). */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

/** Asks the provider again this long before its credentials expire (what the AWS SDKs do). */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/** The process environment when the runtime has one (Node, Bun, Deno's Node compatibility). */
export function processEnv(): EnvironmentVariables {
  const proc = (globalThis as { process?: { env?: EnvironmentVariables } }).process;
  return proc?.env ?? {};
}

const MISSING =
  'No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary credentials) in the environment, or pass `credentials` (a key pair or a provider function).';

/** The key pair of the standard environment variables, or a `InvalidInput` error naming them. */
export function credentialsFromEnv(env: EnvironmentVariables): AwsCredentials {
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) throw invalidInput(MISSING);
  const sessionToken = env['AWS_SESSION_TOKEN'];
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

function checked(value: unknown, from: string): AwsCredentials {
  const c = value as Partial<AwsCredentials> | null | undefined;
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.accessKeyId !== 'string' ||
    c.accessKeyId === '' ||
    typeof c.secretAccessKey !== 'string' ||
    c.secretAccessKey === ''
  ) {
    throw invalidInput(`${from} gave no accessKeyId / secretAccessKey. ${MISSING}`);
  }
  if (c.expiration !== undefined && !(c.expiration instanceof Date)) {
    throw invalidInput(`${from} gave an expiration that is not a Date.`);
  }
  return c as AwsCredentials;
}

/**
 * Turns the `credentials` option into one async source of credentials: a fixed pair, a cached
 * provider (one call at a time, asked again near its expiry), or the environment variables.
 * Every failure is an `InvalidInput` CognitoError raised before any request is sent.
 */
export function credentialsSource(
  option: AwsCredentials | AwsCredentialsProvider | undefined,
  env: () => EnvironmentVariables = processEnv,
  now: () => number = Date.now,
): AwsCredentialsProvider {
  if (option === undefined) {
    let fromEnv: AwsCredentials | undefined;
    return async () => (fromEnv ??= credentialsFromEnv(env()));
  }
  if (typeof option !== 'function') {
    const fixed = checked(option, 'The credentials option');
    return async () => fixed;
  }
  let cached: AwsCredentials | undefined;
  let pending: Promise<AwsCredentials> | undefined;
  const fresh = (c: AwsCredentials) =>
    c.expiration === undefined || c.expiration.getTime() - EXPIRY_MARGIN_MS > now();
  return async () => {
    if (cached && fresh(cached)) return cached;
    pending ??= (async () => {
      try {
        let value: unknown;
        try {
          value = await option();
        } catch (cause) {
          throw new CognitoError({
            code: 'InvalidInput',
            message: 'The AWS credentials provider failed; see `cause`.',
            cause,
          });
        }
        cached = checked(value, 'The credentials provider');
        return cached;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };
}
