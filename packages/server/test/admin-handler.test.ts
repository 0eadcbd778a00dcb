/**
 * createAdminHandler against the emulator over HTTP: every action, each authorisation rule,
 * self-protection, malformed and oversized bodies, the audit hook's ordering, and the Node
 * adapter behind a real node:http server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminAction, AdminErrorBody } from '@cognito-kit/core';
import type { EmulatorSeed } from '@cognito-kit/emulator';
import {
  createAdminHandler,
  createCognitoJwtVerifier,
  type AdminAuditEvent,
  type AdminAuthorizeInput,
  type AdminHandlerOptions,
} from '../src/index.js';
import { toNodeHandler } from '../src/node/index.js';
import { ADMIN_CLIENT, PASSWORD, POOL, defaultSeed, useEmulator } from './harness.js';

const PEOPLE = 25;

function seed(): EmulatorSeed {
  const base = defaultSeed();
  const pool = base.pools?.[0];
  if (!pool) throw new Error('the default seed has a pool');
  pool.groups = [{ name: 'admins', precedence: 0 }, { name: 'editors' }];
  pool.users = [
    ...(pool.users ?? []),
    {
      username: 'boss',
      password: PASSWORD,
      attributes: { email: 'boss@example.com', email_verified: true },
      groups: ['admins'],
    },
    {
      username: 'helper',
      password: PASSWORD,
      attributes: { email: 'helper@example.com', email_verified: true },
    },
    ...Array.from({ length: PEOPLE }, (_, i) => ({
      username: `person-${String(i).padStart(2, '0')}`,
      password: PASSWORD,
      enabled: i % 5 !== 0,
      attributes: {
        email: `${i < 10 ? 'early' : 'late'}-${i}@people.example`,
        email_verified: true,
        name: `Person ${i}`,
      },
    })),
  ];
  return base;
}

const h = useEmulator(seed());
const tokens: Record<string, string> = {};

async function signIn(username: string, password = PASSWORD) {
  const step = await h.admin.signIn({ clientId: ADMIN_CLIENT, username, password });
  if (step.status !== 'signedIn') throw new Error(`expected tokens for ${username}`);
  return step.tokens;
}

beforeAll(async () => {
  for (const user of ['boss', 'helper']) tokens[user] = (await signIn(user)).accessToken;
});

function handlerWith(options: Partial<AdminHandlerOptions> = {}) {
  return createAdminHandler({
    admin: h.admin,
    verifier: createCognitoJwtVerifier({
      userPoolId: POOL,
      endpoint: h.server.url,
      clientId: ADMIN_CLIENT,
      tokenUse: 'access',
    }),
    basePath: '/api/admin',
    ...options,
  });
}

let audit: AdminAuditEvent[] = [];
let handler: ReturnType<typeof createAdminHandler>;
beforeEach(() => {
  audit = [];
  handler = handlerWith({ audit: (event) => void audit.push(event) });
});

function request(action: string, body: unknown, as = 'boss', init: RequestInit = {}) {
  return new Request(`http://app.local/api/admin/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[as] ?? as}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

async function call<T = Record<string, unknown>>(
  action: AdminAction | string,
  body: unknown = {},
  as = 'boss',
): Promise<{ status: number; body: T }> {
  const response = await handler(request(action, body, as));
  return { status: response.status, body: (await response.json()) as T };
}

async function ok<T = Record<string, unknown>>(
  action: AdminAction,
  body: unknown = {},
): Promise<T> {
  const answer = await call<T>(action, body);
  if (answer.status !== 200) throw new Error(`${action}: ${JSON.stringify(answer)}`);
  return answer.body;
}

/** An unsigned user-pool API call, straight to the emulator (wire protocol). */
async function userCall(action: string, body: Record<string, unknown>) {
  const response = await fetch(h.server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const getUserWith = (accessToken: string) => userCall('GetUser', { AccessToken: accessToken });

type Page = { items: { username: string; enabled: boolean; status: string }[]; nextToken?: string };

describe('reading users and groups', () => {
  it('lists every user page by page', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await ok<Page>('listUsers', { pageSize: 10, ...(nextToken && { nextToken }) });
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.items.map((u) => u.username));
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(PEOPLE + 3);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('searches by a prefix of the e-mail, username or name', async () => {
    const early = await ok<Page>('listUsers', { search: { by: 'email', prefix: 'early-' } });
    expect(early.items).toHaveLength(10);
    const byName = await ok<Page>('listUsers', {
      search: { by: 'username', prefix: 'person-2' },
    });
    expect(byName.items.map((u) => u.username)).toEqual([
      'person-20',
      'person-21',
      'person-22',
      'person-23',
      'person-24',
    ]);
    const none = await ok<Page>('listUsers', { search: { by: 'name', prefix: 'Nobody' } });
    expect(none.items).toEqual([]);
  });

  it('filters by status, alone (Cognito filter) and with a search (per page)', async () => {
    const disabled = await ok<Page>('listUsers', { status: 'disabled', pageSize: 60 });
    expect(disabled.items.map((u) => u.username)).toEqual([
      'person-00',
      'person-05',
      'person-10',
      'person-15',
      'person-20',
    ]);
    const earlyDisabled = await ok<Page>('listUsers', {
      search: { by: 'email', prefix: 'early' },
      status: 'disabled',
      pageSize: 60,
    });
    expect(earlyDisabled.items.map((u) => u.username)).toEqual(['person-00', 'person-05']);
    const confirmed = await ok<Page>('listUsers', { status: 'CONFIRMED', pageSize: 60 });
    expect(confirmed.items.every((u) => u.status === 'CONFIRMED')).toBe(true);
    expect(confirmed.items.length).toBe(PEOPLE + 3);
  });

  it('gets one user with groups, devices and MFA', async () => {
    const boss = await ok<Record<string, unknown>>('getUser', { username: 'boss' });
    expect(boss).toMatchObject({
      username: 'boss',
      enabled: true,
      status: 'CONFIRMED',
      attributes: { email: 'boss@example.com' },
      groups: [{ name: 'admins', precedence: 0 }],
      devices: [],
      mfaMethods: [],
    });
    expect(typeof boss['createdAt']).toBe('string');
    expect((await call('getUser', { username: 'ghost' })).body).toEqual({
      error: 'user_not_found',
    });
  });

  it('lists groups', async () => {
    const groups = await ok<{ items: { name: string }[] }>('listGroups');
    expect(groups.items.map((g) => g.name).sort()).toEqual(['admins', 'editors']);
  });

  it('reads are not audited', async () => {
    await ok('listUsers');
    await ok('getUser', { username: 'helper' });
    expect(audit).toEqual([]);
  });
});

describe('changing users', () => {
  it('invites a user with a suppressed message, who signs in with the temporary password', async () => {
    h.server.emulator.api.outbox.clear();
    const { user } = await ok<{ user: { username: string; status: string } }>('createUser', {
      username: 'quiet',
      attributes: { email: 'quiet@example.com', email_verified: 'true' },
      temporaryPassword: 'Temp-Passw0rd!',
      sendInvitation: false,
    });
    expect(user).toMatchObject({ username: 'quiet', status: 'FORCE_CHANGE_PASSWORD' });
    expect(h.server.emulator.api.outbox.list({ username: 'quiet' })).toEqual([]);
    const step = await h.admin.signIn({
      clientId: ADMIN_CLIENT,
      username: 'quiet',
      password: 'Temp-Passw0rd!',
    });
    expect(step.status === 'challenge' && step.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
    expect(audit).toMatchObject([
      {
        action: 'createUser',
        target: { username: 'quiet' },
        result: 'ok',
        actor: { username: 'boss' },
      },
    ]);
  });

  it('invites a user by e-mail with a generated password', async () => {
    h.server.emulator.api.outbox.clear();
    await ok('createUser', {
      username: 'invited',
      attributes: { email: 'invited@example.com', email_verified: 'true' },
      sendInvitation: true,
    });
    const sent = h.server.emulator.api.outbox.list({ username: 'invited' });
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0])).toContain('invited@example.com');
    expect((await call('createUser', { username: 'invited', sendInvitation: false })).body).toEqual(
      { error: 'user_exists' },
    );
    expect(audit.at(-1)).toMatchObject({ result: 'failed', error: 'user_exists' });
  });

  it('updates attributes', async () => {
    await ok('updateAttributes', { username: 'person-03', attributes: { name: 'Renamed' } });
    expect(h.server.emulator.api.getUser(POOL, 'person-03')?.attributes['name']).toBe('Renamed');
  });

  it('disables (sign-in refused, tokens revoked) and enables', async () => {
    const session = await signIn('person-01');
    await ok('disableUser', { username: 'person-01' });
    expect(h.server.emulator.api.getUser(POOL, 'person-01')?.enabled).toBe(false);
    await expect(signIn('person-01')).rejects.toMatchObject({ code: 'NotAuthorizedException' });
    expect((await getUserWith(session.accessToken)).status).toBe(400);
    await ok('enableUser', { username: 'person-01' });
    await expect(signIn('person-01')).resolves.toMatchObject({ accessToken: expect.any(String) });
    expect(audit.map((e) => [e.action, e.result])).toEqual([
      ['disableUser', 'ok'],
      ['enableUser', 'ok'],
    ]);
  });

  it('resets a password: RESET_REQUIRED and a code in the outbox', async () => {
    h.server.emulator.api.outbox.clear();
    await ok('resetPassword', { username: 'person-02' });
    expect(h.server.emulator.api.getUser(POOL, 'person-02')?.status).toBe('RESET_REQUIRED');
    const code = h.server.emulator.api.outbox.lastCode('person-02', POOL);
    expect(code).toMatch(/^\d+$/);
    // The client prevents user-existence errors, so the refusal reads as a wrong password.
    await expect(signIn('person-02')).rejects.toMatchObject({ code: 'NotAuthorizedException' });
    const confirmed = await userCall('ConfirmForgotPassword', {
      ClientId: ADMIN_CLIENT,
      Username: 'person-02',
      ConfirmationCode: code,
      Password: 'Brand-New-Passw0rd',
    });
    expect(confirmed.status).toBe(200);
    await expect(signIn('person-02', 'Brand-New-Passw0rd')).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
  });

  it('signs a user out everywhere', async () => {
    const session = await signIn('person-04');
    expect((await getUserWith(session.accessToken)).status).toBe(200);
    await ok('signOutEverywhere', { username: 'person-04' });
    expect(await getUserWith(session.accessToken)).toMatchObject({
      status: 400,
      body: { __type: 'NotAuthorizedException' },
    });
  });

  it('deletes a user', async () => {
    await ok('deleteUser', { username: 'person-24' });
    expect(h.server.emulator.api.getUser(POOL, 'person-24')).toBeUndefined();
    expect((await call('deleteUser', { username: 'person-24' })).body).toEqual({
      error: 'user_not_found',
    });
  });
});

describe('groups', () => {
  it('creates a group, adds a member (next token carries it), removes, deletes', async () => {
    const created = await ok<{ group: { name: string; description?: string } }>('createGroup', {
      group: 'support',
      description: 'Support staff',
      precedence: 5,
    });
    expect(created.group).toMatchObject({
      name: 'support',
      description: 'Support staff',
      precedence: 5,
    });
    expect((await call('createGroup', { group: 'support' })).body).toEqual({
      error: 'group_exists',
    });
    await ok('addToGroup', { username: 'person-06', group: 'support' });
    const claims = JSON.parse(
      Buffer.from((await signIn('person-06')).accessToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims['cognito:groups']).toEqual(['support']);
    const detail = await ok<{ groups: { name: string }[] }>('getUser', { username: 'person-06' });
    expect(detail.groups.map((g) => g.name)).toEqual(['support']);
    await ok('removeFromGroup', { username: 'person-06', group: 'support' });
    expect(h.server.emulator.api.getUser(POOL, 'person-06')?.groups).toEqual([]);
    await ok('deleteGroup', { group: 'support' });
    expect((await call('deleteGroup', { group: 'support' })).body).toEqual({
      error: 'group_not_found',
    });
    expect(audit.map((e) => `${e.action}:${e.result}`)).toEqual([
      'createGroup:ok',
      'createGroup:failed',
      'addToGroup:ok',
      'removeFromGroup:ok',
      'deleteGroup:ok',
      'deleteGroup:failed',
    ]);
  });
});

describe('authorisation', () => {
  it('no token → 401 with the RFC 6750 challenge; an ID token → 401 invalid_token', async () => {
    const bare = await handler(
      new Request('http://app.local/api/admin/listUsers', { method: 'POST', body: '{}' }),
    );
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    const { idToken } = await signIn('boss');
    const withId = await call('listUsers', {}, idToken);
    expect(withId).toEqual({ status: 401, body: { error: 'invalid_token' } });
  });

  it('a signed-in non-admin gets 403 with no detail, for reads and changes alike', async () => {
    for (const [action, body] of [
      ['listUsers', {}],
      ['getUser', { username: 'boss' }],
      ['disableUser', { username: 'boss' }],
      ['addToGroup', { username: 'helper', group: 'admins' }],
    ] as const) {
      const response = await handler(request(action, body, 'helper'));
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(await response.text()).toBe('{"error":"forbidden"}');
    }
    expect(h.server.emulator.api.getUser(POOL, 'boss')?.enabled).toBe(true);
    expect(h.server.emulator.api.getUser(POOL, 'helper')?.groups).toEqual([]);
    // Refused changes are audited; refused reads are not.
    expect(audit.map((e) => `${e.action}:${e.result}:${e.actor.username}`)).toEqual([
      'disableUser:denied:helper',
      'addToGroup:denied:helper',
    ]);
  });

  it('a custom authorize sees claims, action and target, and decides', async () => {
    const seen: AdminAuthorizeInput[] = [];
    handler = handlerWith({
      authorize: (input) => {
        seen.push(input);
        return input.action === 'getUser' && input.target.username === 'helper';
      },
    });
    expect((await call('getUser', { username: 'helper' }, 'helper')).status).toBe(200);
    expect((await call('getUser', { username: 'boss' }, 'helper')).status).toBe(403);
    expect((await call('listUsers', {}, 'boss')).status).toBe(403);
    expect(seen.map((s) => [s.claims.username, s.action, s.target])).toEqual([
      ['helper', 'getUser', { username: 'helper' }],
      ['helper', 'getUser', { username: 'boss' }],
      ['boss', 'listUsers', {}],
    ]);
  });

  it('another admin group name', async () => {
    handler = handlerWith({ adminGroup: 'editors' });
    expect((await call('listUsers', {}, 'boss')).status).toBe(403);
  });
});

describe('self-protection', () => {
  it('an admin cannot disable, delete or demote themselves (not even through an alias)', async () => {
    for (const [action, body] of [
      ['disableUser', { username: 'boss' }],
      ['disableUser', { username: 'boss@example.com' }],
      ['deleteUser', { username: 'boss' }],
      ['removeFromGroup', { username: 'boss', group: 'admins' }],
      ['deleteGroup', { group: 'admins' }],
    ] as const) {
      expect(await call(action, body)).toEqual({ status: 409, body: { error: 'self_protection' } });
    }
    const boss = h.server.emulator.api.getUser(POOL, 'boss');
    expect(boss?.enabled).toBe(true);
    expect(boss?.groups).toEqual(['admins']);
    expect(audit.every((e) => e.result === 'refused' && e.error === 'self_protection')).toBe(true);
    expect(audit).toHaveLength(5);
  });

  it('other users and other groups are fine', async () => {
    await ok('addToGroup', { username: 'boss', group: 'editors' });
    await ok('removeFromGroup', { username: 'boss', group: 'editors' });
    await ok('addToGroup', { username: 'person-07', group: 'admins' });
    await ok('removeFromGroup', { username: 'person-07', group: 'admins' });
    await ok('disableUser', { username: 'person-07' });
    await ok('enableUser', { username: 'person-07' });
  });
});

describe('bad requests never cause a 500', () => {
  const raw = (init: RequestInit, path = '/api/admin/listUsers') =>
    handler(
      new Request(`http://app.local${path}`, {
        method: 'POST',
        ...init,
        headers: { authorization: `Bearer ${tokens['boss']}`, ...init.headers },
      }),
    );
  const bodyOf = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as AdminErrorBody,
  });

  it('unknown actions and paths outside basePath → 400 unknown_action', async () => {
    expect(await call('dropDatabase')).toEqual({ status: 400, body: { error: 'unknown_action' } });
    expect(await call('__proto__')).toMatchObject({
      status: 400,
      body: { error: 'unknown_action' },
    });
    expect(await bodyOf(await raw({ body: '{}' }, '/elsewhere/listUsers'))).toMatchObject({
      status: 400,
      body: { error: 'unknown_action' },
    });
  });

  it('another method → 405 with Allow', async () => {
    const response = await raw({ method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('malformed bodies → 400 malformed_body', async () => {
    for (const body of ['{', '[1,2]', '"text"', 'null', '\u00ff\u00fe']) {
      expect((await bodyOf(await raw({ body }))).body.error).toBe('malformed_body');
    }
    const notUtf8 = await raw({ body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    expect((await bodyOf(notUtf8)).body.error).toBe('malformed_body');
  });

  it('oversized bodies → 400 body_too_large, declared or streamed', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(20_000) });
    expect((await bodyOf(await raw({ body: big }))).body.error).toBe('body_too_large');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i += 1)
          controller.enqueue(new TextEncoder().encode(' '.repeat(1000)));
        controller.close();
      },
    });
    const streamed = await raw({ body: stream, duplex: 'half' } as RequestInit);
    expect((await bodyOf(streamed)).body.error).toBe('body_too_large');
    handler = handlerWith({ maxBodyBytes: 10 });
    expect((await call('listUsers', { pageSize: 10 })).body.error).toBe('body_too_large');
  });

  it('invalid fields → 400 invalid_input naming the field, before anything is sent', async () => {
    const cases: [AdminAction, unknown, RegExp][] = [
      ['getUser', {}, /username/],
      ['getUser', { username: 'has space' }, /whitespace/],
      ['getUser', { username: 42 }, /username/],
      ['listUsers', { pageSize: 61 }, /page size/],
      ['listUsers', { pageSize: '10' }, /pageSize/],
      ['listUsers', { search: { by: 'custom:plan', prefix: 'x' } }, /search\.by/],
      ['listUsers', { search: { by: 'email' } }, /search\.prefix/],
      ['listUsers', { status: 'asleep' }, /status/],
      ['createUser', { username: 'new-one' }, /sendInvitation/],
      [
        'createUser',
        { username: 'new-one', sendInvitation: true, attributes: { email: 1 } },
        /email/,
      ],
      [
        'createUser',
        { username: 'new-one', sendInvitation: true, attributes: ['x'] },
        /attributes/,
      ],
      [
        'updateAttributes',
        { username: 'helper', attributes: { 'bad name': 'x' } },
        /attribute name/,
      ],
      ['updateAttributes', { username: 'helper' }, /attributes/],
      ['addToGroup', { username: 'helper' }, /group name/],
      ['createGroup', { group: 'g', precedence: -1 }, /precedence/],
    ];
    for (const [action, body, message] of cases) {
      const answer = await call<AdminErrorBody>(action, body);
      expect(answer.status, `${action} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body.error).toBe('invalid_input');
      expect(answer.body.message).toMatch(message);
    }
    expect(h.server.emulator.api.getUser(POOL, 'new-one')).toBeUndefined();
    expect(audit).toEqual([]);
  });
});

describe('audit', () => {
  it('is awaited before the answer and sees the change already made', async () => {
    const order: string[] = [];
    handler = handlerWith({
      audit: async (event) => {
        order.push(`audit-start:${h.server.emulator.api.getUser(POOL, 'person-08')?.enabled}`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        order.push(`audit-end:${event.result}`);
      },
    });
    const response = await handler(request('disableUser', { username: 'person-08' }));
    order.push(`response:${response.status}`);
    expect(order).toEqual(['audit-start:false', 'audit-end:ok', 'response:200']);
    await ok('enableUser', { username: 'person-08' });
  });

  it('records who, what, on whom and when', async () => {
    const before = Date.now();
    await ok('addToGroup', { username: 'person-09', group: 'editors' });
    expect(audit).toEqual([
      {
        at: expect.any(Date),
        actor: { username: 'boss', sub: expect.any(String) },
        action: 'addToGroup',
        target: { username: 'person-09', group: 'editors' },
        result: 'ok',
      },
    ]);
    expect(audit[0]!.at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('a failing audit hook → 500 audit_failed (the change stands; the error goes to onError)', async () => {
    const errors: unknown[] = [];
    handler = handlerWith({
      audit: () => {
        throw new Error('log store down');
      },
      onError: (e) => errors.push(e),
    });
    expect(await call('disableUser', { username: 'person-11' })).toEqual({
      status: 500,
      body: { error: 'audit_failed' },
    });
    expect(h.server.emulator.api.getUser(POOL, 'person-11')?.enabled).toBe(false);
    expect(errors).toMatchObject([{ message: 'log store down' }]);
  });
});

describe('toNodeHandler (node:http / Express)', () => {
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    const node = toNodeHandler(handlerWith());
    server = createServer((req, res) => {
      if (req.url === '/api/admin/parsed') {
        // What express.json() leaves behind: the stream read, the value on req.body.
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          Object.assign(req, {
            body: JSON.parse(Buffer.concat(chunks).toString()),
            originalUrl: '/api/admin/getUser',
          });
          void node(req, res);
        });
        return;
      }
      void node(req, res);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server!.close(() => resolve())));

  const post = (path: string, body: string, as = 'boss') =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/json' },
      body,
    });

  it('serves the handler over HTTP', async () => {
    const response = await post('/api/admin/getUser', '{"username":"helper"}');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ username: 'helper' });
    expect((await post('/api/admin/listUsers', '{}', 'helper')).status).toBe(403);
  });

  it('refuses an oversized body without buffering it', async () => {
    const response = await post('/api/admin/listUsers', ' '.repeat(100_000));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'body_too_large' });
  });

  it('takes a body an Express body parser already read', async () => {
    const response = await post('/api/admin/parsed', '{"username":"boss"}');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ username: 'boss' });
  });
});
