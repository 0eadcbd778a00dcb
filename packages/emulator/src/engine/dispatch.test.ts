import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { serviceError } from './errors.js';

const POOL = 'us-east-1_Dispatch1';
const seed = { pools: [{ id: POOL, clients: [{ id: 'client1' }] }] };
const TARGET = 'AWSCognitoIdentityProviderService.';

function post(body: string, target: string | null, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-amz-json-1.1',
    ...extra,
  };
  if (target !== null) headers['X-Amz-Target'] = target;
  return new Request('http://localhost:9229/', { method: 'POST', headers, body });
}

describe('dispatch', () => {
  const emulator = createEmulator(seed, {
    actions: {
      Boom: async () => {
        throw new Error('a bug');
      },
      Echo: async (_ctx, input, req) => ({ input, origin: req.origin }),
      Teapot: async () => {
        throw serviceError('TooManyRequestsException', 'Rate exceeded');
      },
    },
    onInternalError: () => undefined,
  });

  it('routes by X-Amz-Target and answers JSON 1.1 with a request id', async () => {
    const res = await emulator.handle(post('{"a":1}', `${TARGET}Echo`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ input: { a: 1 }, origin: 'http://localhost:9229' });
  });

  it('treats an empty body as {}', async () => {
    const res = await emulator.handle(post('', `${TARGET}Echo`));
    expect(await res.json()).toMatchObject({ input: {} });
  });

  it('shapes service errors with __type, message and the x-amzn headers', async () => {
    const res = await emulator.handle(post('{}', `${TARGET}Teapot`));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(res.headers.get('x-amzn-errormessage')).toBe('Rate exceeded');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await res.json()).toEqual({
      __type: 'TooManyRequestsException',
      message: 'Rate exceeded',
    });
  });

  it('answers malformed JSON and non-object bodies with SerializationException', async () => {
    for (const body of ['{"ClientId":', '[1,2]', '"text"', '42']) {
      const res = await emulator.handle(post(body, `${TARGET}InitiateAuth`));
      expect(res.status).toBe(400);
      const json = (await res.json()) as Record<string, unknown>;
      expect(json['__type']).toBe('SerializationException');
      expect(typeof json['Message']).toBe('string');
    }
  });

  it('answers wrong member types with SerializationException', async () => {
    const res = await emulator.handle(
      post('{"ClientId":5,"AuthFlow":"USER_SRP_AUTH"}', `${TARGET}InitiateAuth`),
    );
    expect(await res.json()).toEqual({
      __type: 'SerializationException',
      Message: 'Expected string or null',
    });
    const map = await emulator.handle(
      post(
        '{"ClientId":"client1","AuthFlow":"USER_SRP_AUTH","AuthParameters":[]}',
        `${TARGET}InitiateAuth`,
      ),
    );
    expect(await map.json()).toEqual({
      __type: 'SerializationException',
      Message: 'Expected map or null',
    });
  });

  it('lists every violated constraint in one InvalidParameterException', async () => {
    const one = await emulator.handle(
      post('{"AuthFlow":"USER_SRP_AUTH"}', `${TARGET}InitiateAuth`),
    );
    expect(await one.json()).toEqual({
      __type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    });
    const two = await emulator.handle(
      post('{"AuthFlow":"NOPE","ClientId":"bad id!"}', `${TARGET}InitiateAuth`),
    );
    const json = (await two.json()) as { __type: string; message: string };
    expect(json.__type).toBe('InvalidParameterException');
    expect(json.message).toBe(
      "2 validation errors detected: Value 'NOPE' at 'authFlow' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, ' +
        'CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]; ' +
        "Value 'bad id!' at 'clientId' failed to satisfy constraint: Member must satisfy regular " +
        'expression pattern: [\\w+]+',
    );
  });

  it('answers unknown or missing targets with UnknownOperationException', async () => {
    for (const target of [
      `${TARGET}NoSuchAction`,
      'Other.InitiateAuth',
      null,
      `${TARGET}toString`,
    ]) {
      const res = await emulator.handle(post('{}', target));
      expect(res.status).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    }
  });

  it('answers a request that is not in the AWS JSON protocol like an unknown operation', async () => {
    for (const contentType of ['application/json', 'text/plain;charset=UTF-8', '']) {
      const request = post('{"a":1}', `${TARGET}Echo`, { 'Content-Type': contentType });
      if (contentType === '') request.headers.delete('content-type');
      const res = await emulator.handle(request);
      expect(res.status, contentType).toBe(400);
      expect(await res.json()).toEqual({ __type: 'UnknownOperationException', Message: '' });
    }
    for (const contentType of [
      'application/x-amz-json-1.0',
      'Application/X-Amz-Json-1.1; charset=utf-8',
    ]) {
      const res = await emulator.handle(
        post('{"a":1}', `${TARGET}Echo`, { 'Content-Type': contentType }),
      );
      expect(res.status, contentType).toBe(200);
    }
  });

  it('turns handler bugs into a 500 InternalErrorException', async () => {
    const res = await emulator.handle(post('{}', `${TARGET}Boom`));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { __type: string }).__type).toBe('InternalErrorException');
  });

  it('refuses bodies over the size limit without reading them as JSON', async () => {
    const small = createEmulator(seed, { behaviour: { maxBodyBytes: 64 } });
    const res = await small.handle(
      post(JSON.stringify({ x: 'y'.repeat(100) }), `${TARGET}InitiateAuth`),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe('SerializationException');
  });

  it('answers CORS preflights and exposes the x-amzn headers', async () => {
    const res = await emulator.handle(
      new Request('http://localhost/', {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
      }),
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of [
      'content-type',
      'x-amz-target',
      'x-amz-user-agent',
      'cache-control',
      'authorization',
    ]) {
      expect(allowed).toContain(h);
    }
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-RequestId');
    const post1 = await emulator.handle(
      post('{}', `${TARGET}Echo`, { Origin: 'http://localhost:5173' }),
    );
    expect(post1.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('serves the JWKS (two RSA keys) and the OpenID configuration of a pool', async () => {
    const jwks = (await (
      await emulator.fetch(`http://localhost:9229/${POOL}/.well-known/jwks.json`)
    ).json()) as {
      keys: { kid: string; alg: string; kty: string; use: string; e: string; n: string }[];
    };
    expect(jwks.keys).toHaveLength(2);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
      expect(key.n.length).toBeGreaterThan(300);
    }
    expect(jwks.keys[0]?.kid).not.toBe(jwks.keys[1]?.kid);
    const config = (await (
      await emulator.fetch(`http://localhost:9229/${POOL}/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string };
    expect(config.issuer).toBe(`http://localhost:9229/${POOL}`);
    expect(config.jwks_uri).toBe(`http://localhost:9229/${POOL}/.well-known/jwks.json`);
    const missing = await emulator.fetch(
      `http://localhost:9229/us-east-1_Nope/.well-known/jwks.json`,
    );
    expect(missing.status).toBe(404);
  });

  it('refuses admin actions without a SigV4 signature', async () => {
    const res = await emulator.handle(post('{"UserPoolId":"x"}', `${TARGET}AdminGetUser`));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
