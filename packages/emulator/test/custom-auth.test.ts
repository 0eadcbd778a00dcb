/**
 * CUSTOM_AUTH through the pool's declarative `customAuth` (the stand-in for the Define/Create/
 * VerifyAuthChallenge triggers): fixed answers, codes sent to the outbox, several challenges in
 * a row, the SRP password step first, attempts, and amazon-cognito-identity-js driving it.
 */
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomAuthSeed, Emulator, PoolSeed } from '../src/index.js';
import { SeedError, validateSeed } from '../src/engine/seed/seed.js';
import { aj, referencePool, routeFetchTo } from './helpers/reference-client.js';
import { SIGNED_NOW, signedCall } from './helpers/signed.js';
import { startSrp } from './helpers/srp-client.js';
import { CLIENT_ID, PASSWORD, POOL_ID, call, emulatorWith } from './helpers/wire.js';

const STRICT_CLIENT = 'strictclient1';

function pool(customAuth: CustomAuthSeed | undefined, overrides: Partial<PoolSeed> = {}): PoolSeed {
  return {
    id: POOL_ID,
    aliasAttributes: ['email'],
    mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
    ...(customAuth && { customAuth }),
    clients: [
      {
        id: CLIENT_ID,
        explicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        preventUserExistenceErrors: 'LEGACY',
      },
      { id: STRICT_CLIENT, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'] },
      { id: 'nocustom1', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
    ],
    users: [
      {
        username: 'alice',
        password: PASSWORD,
        attributes: { email: 'alice@example.com', email_verified: true },
        // Custom challenges stand in for MFA: this authenticator is never asked for.
        mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', preferred: 'TOTP' },
      },
      {
        username: 'newbie',
        password: PASSWORD,
        status: 'FORCE_CHANGE_PASSWORD',
        attributes: { email: 'newbie@example.com' },
      },
      { username: 'nomail', password: PASSWORD },
    ],
    ...overrides,
  };
}

function initiate(e: Emulator, username: string, clientId = CLIENT_ID, extra = {}) {
  return call(e, 'InitiateAuth', {
    AuthFlow: 'CUSTOM_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, ...extra },
  });
}

function respond(e: Emulator, session: unknown, answer: string, username = 'alice') {
  return call(e, 'RespondToAuthChallenge', {
    ClientId: CLIENT_ID,
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: session,
    ChallengeResponses: { USERNAME: username, ANSWER: answer },
  });
}

const FIXED: CustomAuthSeed = {
  challenges: [{ answer: 'open sesame', publicParameters: { question: 'The magic words?' } }],
  publicParameters: { kind: 'riddle' },
};

describe('CUSTOM_AUTH configuration', () => {
  it('without customAuth answers that no trigger is configured', async () => {
    const e = emulatorWith([pool(undefined)]);
    expect(await initiate(e, 'alice')).toMatchObject({
      type: 'InvalidParameterException',
      message: 'Custom auth lambda trigger is not configured for the user pool.',
    });
  });

  it('needs ALLOW_CUSTOM_AUTH on the app client', async () => {
    const e = emulatorWith([pool(FIXED)]);
    expect(await initiate(e, 'alice', 'nocustom1')).toMatchObject({
      type: 'InvalidParameterException',
      message: 'CUSTOM_AUTH flow not enabled for this client',
    });
  });

  it('validates the seed and names every problem', () => {
    const problems = (customAuth: unknown): readonly string[] => {
      try {
        validateSeed({ pools: [{ id: POOL_ID, customAuth }] });
        return [];
      } catch (error) {
        if (error instanceof SeedError) return error.problems;
        throw error;
      }
    };
    expect(problems(FIXED)).toEqual([]);
    expect(problems({ challenges: [] })).toEqual([
      'pools[0].customAuth.challenges: must be an array of 1 to 5 challenges',
    ]);
    expect(
      problems({
        srpFirst: 'yes',
        maxAttempts: 0,
        publicParameters: { USERNAME: 'x', n: 1 },
        challenges: [{}, { answer: 'a', code: 'EMAIL' }, { code: 'PIGEON' }, { answer: '' }],
      }),
    ).toEqual([
      'pools[0].customAuth.srpFirst: must be true or false',
      'pools[0].customAuth.maxAttempts: must be an integer from 1 to 10',
      'pools[0].customAuth.publicParameters.USERNAME: is set by the emulator',
      'pools[0].customAuth.publicParameters.n: must be a string',
      'pools[0].customAuth.challenges[0]: needs either "answer" (a fixed answer) or "code" (EMAIL or SMS)',
      'pools[0].customAuth.challenges[1]: needs either "answer" (a fixed answer) or "code" (EMAIL or SMS)',
      'pools[0].customAuth.challenges[2].code: must be one of EMAIL, SMS',
      'pools[0].customAuth.challenges[3].answer: must be a non-empty string',
    ]);
  });
});

describe('CUSTOM_AUTH challenges', () => {
  it('asks the fixed question with its public parameters and signs in on the right answer', async () => {
    const e = emulatorWith([pool(FIXED)]);
    // An alias signs in too; USERNAME is the internal username.
    const started = await initiate(e, 'alice@example.com');
    expect(started.body).toMatchObject({
      ChallengeName: 'CUSTOM_CHALLENGE',
      ChallengeParameters: { kind: 'riddle', question: 'The magic words?', USERNAME: 'alice' },
    });
    expect(typeof started.body['Session']).toBe('string');
    const done = await respond(e, started.body['Session'], 'open sesame');
    expect(done.status).toBe(200);
    const tokens = done.body['AuthenticationResult'] as { AccessToken: string; IdToken: string };
    // No MFA after the custom challenges, though alice prefers TOTP.
    expect(decodeJwt(tokens.AccessToken)).toMatchObject({ username: 'alice' });
    expect(decodeJwt(tokens.IdToken)['email']).toBe('alice@example.com');
  });

  it('asks again after a wrong answer, with a new Session, until maxAttempts', async () => {
    const e = emulatorWith([pool({ ...FIXED, maxAttempts: 3 })]);
    const started = await initiate(e, 'alice');
    const again = await respond(e, started.body['Session'], 'abracadabra');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      ChallengeName: 'CUSTOM_CHALLENGE',
      ChallengeParameters: { question: 'The magic words?', USERNAME: 'alice' },
    });
    expect(again.body['Session']).not.toBe(started.body['Session']);
    expect((await respond(e, started.body['Session'], 'open sesame')).message).toBe(
      'Invalid session for the user.',
    );
    const third = await respond(e, again.body['Session'], 'hocus pocus');
    expect(third.body['ChallengeName']).toBe('CUSTOM_CHALLENGE');
    const failed = await respond(e, third.body['Session'], 'still wrong');
    expect(failed).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect((await respond(e, third.body['Session'], 'open sesame')).message).toBe(
      'Invalid session for the user.',
    );
  });

  it('sends a code to the e-mail address and accepts it (also after a wrong try)', async () => {
    const e = emulatorWith([pool({ challenges: [{ code: 'EMAIL' }], maxAttempts: 2 })]);
    const started = await initiate(e, 'alice');
    expect(started.body['ChallengeParameters']).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'a***@e***.com',
      USERNAME: 'alice',
    });
    const sent = e.api.outbox.list({ username: 'alice' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      medium: 'EMAIL',
      destination: 'alice@example.com',
      purpose: 'CUSTOM_CHALLENGE',
    });
    const code = sent[0]?.code ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    const again = await respond(e, started.body['Session'], wrong);
    expect(again.body['ChallengeName']).toBe('CUSTOM_CHALLENGE');
    expect(e.api.outbox.list({ username: 'alice' })).toHaveLength(1);
    const done = await respond(e, again.body['Session'], code);
    expect(done.body['AuthenticationResult']).toBeDefined();
  });

  it('refuses a code challenge for a user without the address, as a failed trigger', async () => {
    const e = emulatorWith([pool({ challenges: [{ code: 'SMS' }] })]);
    expect(await initiate(e, 'alice')).toMatchObject({
      type: 'UserLambdaValidationException',
      message: 'CreateAuthChallenge failed with error No phone number to send the code to.',
    });
  });

  it('runs several challenges in order, each with its own parameters', async () => {
    const e = emulatorWith([
      pool({
        challenges: [
          { answer: 'blue', publicParameters: { question: 'Favourite colour?' } },
          { code: 'EMAIL', publicParameters: { step: 'code' } },
        ],
      }),
    ]);
    const first = await initiate(e, 'alice');
    expect(e.api.outbox.list()).toHaveLength(0);
    const second = await respond(e, first.body['Session'], 'blue');
    expect(second.body).toMatchObject({
      ChallengeName: 'CUSTOM_CHALLENGE',
      ChallengeParameters: { step: 'code', CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' },
    });
    expect(second.body['ChallengeParameters']).not.toHaveProperty('question');
    const done = await respond(e, second.body['Session'], e.api.outbox.lastCode('alice') ?? '');
    expect(done.body['AuthenticationResult']).toBeDefined();
  });

  it('continues to NEW_PASSWORD_REQUIRED for a user who must change the password', async () => {
    const e = emulatorWith([pool(FIXED)]);
    const started = await initiate(e, 'newbie');
    const next = await respond(e, started.body['Session'], 'open sesame', 'newbie');
    expect(next.body['ChallengeName']).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('reports unknown users per PreventUserExistenceErrors', async () => {
    const e = emulatorWith([pool(FIXED)]);
    expect((await initiate(e, 'nobody')).type).toBe('UserNotFoundException');
    expect(await initiate(e, 'nobody', STRICT_CLIENT)).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});

describe('CUSTOM_AUTH through the admin API', () => {
  it('AdminInitiateAuth / AdminRespondToAuthChallenge run the same challenges', async () => {
    const e = emulatorWith([pool(FIXED, { deviceTracking: 'always' })], { now: SIGNED_NOW });
    const started = await signedCall(e, 'AdminInitiateAuth', {
      UserPoolId: POOL_ID,
      ClientId: CLIENT_ID,
      AuthFlow: 'CUSTOM_AUTH',
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(started.body).toMatchObject({
      ChallengeName: 'CUSTOM_CHALLENGE',
      ChallengeParameters: { question: 'The magic words?', USERNAME: 'alice' },
    });
    const done = await signedCall(e, 'AdminRespondToAuthChallenge', {
      UserPoolId: POOL_ID,
      ClientId: CLIENT_ID,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: started.body['Session'],
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'open sesame' },
    });
    const result = done.body['AuthenticationResult'] as Record<string, unknown>;
    expect(result['AccessToken']).toBeDefined();
    // Admin sign-ins never track devices.
    expect(result['NewDeviceMetadata']).toBeUndefined();
  });
});

describe('CUSTOM_AUTH with srpFirst', () => {
  const SRP_FIRST: CustomAuthSeed = { srpFirst: true, challenges: [{ code: 'EMAIL' }] };

  it('needs SRP_A, then checks the password before the custom challenge', async () => {
    const e = emulatorWith([pool(SRP_FIRST)]);
    expect(await initiate(e, 'alice')).toMatchObject({
      type: 'InvalidParameterException',
      message: 'Missing required parameter SRP_A',
    });
    const exchange = await startSrp(e, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: PASSWORD,
      authFlow: 'CUSTOM_AUTH',
      authParameters: { CHALLENGE_NAME: 'SRP_A' },
    });
    expect(exchange.start.body['ChallengeName']).toBe('PASSWORD_VERIFIER');
    expect(e.api.outbox.list()).toHaveLength(0);
    const custom = await exchange.answer();
    expect(custom.body['ChallengeName']).toBe('CUSTOM_CHALLENGE');
    const done = await respond(e, custom.body['Session'], e.api.outbox.lastCode('alice') ?? '');
    expect(done.body['AuthenticationResult']).toBeDefined();
  });

  it('a wrong password ends it at PASSWORD_VERIFIER and sends no code', async () => {
    const e = emulatorWith([pool(SRP_FIRST)]);
    const exchange = await startSrp(e, {
      poolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      password: 'Wrong-Passw0rd',
      authFlow: 'CUSTOM_AUTH',
      authParameters: { CHALLENGE_NAME: 'SRP_A' },
    });
    expect((await exchange.answer()).type).toBe('NotAuthorizedException');
    expect(e.api.outbox.list()).toHaveLength(0);
  });
});

describe('CUSTOM_AUTH with amazon-cognito-identity-js', () => {
  let undo: (() => void) | undefined;
  afterEach(() => undo?.());

  type Outcome = { kind: string; parameters?: unknown; error?: { code?: string } };
  const callbacks = (resolve: (o: Outcome) => void) => ({
    onSuccess: () => resolve({ kind: 'success' }),
    onFailure: (error: { code?: string }) => resolve({ kind: 'failure', error }),
    customChallenge: (parameters: unknown) => resolve({ kind: 'custom', parameters }),
  });

  it('passwordless: initiateAuth, then sendCustomChallengeAnswer', async () => {
    const e = emulatorWith([pool(FIXED)]);
    undo = routeFetchTo(e);
    const user = new aj.CognitoUser({ Username: 'alice', Pool: referencePool(POOL_ID, CLIENT_ID) });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const details = new aj.AuthenticationDetails({ Username: 'alice' });
    const first = await new Promise<Outcome>((resolve) =>
      user.initiateAuth(details, callbacks(resolve)),
    );
    expect(first).toMatchObject({ kind: 'custom', parameters: { question: 'The magic words?' } });
    const wrong = await new Promise<Outcome>((resolve) =>
      user.sendCustomChallengeAnswer('nope', callbacks(resolve)),
    );
    expect(wrong.kind).toBe('custom');
    const done = await new Promise<Outcome>((resolve) =>
      user.sendCustomChallengeAnswer('open sesame', callbacks(resolve)),
    );
    expect(done.kind).toBe('success');
  });

  it('password first: authenticateUser with CUSTOM_AUTH, then the e-mailed code', async () => {
    const e = emulatorWith([pool({ srpFirst: true, challenges: [{ code: 'EMAIL' }] })]);
    undo = routeFetchTo(e);
    const user = new aj.CognitoUser({ Username: 'alice', Pool: referencePool(POOL_ID, CLIENT_ID) });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const details = new aj.AuthenticationDetails({ Username: 'alice', Password: PASSWORD });
    const first = await new Promise<Outcome>((resolve) =>
      user.authenticateUser(details, callbacks(resolve)),
    );
    expect(first).toMatchObject({
      kind: 'custom',
      parameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' },
    });
    const done = await new Promise<Outcome>((resolve) =>
      user.sendCustomChallengeAnswer(e.api.outbox.lastCode('alice') ?? '', callbacks(resolve)),
    );
    expect(done.kind).toBe('success');
  });
});
