/**
 * `@aws-sdk/client-cognito-identity-provider` clients pointed at a conformance host, recording
 * which actions answered successfully, so a suite can prove it exercised every action the
 * emulator registers.
 */
import { expect } from 'vitest';
import { awsSdk } from '../aws-sdk.js';
import { adminActionNames, allActions } from '../../src/engine/protocol/registry.js';

export const sdk = awsSdk;
export type SdkClient = InstanceType<typeof sdk.CognitoIdentityProviderClient>;

/** Actions the engine answers, split as the dispatcher splits them (SigV4 or not). */
export const registeredActions = {
  user: Object.keys(allActions).filter((name) => !adminActionNames.has(name)),
  admin: Object.keys(allActions).filter((name) => adminActionNames.has(name)),
};

/** A client plus the set of action names that have succeeded through it. */
export interface RecordingClient {
  readonly client: SdkClient;
  readonly succeeded: ReadonlySet<string>;
}

/**
 * Builds a client for `url` (region taken from `region`, no retries) whose middleware notes every
 * command that came back parsed without an error.
 *
 * @example
 * const { client, succeeded } = recordingClient(host.url, 'eu-west-1', CREDENTIALS);
 */
export function recordingClient(
  url: string,
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): RecordingClient {
  const succeeded = new Set<string>();
  const client = new sdk.CognitoIdentityProviderClient({
    region,
    endpoint: url,
    credentials,
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      succeeded.add(String(context.commandName).replace(/Command$/, ''));
      return result;
    },
    { step: 'initialize', name: 'conformanceRecorder' },
  );
  return { client, succeeded };
}

/** Names of the SDK's modelled exception classes (e.g. `NotAuthorizedException`). */
export type SdkExceptionName = {
  [K in keyof typeof sdk]: K extends `${string}Exception`
    ? (typeof sdk)[K] extends abstract new (...args: never[]) => Error
      ? K
      : never
    : never;
}[keyof typeof sdk];

/** AWS-wide errors (signing, credentials) that the Cognito model does not list as classes. */
export type CommonErrorName =
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException'
  | 'MissingAuthenticationTokenException';

/**
 * Runs `promise`, expecting the SDK to throw its typed exception `name` (checked by class and by
 * `name`; AWS-wide errors, which have no class of their own, by the service base class), with
 * HTTP 400 and a request id; resolves with the exception.
 */
export async function typedFailure(
  promise: Promise<unknown>,
  name: SdkExceptionName | CommonErrorName,
): Promise<Error & { message: string }> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error(`expected ${name}, the call succeeded`);
  const error = caught as Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };
  expect(error.name).toBe(name);
  if (name in sdk) expect(error).toBeInstanceOf(sdk[name as SdkExceptionName]);
  expect(error).toBeInstanceOf(sdk.CognitoIdentityProviderServiceException);
  expect(error.$metadata?.httpStatusCode).toBe(400);
  expect(error.$metadata?.requestId).toMatch(/\S/);
  return error;
}
