/**
 * Required standard attributes (`requiredAttributes` in the seed, `Required: true` in a
 * CreateUserPool schema): SignUp and AdminCreateUser refuse users without them, and
 * NEW_PASSWORD_REQUIRED lists the missing ones and insists on them — checked on the wire and
 * with amazon-cognito-identity-js.
 */
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator, PoolSeed } from '../src/index.js';
import { SeedError, validateSeed } from '../src/engine/seed/seed.js';
import { aj, authenticate, referencePool, routeFetchTo } from './helpers/reference-client.js';
import { SIGNED_NOW, signedCall } from './helpers/signed.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith } from './helpers/wire.js';

const TEMPORARY = 'Temp-Passw0rd!';
const NEW_PASSWORD = 'N3w-Passw0rd!';

function pool(overrides: Partial<PoolSeed> = {}): PoolSeed {
  return basicPool({
    requiredAttributes: ['name', 'family_name'],
    users: [
      {
        username: 'newbie',
        password: TEMPORARY,
        status: 'FORCE_CHANGE_PASSWORD',
        attributes: { email: 'newbie@example.com', family_name: 'Nova' },
      },
      {
        username: 'complete',
        password: TEMPORARY,
        status: 'FORCE_CHANGE_PASSWORD',
        attributes: { name: 'Cleo', family_name: 'Complete' },
      },
    ],
    ...overrides,
  });
}

function signUp(e: Emulator, username: string, attributes: Record<string, string>) {
  return call(e, 'SignUp', {
    ClientId: CLIENT_ID,
    Username: username,
    Password: PASSWORD,
    UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
  });
}

async function newPasswordChallenge(e: Emulator, username: string) {
  const answer = await call(e, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: CLIENT_ID,
    AuthParameters: { USERNAME: username, PASSWORD: TEMPORARY },
  });
  expect(answer.body['ChallengeName']).toBe('NEW_PASSWORD_REQUIRED');
  return {
    session: answer.body['Session'] as string,
    params: answer.body['ChallengeParameters'] as Record<string, string>,
  };
}

function answerNewPassword(
  e: Emulator,
  username: string,
  session: string,
  attributes: Record<string, string>,
) {
  return call(e, 'RespondToAuthChallenge', {
    ClientId: CLIENT_ID,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: session,
    ChallengeResponses: {
      USERNAME: username,
      NEW_PASSWORD,
      ...Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`userAttributes.${k}`, v])),
    },
  });
}

describe('required attributes at sign-up', () => {
  it('SignUp refuses a user without every required attribute and stores nothing', async () => {
    const e = emulatorWith([pool()]);
    const missing = await signUp(e, 'sam', { family_name: 'Smith' });
    expect(missing).toMatchObject({
      status: 400,
      type: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: name: The attribute is required',
    });
    const both = await signUp(e, 'sam', { name: '' });
    expect(both.message).toBe(
      'Attributes did not conform to the schema: name: The attribute is required\nfamily_name: The attribute is required',
    );
    expect(e.api.getUser(POOL_ID, 'sam')).toBeUndefined();
    expect((await signUp(e, 'sam', { name: 'Sam', family_name: 'Smith' })).status).toBe(200);
    expect(e.api.getUser(POOL_ID, 'sam')?.attributes['name']).toBe('Sam');
  });

  it('counts the username as the e-mail in pools that sign in with e-mail', async () => {
    const e = emulatorWith([
      pool({ usernameAttributes: ['email'], requiredAttributes: ['email'], users: [] }),
    ]);
    expect((await signUp(e, 'una@example.com', {})).status).toBe(200);
  });

  it('AdminCreateUser refuses a user without them too', async () => {
    const e = emulatorWith([pool()], { now: SIGNED_NOW });
    const refused = await signedCall(e, 'AdminCreateUser', {
      UserPoolId: POOL_ID,
      Username: 'adele',
      UserAttributes: [{ Name: 'name', Value: 'Adele' }],
      MessageAction: 'SUPPRESS',
    });
    expect(refused).toMatchObject({
      type: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: family_name: The attribute is required',
    });
    expect(e.api.getUser(POOL_ID, 'adele')).toBeUndefined();
    const created = await signedCall(e, 'AdminCreateUser', {
      UserPoolId: POOL_ID,
      Username: 'adele',
      UserAttributes: [
        { Name: 'name', Value: 'Adele' },
        { Name: 'family_name', Value: 'Adkins' },
      ],
      MessageAction: 'SUPPRESS',
    });
    expect(created.status).toBe(200);
  });
});

describe('required attributes in NEW_PASSWORD_REQUIRED', () => {
  it('lists the ones the user lacks and refuses an answer without them', async () => {
    const e = emulatorWith([pool()]);
    const { session, params } = await newPasswordChallenge(e, 'newbie');
    expect(JSON.parse(params['requiredAttributes'] ?? '')).toEqual(['userAttributes.name']);
    const refused = await answerNewPassword(e, 'newbie', session, { locale: 'en' });
    expect(refused).toMatchObject({
      type: 'InvalidParameterException',
      message: 'Invalid attributes given, name is missing',
    });
    // Nothing changed, and the same session may answer again.
    expect(e.api.getUser(POOL_ID, 'newbie')).toMatchObject({
      status: 'FORCE_CHANGE_PASSWORD',
      password: TEMPORARY,
    });
    expect(e.api.getUser(POOL_ID, 'newbie')?.attributes['locale']).toBeUndefined();
    const done = await answerNewPassword(e, 'newbie', session, { name: 'Nina' });
    expect(done.status).toBe(200);
    const tokens = done.body['AuthenticationResult'] as { IdToken: string };
    expect(decodeJwt(tokens.IdToken)).toMatchObject({ name: 'Nina', family_name: 'Nova' });
    expect(e.api.getUser(POOL_ID, 'newbie')?.status).toBe('CONFIRMED');
  });

  it('lists none when the user already has them, and none in pools without requirements', async () => {
    const e = emulatorWith([pool()]);
    expect((await newPasswordChallenge(e, 'complete')).params['requiredAttributes']).toBe('[]');
    const plain = emulatorWith([pool({ requiredAttributes: [] })]);
    const { session, params } = await newPasswordChallenge(plain, 'newbie');
    expect(params['requiredAttributes']).toBe('[]');
    expect((await answerNewPassword(plain, 'newbie', session, {})).status).toBe(200);
  });

  describe('with amazon-cognito-identity-js', () => {
    let undo: (() => void) | undefined;
    afterEach(() => undo?.());

    it('its newPasswordRequired callback names the attribute, and its answer completes', async () => {
      const e = emulatorWith([pool()]);
      undo = routeFetchTo(e);
      const user = new aj.CognitoUser({
        Username: 'newbie',
        Pool: referencePool(POOL_ID, CLIENT_ID),
      });
      const outcome = await authenticate(user, 'newbie', TEMPORARY);
      expect(outcome).toMatchObject({
        kind: 'challenge',
        name: 'NEW_PASSWORD_REQUIRED',
        parameters: { requiredAttributes: ['name'] },
      });
      const completed = await new Promise<string>((resolve) => {
        user.completeNewPasswordChallenge(
          NEW_PASSWORD,
          { name: 'Nina' },
          {
            onSuccess: () => resolve('success'),
            onFailure: (error: { code?: string }) => resolve(error.code ?? 'failure'),
          },
        );
      });
      expect(completed).toBe('success');
      expect(e.api.getUser(POOL_ID, 'newbie')?.attributes['name']).toBe('Nina');
    });
  });
});

describe('required attributes cannot be deleted', () => {
  const settled = pool({
    users: [
      {
        username: 'settled',
        password: PASSWORD,
        attributes: { name: 'Sol', family_name: 'Settled', nickname: 'sol' },
      },
      { username: 'lacking', password: PASSWORD, attributes: { name: 'Lu', nickname: 'lu' } },
    ],
  });
  const refusal = {
    status: 400,
    type: 'InvalidParameterException',
    message: 'Attributes did not conform to the schema: name: The attribute is required',
  };

  it('DeleteUserAttributes refuses a required attribute and deletes nothing of that call', async () => {
    const e = emulatorWith([settled]);
    const signIn = await call(e, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'settled', PASSWORD },
    });
    const { AccessToken } = signIn.body['AuthenticationResult'] as { AccessToken: string };
    const refused = await call(e, 'DeleteUserAttributes', {
      AccessToken,
      UserAttributeNames: ['nickname', 'name'],
    });
    expect(refused).toMatchObject(refusal);
    expect(e.api.getUser(POOL_ID, 'settled')?.attributes).toMatchObject({
      name: 'Sol',
      nickname: 'sol',
    });
    const allowed = await call(e, 'DeleteUserAttributes', {
      AccessToken,
      UserAttributeNames: ['nickname'],
    });
    expect(allowed.status).toBe(200);
    expect(e.api.getUser(POOL_ID, 'settled')?.attributes['nickname']).toBeUndefined();
  });

  it('AdminDeleteUserAttributes refuses it too', async () => {
    const e = emulatorWith([settled], { now: SIGNED_NOW });
    const input = { UserPoolId: POOL_ID, Username: 'settled' };
    const refused = await signedCall(e, 'AdminDeleteUserAttributes', {
      ...input,
      UserAttributeNames: ['name'],
    });
    expect(refused).toMatchObject(refusal);
    expect(e.api.getUser(POOL_ID, 'settled')?.attributes['name']).toBe('Sol');
    const allowed = await signedCall(e, 'AdminDeleteUserAttributes', {
      ...input,
      UserAttributeNames: ['nickname'],
    });
    expect(allowed.status).toBe(200);
    // A required attribute the user never had does not block deleting another one.
    const lacking = await signedCall(e, 'AdminDeleteUserAttributes', {
      UserPoolId: POOL_ID,
      Username: 'lacking',
      UserAttributeNames: ['nickname'],
    });
    expect(lacking.status).toBe(200);
  });
});

describe('required attributes in the seed and the admin API', () => {
  it('the seed accepts standard attributes only, each once', () => {
    const problems = (requiredAttributes: unknown): readonly string[] => {
      try {
        validateSeed({ pools: [{ id: POOL_ID, requiredAttributes }] });
        return [];
      } catch (error) {
        if (error instanceof SeedError) return error.problems;
        throw error;
      }
    };
    expect(problems(['name', 'email'])).toEqual([]);
    expect(problems(['sub'])[0]).toMatch(/^pools\[0\]\.requiredAttributes\[0\]: must be one of/);
    expect(problems(['custom:tier'])).toHaveLength(1);
    expect(problems(['name', 'name'])).toEqual([
      'pools[0].requiredAttributes[1]: duplicate attribute "name"',
    ]);
    expect(problems('name')).toEqual(['pools[0].requiredAttributes: must be an array']);
  });

  it('CreateUserPool takes Required from its Schema and DescribeUserPool reports it', async () => {
    const e = emulatorWith([], { now: SIGNED_NOW });
    const created = await signedCall(e, 'CreateUserPool', {
      PoolName: 'required',
      Schema: [{ Name: 'given_name', AttributeDataType: 'String', Required: true, Mutable: true }],
    });
    const id = (created.body['UserPool'] as { Id: string }).Id;
    const described = await signedCall(e, 'DescribeUserPool', { UserPoolId: id });
    const schema = (
      described.body['UserPool'] as {
        SchemaAttributes: { Name: string; Required: boolean }[];
      }
    ).SchemaAttributes;
    const required = schema.filter((a) => a.Required).map((a) => a.Name);
    expect(required.sort()).toEqual(['given_name', 'sub']);
    const custom = await signedCall(e, 'CreateUserPool', {
      PoolName: 'required2',
      Schema: [{ Name: 'tier', AttributeDataType: 'String', Required: true }],
    });
    expect(custom.type).toBe('InvalidParameterException');
  });
});
