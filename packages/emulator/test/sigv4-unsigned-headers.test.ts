/**
 * AWS requires every `x-amz-*` header of a request to be signed. `X-Amz-Target` names the
 * action, so a captured request whose signature leaves it out could be re-pointed: here an
 * AdminGetUser signed without it is replayed as AdminDisableUser (same body, same signature).
 */
import { describe, expect, it } from 'vitest';
import { SIGNED_NOW, signedRequest } from './helpers/signed.js';
import { POOL_ID, emulatorWith } from './helpers/wire.js';

const BODY = JSON.stringify({ UserPoolId: POOL_ID, Username: 'alice' });

async function answer(response: Response) {
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, type: body['__type'], message: body['message'] };
}

describe('SigV4: unsigned x-amz-* headers', () => {
  it('refuses a captured AdminGetUser whose unsigned X-Amz-Target is re-pointed to AdminDisableUser', async () => {
    const emulator = emulatorWith(undefined, { now: SIGNED_NOW });
    const captured = await signedRequest('AdminGetUser', BODY, [
      'content-type',
      'host',
      'x-amz-date',
    ]);
    const swapped = new Request(captured.url, {
      method: 'POST',
      headers: captured.headers,
      body: BODY,
    });
    swapped.headers.set('x-amz-target', 'AWSCognitoIdentityProviderService.AdminDisableUser');

    expect(await answer(await emulator.handle(swapped))).toEqual({
      status: 400,
      type: 'IncompleteSignatureException',
      message:
        "Every x-amz-* header must be a 'SignedHeader' in the AWS Authorization; not signed: x-amz-target.",
    });
    expect(emulator.api.getUser(POOL_ID, 'alice')?.enabled).toBe(true);
  });

  it('names every unsigned x-amz-* header, and leaves x-amzn-* headers alone', async () => {
    const emulator = emulatorWith(undefined, { now: SIGNED_NOW });
    const request = await signedRequest('AdminGetUser', BODY);
    request.headers.set('x-amz-user-agent', 'replayed');
    request.headers.set('x-amz-meta', 'extra');
    const refused = await answer(await emulator.handle(request));
    expect(refused.type).toBe('IncompleteSignatureException');
    expect(refused.message).toMatch(/not signed: x-amz-meta, x-amz-user-agent\.$/);

    const traced = await signedRequest('AdminGetUser', BODY);
    traced.headers.set('x-amzn-trace-id', 'Root=1-5759e988-bd862e3fe1be46a994272793');
    expect((await answer(await emulator.handle(traced))).status).toBe(200);
  });
});
