/**
 * Groups, identity providers, app clients and the pool itself, against the emulator over HTTP
 * with signed calls.
 */
import { describe, expect, it } from 'vitest';
import { isCognitoError } from '@cognito-kit/core';
import { POOL, collect, rejection, useEmulator } from './harness.js';

const h = useEmulator();
const ROLE = 'arn:aws:iam::123456789012:role/editors';

describe('groups', () => {
  it('creates, reads, updates, lists and deletes groups', async () => {
    const created = await h.admin.groups.create('editors', {
      description: 'Can edit',
      precedence: 1,
      roleArn: ROLE,
    });
    expect(created).toMatchObject({
      name: 'editors',
      description: 'Can edit',
      precedence: 1,
      roleArn: ROLE,
    });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(
      isCognitoError(await rejection(h.admin.groups.create('editors')), 'GroupExistsException'),
    ).toBe(true);

    const updated = await h.admin.groups.update('editors', { description: 'Edits things' });
    expect(updated).toMatchObject({ description: 'Edits things', precedence: 1 });
    expect((await h.admin.groups.get('editors')).description).toBe('Edits things');

    await h.admin.groups.create('viewers');
    await h.admin.groups.create('admins');
    const page = await h.admin.groups.list({ limit: 2 });
    expect(page.items.map((g) => g.name)).toEqual(['admins', 'editors']);
    expect((await collect(h.admin.groups.all())).map((g) => g.name)).toEqual([
      'admins',
      'editors',
      'viewers',
    ]);

    await h.admin.groups.delete('viewers');
    expect(
      isCognitoError(await rejection(h.admin.groups.get('viewers')), 'ResourceNotFoundException'),
    ).toBe(true);
  });

  it('adds and removes members; lists a group’s users and a user’s groups', async () => {
    await h.admin.groups.create('members');
    await h.admin.users.create({ username: 'member-1', messageAction: 'SUPPRESS' });
    await h.admin.users.create({ username: 'member-2', messageAction: 'SUPPRESS' });
    await h.admin.groups.addUser('members', 'member-1');
    await h.admin.groups.addUser('members', 'member-2');
    await h.admin.groups.addUser('editors', 'member-1');

    const first = await h.admin.groups.users('members', { limit: 1 });
    expect(first.items.map((u) => u.username)).toEqual(['member-1']);
    expect(first.nextToken).toBeDefined();
    expect((await collect(h.admin.groups.allUsers('members'))).map((u) => u.username)).toEqual([
      'member-1',
      'member-2',
    ]);
    expect((await collect(h.admin.users.allGroups('member-1'))).map((g) => g.name)).toEqual([
      'editors',
      'members',
    ]);
    const page = await h.admin.users.groups('member-1', { limit: 1 });
    expect(page.items.map((g) => g.name)).toEqual(['editors']);

    await h.admin.groups.removeUser('members', 'member-1');
    expect((await collect(h.admin.groups.allUsers('members'))).map((u) => u.username)).toEqual([
      'member-2',
    ]);
    const unknown = await rejection(h.admin.groups.addUser('members', 'nobody'));
    expect(isCognitoError(unknown, 'UserNotFoundException')).toBe(true);
  });
});

describe('identity providers', () => {
  it('creates, describes, finds by identifier, updates, lists and deletes', async () => {
    const created = await h.admin.identityProviders.create({
      name: 'Corporate',
      type: 'OIDC',
      details: {
        client_id: 'corp-client',
        client_secret: 'corp-secret',
        attributes_request_method: 'GET',
        oidc_issuer: 'https://idp.example.com',
        authorize_scopes: 'openid email',
      },
      attributeMapping: { email: 'email' },
      identifiers: ['example.com'],
    });
    expect(created).toMatchObject({
      name: 'Corporate',
      type: 'OIDC',
      identifiers: ['example.com'],
    });
    expect(created.details['client_id']).toBe('corp-client');
    expect(created.createdAt).toBeInstanceOf(Date);
    const duplicate = await rejection(
      h.admin.identityProviders.create({ name: 'Corporate', type: 'OIDC', details: {} }),
    );
    expect(isCognitoError(duplicate, 'DuplicateProviderException')).toBe(true);

    expect((await h.admin.identityProviders.get('Corporate')).attributeMapping).toEqual({
      email: 'email',
    });
    expect((await h.admin.identityProviders.getByIdentifier('example.com')).name).toBe('Corporate');
    const noSuch = await rejection(h.admin.identityProviders.getByIdentifier('other.example'));
    expect(isCognitoError(noSuch, 'ResourceNotFoundException')).toBe(true);

    const updated = await h.admin.identityProviders.update('Corporate', {
      attributeMapping: { email: 'mail' },
    });
    expect(updated.attributeMapping).toEqual({ email: 'mail' });
    expect(updated.identifiers).toEqual(['example.com']);

    await h.admin.identityProviders.create({
      name: 'Google',
      type: 'Google',
      details: { client_id: 'g', client_secret: 's', authorize_scopes: 'email' },
    });
    const page = await h.admin.identityProviders.list({ limit: 1 });
    expect(page.items.map((p) => p.name)).toEqual(['Corporate']);
    expect((await collect(h.admin.identityProviders.all())).map((p) => [p.name, p.type])).toEqual([
      ['Corporate', 'OIDC'],
      ['Google', 'Google'],
    ]);

    await h.admin.identityProviders.delete('Google');
    expect(
      isCognitoError(
        await rejection(h.admin.identityProviders.get('Google')),
        'ResourceNotFoundException',
      ),
    ).toBe(true);
  });
});

describe('app clients', () => {
  it('creates clients with and without a secret, describes, lists and deletes them', async () => {
    const pub = await h.admin.appClients.create({
      name: 'web',
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    expect(pub.clientSecret).toBeUndefined();
    expect(pub.settings).toMatchObject({
      name: 'web',
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const confidential = await h.admin.appClients.create({ name: 'backend', generateSecret: true });
    expect(confidential.clientSecret).toMatch(/^\S{24,}$/);
    expect((await h.admin.appClients.get(confidential.clientId)).clientSecret).toBe(
      confidential.clientSecret,
    );

    const listed = await collect(h.admin.appClients.all());
    expect(listed.map((c) => c.clientId)).toEqual(
      expect.arrayContaining([pub.clientId, confidential.clientId]),
    );
    const page = await h.admin.appClients.list({ limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextToken).toBeDefined();

    await h.admin.appClients.delete(pub.clientId);
    expect(
      isCognitoError(
        await rejection(h.admin.appClients.get(pub.clientId)),
        'ResourceNotFoundException',
      ),
    ).toBe(true);
  });

  it('update changes the given settings and keeps the others (UpdateUserPoolClient resets omitted ones)', async () => {
    const client = await h.admin.appClients.create({
      name: 'keeps',
      explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      accessTokenValidity: 2,
      tokenValidityUnits: { AccessToken: 'hours' },
      refreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    });
    const updated = await h.admin.appClients.update(client.clientId, { name: 'renamed' });
    expect(updated.settings).toMatchObject({
      name: 'renamed',
      explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      accessTokenValidity: 2,
      refreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    });
    expect(updated.clientId).toBe(client.clientId);
  });
});

describe('the pool', () => {
  it('describes itself and gets / sets its MFA configuration', async () => {
    const pool = await h.admin.pool.describe();
    expect(pool.id).toBe(POOL);
    expect(pool.mfa).toBe('OPTIONAL');
    expect(pool.createdAt).toBeInstanceOf(Date);
    expect(await h.admin.pool.getMfaConfig()).toMatchObject({ mode: 'OPTIONAL', totp: true });
    const set = await h.admin.pool.setMfaConfig({ mode: 'ON', totp: true });
    expect(set).toMatchObject({ mode: 'ON', totp: true });
    expect((await h.admin.pool.getMfaConfig()).mode).toBe('ON');
    await h.admin.pool.setMfaConfig({
      mode: 'OPTIONAL',
      totp: true,
      email: { subject: 'Your code' },
    });
  });
});
