import { describe, expect, it } from 'vitest';
import { awsSdk } from '../../test/aws-sdk.js';
import { checkSigV4, computeSignature, parseCredentials, SIGV4_MESSAGES } from './sigv4.js';
import type { SignedRequestParts, SigV4Credentials } from './sigv4.js';

const { CognitoIdentityProviderClient, ListUserPoolsCommand } = awsSdk;

// Known answers from AWS's published SigV4 test suite (credentials, date and region are the suite's).
const SUITE_CREDENTIALS: SigV4Credentials[] = [
  { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
];
const SUITE_NOW = Date.UTC(2015, 7, 30, 12, 36, 0);

function suiteRequest(
  method: string,
  path: string,
  signature: string,
  body = '',
): SignedRequestParts {
  return {
    method,
    url: `https://example.amazonaws.com${path}`,
    body,
    headers: new Headers({
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    }),
  };
}

describe('checkSigV4 against the AWS SigV4 test suite', () => {
  it.each([
    ['get-vanilla', 'GET', '/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
    [
      'post-vanilla',
      'POST',
      '/',
      '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    ],
    [
      'get-slashes (path normalisation)',
      'GET',
      '//example//',
      '9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84',
    ],
  ])('%s verifies', async (_name, method, path, signature) => {
    const result = await checkSigV4(
      suiteRequest(method, path, signature),
      SUITE_CREDENTIALS,
      SUITE_NOW,
      {
        service: 'service',
      },
    );
    expect(result).toEqual({ ok: true, accessKeyId: 'AKIDEXAMPLE', region: 'us-east-1' });
  });

  it('rejects a one-character change of the signature', async () => {
    const result = await checkSigV4(
      suiteRequest('GET', '/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf32'),
      SUITE_CREDENTIALS,
      SUITE_NOW,
      { service: 'service' },
    );
    expect(result).toMatchObject({
      ok: false,
      type: 'InvalidSignatureException',
      message: SIGV4_MESSAGES.mismatch,
    });
  });

  it('rejects a changed body (the payload hash is signed)', async () => {
    const result = await checkSigV4(
      suiteRequest(
        'POST',
        '/',
        '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
        '{}',
      ),
      SUITE_CREDENTIALS,
      SUITE_NOW,
      { service: 'service' },
    );
    expect(result).toMatchObject({ ok: false, type: 'InvalidSignatureException' });
  });

  it('requires the credential scope to name the configured service', async () => {
    const result = await checkSigV4(
      suiteRequest('GET', '/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'),
      SUITE_CREDENTIALS,
      SUITE_NOW,
    );
    expect(result).toMatchObject({
      ok: false,
      type: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'cognito-idp'.",
    });
  });

  it('refuses a signature older than the allowed skew', async () => {
    const request = suiteRequest(
      'GET',
      '/',
      '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    const later = SUITE_NOW + 16 * 60 * 1000;
    const result = await checkSigV4(request, SUITE_CREDENTIALS, later, { service: 'service' });
    expect(result).toMatchObject({ ok: false, type: 'InvalidSignatureException' });
    expect(result.ok ? '' : result.message).toMatch(
      /^Signature expired: 20150830T123600Z is now earlier than/,
    );
    const lenient = await checkSigV4(request, SUITE_CREDENTIALS, later, {
      service: 'service',
      maxSkewMs: Infinity,
    });
    expect(lenient.ok).toBe(true);
  });
});

describe('checkSigV4 error shapes (COGNITO-PROTOCOL §9)', () => {
  const base = { method: 'POST', url: 'http://127.0.0.1:9229/', body: '{}' };

  it('answers MissingAuthenticationTokenException without an Authorization header', async () => {
    const result = await checkSigV4(
      { ...base, headers: new Headers() },
      SUITE_CREDENTIALS,
      SUITE_NOW,
    );
    expect(result).toEqual({
      ok: false,
      type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
      status: 400,
    });
  });

  it('answers UnrecognizedClientException for an unknown access key', async () => {
    const headers = new Headers({
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=NOPE/20150830/us-east-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
    });
    const result = await checkSigV4({ ...base, headers }, SUITE_CREDENTIALS, SUITE_NOW);
    expect(result).toMatchObject({
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('answers UnrecognizedClientException for a session token the key does not have', async () => {
    const headers = new Headers({
      'x-amz-date': '20150830T123600Z',
      'x-amz-security-token': 'bogus',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=00',
    });
    const result = await checkSigV4({ ...base, headers }, SUITE_CREDENTIALS, SUITE_NOW);
    expect(result).toMatchObject({ type: 'UnrecognizedClientException' });
  });

  it('answers IncompleteSignatureException naming every missing part', async () => {
    const headers = new Headers({
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cognito-idp/aws4_request',
    });
    const result = await checkSigV4({ ...base, headers }, SUITE_CREDENTIALS, SUITE_NOW);
    expect(result).toMatchObject({ ok: false, type: 'IncompleteSignatureException' });
    const message = result.ok ? '' : result.message;
    expect(message).toContain("'Signature'");
    expect(message).toContain("'SignedHeaders'");
    expect(message).toContain("'X-Amz-Date'");
    expect(message).not.toContain("'Credential'");
  });
});

describe('checkSigV4 with an independent signer (@aws-sdk/client-cognito-identity-provider)', () => {
  /** Lets the SDK sign a real request, then hands us what it would have sent. */
  async function signWithSdk(
    credentials: SigV4Credentials,
    region = 'eu-west-1',
  ): Promise<SignedRequestParts> {
    let captured: SignedRequestParts | undefined;
    const client = new CognitoIdentityProviderClient({
      region,
      endpoint: 'http://127.0.0.1:9229',
      credentials,
      maxAttempts: 1,
      requestHandler: {
        handle: async (request: {
          method: string;
          protocol: string;
          hostname: string;
          port?: number;
          path: string;
          headers: Record<string, string>;
          body?: string;
        }) => {
          const url = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}${request.path}`;
          captured = {
            method: request.method,
            url,
            headers: new Headers(request.headers),
            body: request.body ?? '',
          };
          throw new Error('captured');
        },
      },
    });
    await expect(client.send(new ListUserPoolsCommand({ MaxResults: 10 }))).rejects.toThrow(
      'captured',
    );
    if (!captured) throw new Error('the SDK sent nothing');
    return captured;
  }

  it('accepts what the SDK signs with the configured key', async () => {
    const parts = await signWithSdk({ accessKeyId: 'local', secretAccessKey: 'local' });
    const result = await checkSigV4(parts, [parseCredentials('local:local')], Date.now());
    expect(result).toEqual({ ok: true, accessKeyId: 'local', region: 'eu-west-1' });
  });

  it('rejects what the SDK signs with another secret', async () => {
    const parts = await signWithSdk({ accessKeyId: 'local', secretAccessKey: 'not-local' });
    const result = await checkSigV4(parts, [parseCredentials('local:local')], Date.now());
    expect(result).toMatchObject({ ok: false, type: 'InvalidSignatureException' });
  });

  it('checks the session token of temporary credentials', async () => {
    const temporary = { accessKeyId: 'ASIATEMP', secretAccessKey: 's3cr3t', sessionToken: 'tok-1' };
    const parts = await signWithSdk(temporary);
    expect((await checkSigV4(parts, [temporary], Date.now())).ok).toBe(true);
    const other = await checkSigV4(parts, [{ ...temporary, sessionToken: 'tok-2' }], Date.now());
    expect(other).toMatchObject({ type: 'UnrecognizedClientException' });
  });
});

describe('computeSignature and parseCredentials', () => {
  it('derives a different signature per region (the key is scoped)', async () => {
    const a = await computeSignature('k', '20240101', 'us-east-1', 'cognito-idp', 'x');
    const b = await computeSignature('k', '20240101', 'eu-west-1', 'cognito-idp', 'x');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });

  it('splits KEY:SECRET at the first colon and refuses malformed input', () => {
    expect(parseCredentials('AKID:se:cret')).toEqual({
      accessKeyId: 'AKID',
      secretAccessKey: 'se:cret',
    });
    expect(() => parseCredentials('nocolon')).toThrow(/KEY:SECRET/);
    expect(() => parseCredentials(':secret')).toThrow(/KEY:SECRET/);
    expect(() => parseCredentials('key:')).toThrow(/KEY:SECRET/);
  });
});
