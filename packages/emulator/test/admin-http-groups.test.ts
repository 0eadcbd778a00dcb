/**
 * Admin API over HTTP with the AWS SDK v3: groups, memberships and identity providers.
 */
import { describe, expect, it } from 'vitest';
import { failure, POOL, sdk, useAdminServer } from './admin-harness.js';

const h = useAdminServer();

describe('groups', () => {
  it('creates groups, manages membership and deletes', async () => {
    await h.client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'dave',
        MessageAction: 'SUPPRESS',
      }),
    );
    const created = await h.client.send(
      new sdk.CreateGroupCommand({
        UserPoolId: POOL,
        GroupName: 'editors',
        Description: 'Can edit',
        Precedence: 5,
      }),
    );
    expect(created.Group).toMatchObject({
      GroupName: 'editors',
      UserPoolId: POOL,
      Description: 'Can edit',
      Precedence: 5,
    });
    expect(created.Group?.CreationDate).toBeInstanceOf(Date);
    const duplicate = await failure(
      h.client.send(new sdk.CreateGroupCommand({ UserPoolId: POOL, GroupName: 'editors' })),
    );
    expect(duplicate.name).toBe('GroupExistsException');
    await h.client.send(new sdk.CreateGroupCommand({ UserPoolId: POOL, GroupName: 'viewers' }));

    const updated = await h.client.send(
      new sdk.UpdateGroupCommand({
        UserPoolId: POOL,
        GroupName: 'viewers',
        Description: 'Read only',
      }),
    );
    expect(updated.Group?.Description).toBe('Read only');
    expect(
      (await h.client.send(new sdk.GetGroupCommand({ UserPoolId: POOL, GroupName: 'editors' })))
        .Group?.Precedence,
    ).toBe(5);
    const page1 = await h.client.send(new sdk.ListGroupsCommand({ UserPoolId: POOL, Limit: 1 }));
    expect(page1.Groups?.map((g) => g.GroupName)).toEqual(['editors']);
    const page2 = await h.client.send(
      new sdk.ListGroupsCommand({ UserPoolId: POOL, Limit: 1, NextToken: page1.NextToken }),
    );
    expect(page2.Groups?.map((g) => g.GroupName)).toEqual(['viewers']);
    expect(page2.NextToken).toBeUndefined();

    await h.client.send(
      new sdk.AdminAddUserToGroupCommand({
        UserPoolId: POOL,
        Username: 'dave',
        GroupName: 'editors',
      }),
    );
    await h.client.send(
      new sdk.AdminAddUserToGroupCommand({
        UserPoolId: POOL,
        Username: 'dave',
        GroupName: 'viewers',
      }),
    );
    const forUser = await h.client.send(
      new sdk.AdminListGroupsForUserCommand({ UserPoolId: POOL, Username: 'dave' }),
    );
    expect(forUser.Groups?.map((g) => g.GroupName)).toEqual(['editors', 'viewers']);
    const members = await h.client.send(
      new sdk.ListUsersInGroupCommand({ UserPoolId: POOL, GroupName: 'editors' }),
    );
    expect(members.Users?.map((u) => u.Username)).toEqual(['dave']);

    await h.client.send(
      new sdk.AdminRemoveUserFromGroupCommand({
        UserPoolId: POOL,
        Username: 'dave',
        GroupName: 'viewers',
      }),
    );
    await h.client.send(new sdk.DeleteGroupCommand({ UserPoolId: POOL, GroupName: 'editors' }));
    const left = await h.client.send(
      new sdk.AdminListGroupsForUserCommand({ UserPoolId: POOL, Username: 'dave' }),
    );
    expect(left.Groups).toEqual([]);
    const gone = await failure(
      h.client.send(new sdk.GetGroupCommand({ UserPoolId: POOL, GroupName: 'editors' })),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });
});

describe('identity providers', () => {
  it('creates, describes, updates, lists and deletes', async () => {
    const created = await h.client.send(
      new sdk.CreateIdentityProviderCommand({
        UserPoolId: POOL,
        ProviderName: 'Google',
        ProviderType: 'Google',
        ProviderDetails: {
          client_id: 'gid',
          client_secret: 'gsecret',
          authorize_scopes: 'openid email',
        },
        AttributeMapping: { email: 'email' },
      }),
    );
    expect(created.IdentityProvider).toMatchObject({
      ProviderName: 'Google',
      ProviderType: 'Google',
      AttributeMapping: { email: 'email' },
    });
    const duplicate = await failure(
      h.client.send(
        new sdk.CreateIdentityProviderCommand({
          UserPoolId: POOL,
          ProviderName: 'Google',
          ProviderType: 'Google',
          ProviderDetails: {},
        }),
      ),
    );
    expect(duplicate.name).toBe('DuplicateProviderException');
    await h.client.send(
      new sdk.UpdateIdentityProviderCommand({
        UserPoolId: POOL,
        ProviderName: 'Google',
        IdpIdentifiers: ['g'],
      }),
    );
    const described = await h.client.send(
      new sdk.DescribeIdentityProviderCommand({ UserPoolId: POOL, ProviderName: 'Google' }),
    );
    expect(described.IdentityProvider?.IdpIdentifiers).toEqual(['g']);
    const listed = await h.client.send(new sdk.ListIdentityProvidersCommand({ UserPoolId: POOL }));
    expect(listed.Providers?.map((p) => [p.ProviderName, p.ProviderType])).toEqual([
      ['Google', 'Google'],
    ]);
    await h.client.send(
      new sdk.DeleteIdentityProviderCommand({ UserPoolId: POOL, ProviderName: 'Google' }),
    );
    const gone = await failure(
      h.client.send(
        new sdk.DescribeIdentityProviderCommand({ UserPoolId: POOL, ProviderName: 'Google' }),
      ),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });
});
