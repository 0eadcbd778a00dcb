import { describe, expect, it } from 'vitest';
import { isCognitoError, type CognitoError } from '../errors/index.js';
import { createCognitoClient } from './client.js';

/*
 * Unit tests of the wire framing, answer parsing and retry policy. The fetch here is a canned
 * answer source standing in for the network (what goes out, what comes back as bytes); the
 * actions' behaviour against Cognito is tested against the emulator in test/.
 */

interface Sent {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
  credentials: RequestCredentials;
}

function cannedFetch(...answers: Array<Response | Error>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    // Honour cancellation like a real fetch does.
    if (request.signal.aborted) throw request.signal.reason;
    sent.push({
      url: request.url,
      headers: request.headers,
      body: JSON.parse(await request.text()) as Record<string, unknown>,
      credentials: request.credentials,
    });
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next === undefined) throw new Error('no canned answer');
    if (next instanceof Error) throw next;
    return next.clone();
  };
  return { fetch: fetchImpl as typeof fetch, sent };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', ...headers },
  });

const endpoint = { endpoint: 'http://cognito.test/' };
const noDelay = { limit: 2, baseDelay: 0 };

async function rejection(promise: Promise<unknown>): Promise<CognitoError> {
  try {
    await promise;
  } catch (error) {
    if (isCognitoError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createCognitoClient framing', () => {
  it('POSTs AWS JSON 1.1 with the target header, no-store and ClientId', async () => {
    const { fetch, sent } = cannedFetch(json({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } }));
    const client = createCognitoClient(endpoint, { clientId: 'client1', fetch });
    const answer = await client.forgotPassword({ Username: 'alice' });
    expect(answer.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    const [request] = sent;
    expect(request?.url).toBe('http://cognito.test/');
    expect(request?.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(request?.headers.get('x-amz-target')).toBe(
      'AWSCognitoIdentityProviderService.ForgotPassword',
    );
    expect(request?.headers.get('cache-control')).toBe('no-store');
    expect(request?.credentials).toBe('omit');
    expect(request?.body).toEqual({ ClientId: 'client1', Username: 'alice' });
  });

  it('adds SecretHash for Username actions and ClientSecret for token actions', async () => {
    const { fetch, sent } = cannedFetch(json({}));
    const client = createCognitoClient(endpoint, {
      clientId: '1example23456789',
      clientSecret: 'abcdef0123456789abcdef0123456789abcdef0123456789ab',
      fetch,
    });
    await client.confirmSignUp({ Username: 'alice', ConfirmationCode: '123456' });
    await client.revokeToken({ Token: 'refresh' });
    // Known answer from the protocol notes (§6).
    expect(sent[0]?.body.SecretHash).toBe('5BrpF5En3P7D76YT/4Hbbqs7KK251F83AqqsSassLvY=');
    expect(sent[1]?.body).toEqual({
      ClientId: '1example23456789',
      Token: 'refresh',
      ClientSecret: 'abcdef0123456789abcdef0123456789abcdef0123456789ab',
    });
    expect(await client.secretHash('alice')).toBe('5BrpF5En3P7D76YT/4Hbbqs7KK251F83AqqsSassLvY=');
  });

  it('sends no secret members for a client without a secret', async () => {
    const { fetch, sent } = cannedFetch(json({}));
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch });
    await client.confirmSignUp({ Username: 'alice', ConfirmationCode: '1' });
    expect(sent[0]?.body).not.toHaveProperty('SecretHash');
    expect(await client.secretHash('alice')).toBeUndefined();
  });

  it('rejects a missing clientId', () => {
    expect(() => createCognitoClient(endpoint, { clientId: '' })).toThrowError(
      expect.objectContaining({ code: 'InvalidInput' }) as Error,
    );
  });
});

describe('answer parsing', () => {
  it('accepts an empty body or {} for no-output actions', async () => {
    const { fetch } = cannedFetch(new Response('', { status: 200 }), json({}));
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch });
    await expect(client.forgetDevice({ AccessToken: 't', DeviceKey: 'k' })).resolves.toEqual({});
    await expect(client.globalSignOut({ AccessToken: 't' })).resolves.toEqual({});
  });

  it('turns an empty body of an action with output into ProtocolError', async () => {
    const { fetch } = cannedFetch(new Response('', { status: 200 }));
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch });
    const error = await rejection(client.getUser({ AccessToken: 't' }));
    expect(error.code).toBe('ProtocolError');
  });

  it('turns truncated JSON into ProtocolError with the request id', async () => {
    const { fetch } = cannedFetch(
      new Response('{"Username":"al', { status: 200, headers: { 'x-amzn-RequestId': 'req-9' } }),
    );
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch });
    const error = await rejection(client.getUser({ AccessToken: 't' }));
    expect(error).toMatchObject({
      code: 'ProtocolError',
      requestId: 'req-9',
      status: 200,
      action: 'GetUser',
    });
  });

  it.each([
    ['tokens that are not strings', { AuthenticationResult: { AccessToken: 1, IdToken: 'i' } }],
    [
      'challenge parameters that are not a string map',
      { ChallengeName: 'SMS_MFA', ChallengeParameters: { A: 1 } },
    ],
    ['neither tokens nor a challenge', { Session: 'x' }],
    ['an array body', []],
  ])('rejects sign-in answers with %s', async (_label, body) => {
    const { fetch } = cannedFetch(json(body));
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch });
    const error = await rejection(
      client.initiateAuth({
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'a', SRP_A: 'ff' },
      }),
    );
    expect(error.code).toBe('ProtocolError');
  });

  it('never puts answer values into ProtocolError messages', async () => {
    const { fetch } = cannedFetch(
      json({ AuthenticationResult: { AccessToken: 'secret-token-value', IdToken: 7 } }),
    );
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch });
    const error = await rejection(client.initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH' }));
    expect(error.message).toContain('AuthenticationResult.IdToken');
    expect(error.message).not.toContain('secret-token-value');
  });

  it('passes well-formed challenge and device answers through', async () => {
    const { fetch } = cannedFetch(
      json({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: 's'.repeat(30),
        ChallengeParameters: {},
      }),
      json({
        Devices: [
          {
            DeviceKey: 'k',
            DeviceAttributes: [{ Name: 'device_name', Value: 'x' }],
            DeviceCreateDate: 1.5,
          },
        ],
      }),
    );
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch });
    const step = await client.initiateAuth({ AuthFlow: 'USER_SRP_AUTH' });
    expect(step.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const list = await client.listDevices({ AccessToken: 't' });
    expect(list.Devices?.[0]?.DeviceCreateDate).toBe(1.5);
  });

  it('maps an error answer to CognitoError', async () => {
    const { fetch } = cannedFetch(
      json(
        {
          __type: 'CodeMismatchException',
          message: 'Invalid verification code provided, please try again.',
        },
        400,
        {
          'x-amzn-RequestId': 'r-1',
        },
      ),
    );
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch });
    const error = await rejection(client.confirmSignUp({ Username: 'a', ConfirmationCode: '1' }));
    expect(error).toMatchObject({
      code: 'CodeMismatchException',
      status: 400,
      requestId: 'r-1',
      action: 'ConfirmSignUp',
    });
  });
});

describe('network failures and retries', () => {
  it('turns a failed fetch into NetworkError', async () => {
    const { fetch } = cannedFetch(new TypeError('Failed to fetch'));
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch, retry: { limit: 0 } });
    const error = await rejection(client.getUser({ AccessToken: 't' }));
    expect(error).toMatchObject({ code: 'NetworkError', retryable: true, action: 'GetUser' });
  });

  it('turns a timeout into NetworkError', async () => {
    const hanging = ((input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const { signal } = new Request(input, init);
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      })) as typeof fetch;
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch: hanging, timeout: 5 });
    const error = await rejection(client.signUp({ Username: 'a', Password: 'p' }));
    expect(error.code).toBe('NetworkError');
  });

  it('retries reads on NetworkError, 5xx and throttling, then succeeds', async () => {
    const { fetch, sent } = cannedFetch(
      new TypeError('offline'),
      json({ __type: 'TooManyRequestsException', message: 'Too many requests' }, 400),
      json({ Username: 'alice', UserAttributes: [] }),
    );
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch, retry: noDelay });
    await expect(client.getUser({ AccessToken: 't' })).resolves.toMatchObject({
      Username: 'alice',
    });
    expect(sent).toHaveLength(3);
  });

  it('retries refresh but gives up after the limit', async () => {
    const { fetch, sent } = cannedFetch(json({ __type: 'InternalErrorException' }, 500));
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch, retry: noDelay });
    const error = await rejection(
      client.initiateAuth({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: 'r' },
      }),
    );
    expect(error.code).toBe('InternalErrorException');
    expect(sent).toHaveLength(3);
  });

  it('never re-sends sign-in steps or writes', async () => {
    const { fetch, sent } = cannedFetch(new TypeError('offline'));
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch, retry: noDelay });
    await rejection(client.initiateAuth({ AuthFlow: 'USER_SRP_AUTH' }));
    await rejection(client.respondToAuthChallenge({ ChallengeName: 'SMS_MFA' }));
    await rejection(client.updateUserAttributes({ AccessToken: 't', UserAttributes: [] }));
    expect(sent).toHaveLength(3);
  });

  it('does not retry client errors such as NotAuthorizedException', async () => {
    const { fetch, sent } = cannedFetch(
      json({ __type: 'NotAuthorizedException', message: 'Access Token has expired' }, 400),
    );
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch, retry: noDelay });
    expect((await rejection(client.getUser({ AccessToken: 't' }))).code).toBe(
      'NotAuthorizedException',
    );
    expect(sent).toHaveLength(1);
  });

  it('reports a cancelled call as a non-retryable NetworkError', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetch } = cannedFetch(json({ Username: 'a', UserAttributes: [] }));
    const client = createCognitoClient(endpoint, { clientId: 'c', fetch, retry: noDelay });
    const error = await rejection(
      client.getUser({ AccessToken: 't' }, { signal: controller.signal }),
    );
    expect(error).toMatchObject({ code: 'NetworkError', retryable: false });
  });
});
