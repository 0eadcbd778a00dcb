/**
 * The server of the OAuth HTTP tests: the emulator on the OAuth seed, signing with the fixed test
 * keys (so ID tokens verify the same way in every run), and an AWS SDK client for the admin
 * actions that configure it. One place, so the OAuth test files start the same emulator.
 */
import { startEmulatorServer, type EmulatorServer } from '../../src/node/server.js';
import { sdk } from '../admin-harness.js';
import { testSigningKeys } from '../helpers/test-keys.js';
import { oauthSeed } from './oauth-seed.js';

/** Starts the emulator on a random port with the OAuth seed. */
export function startOAuthServer(): Promise<EmulatorServer> {
  return startEmulatorServer({
    port: 0,
    quiet: true,
    seed: oauthSeed(),
    emulatorOptions: { signingKeys: testSigningKeys },
  });
}

/** An admin SDK client of `server`; one attempt, so a refusal is the test's answer, not a retry. */
export function oauthAdminClient(
  server: EmulatorServer,
): InstanceType<typeof sdk.CognitoIdentityProviderClient> {
  return new sdk.CognitoIdentityProviderClient({
    region: 'eu-west-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}
