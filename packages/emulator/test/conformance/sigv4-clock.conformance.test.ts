/**
 * SigV4 request times against the emulator's clock, read through the AWS SDK: a request signed
 * too far ahead of the server's clock is refused with AWS's "not yet current" wording, not the
 * "expired" one (real answers quoted in e.g. aws/aws-sdk-js#1652 and #254).
 */
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, useConformanceHost } from './harness.js';
import { recordingClient, sdk, typedFailure } from './sdk-client.js';

// Frozen at 2024-03-05T04:05:06Z, so the SDK's real-time signature lies in the emulator's future.
const host = useConformanceHost({ pools: [] });

describe('SigV4 signing time', () => {
  it('refuses a signature from the future as "not yet current"', async () => {
    const { client } = recordingClient(host.url, 'eu-west-1', CREDENTIALS);
    const error = await typedFailure(
      client.send(new sdk.ListUserPoolsCommand({ MaxResults: 1 })),
      'InvalidSignatureException',
    );
    client.destroy();
    expect(error.message).toMatch(
      /^Signature not yet current: \d{8}T\d{6}Z is still later than 20240305T042006Z \(20240305T040506Z \+ 15 min\.\)$/,
    );
  });

  it('accepts the same call once the emulator clock reaches the signing time', async () => {
    host.advance(Date.now() - host.server.emulator.api.clock.now());
    const { client } = recordingClient(host.url, 'eu-west-1', CREDENTIALS);
    const out = await client.send(new sdk.ListUserPoolsCommand({ MaxResults: 1 }));
    client.destroy();
    expect(out.UserPools).toEqual([]);
  });
});
