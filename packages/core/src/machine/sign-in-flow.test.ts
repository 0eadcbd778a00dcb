import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import type { AuthEffect, AuthEvent, AuthStepOutput } from './events.js';
import { signIn, tokens, user } from './fixtures.test-helpers.js';
import { INITIAL_MACHINE_STATE, type MachineState, type PresentedDevice } from './state.js';
import { transition } from './transition.js';

/** Feeds events one after another, returning the final machine and every effect emitted. */
function run(events: AuthEvent[], from: MachineState = signedOut()) {
  let machine = from;
  const effects: AuthEffect[] = [];
  for (const event of events) {
    const [next, fx] = transition(machine, event);
    machine = next;
    effects.push(...fx);
  }
  return { machine, effects, last: effects.at(-1) };
}

function signedOut(): MachineState {
  return transition(INITIAL_MACHINE_STATE, { type: 'RESTORED', user: null })[0];
}

const result = (output: AuthStepOutput, attempt = 1): AuthEvent => ({
  type: 'AUTH_RESULT',
  attempt,
  output,
});
const failed = (
  code: CognitoError['code'],
  step: AuthEffect['type'] = 'respond',
  device?: PresentedDevice,
): AuthEvent => ({
  type: 'STEP_FAILED',
  attempt: 1,
  step,
  error: new CognitoError({ code, message: code }),
  device,
});

const verifier: AuthStepOutput = {
  ChallengeName: 'PASSWORD_VERIFIER',
  ChallengeParameters: {
    SALT: 'ab',
    SRP_B: 'cd',
    SECRET_BLOCK: 'c2VjcmV0',
    USERNAME: 'uuid-1',
    USER_ID_FOR_SRP: 'uuid-1',
  },
};
const sms: AuthStepOutput = {
  ChallengeName: 'SMS_MFA',
  Session: 'session-after-verifier',
  ChallengeParameters: {
    CODE_DELIVERY_DESTINATION: '+*******1234',
    CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
    USERNAME: 'uuid-1',
  },
};

describe('USER_SRP_AUTH sign-in', () => {
  it('answers PASSWORD_VERIFIER with USER_ID_FOR_SRP and later challenges with the internal name', () => {
    const { machine, effects } = run([
      signIn(),
      result(verifier),
      result(sms),
      { type: 'ANSWER', answer: { name: 'SMS_MFA', code: ' 123456 ' } },
    ]);
    expect(effects[1]).toMatchObject({
      type: 'answerPasswordVerifier',
      userIdForSrp: 'uuid-1',
      salt: 'ab',
      srpB: 'cd',
      secretBlock: 'c2VjcmV0',
      session: undefined,
    });
    expect(effects[2]).toMatchObject({
      type: 'respond',
      challengeName: 'SMS_MFA',
      responses: { USERNAME: 'uuid-1', SMS_MFA_CODE: '123456' },
      session: 'session-after-verifier',
    });
    expect(machine.state).toMatchObject({ status: 'challenge', username: 'alice@example.com' });
  });

  it('verifies tokens before signing in, then follows the remember-device policy', () => {
    const withDevice = {
      AuthenticationResult: {
        ...tokens,
        NewDeviceMetadata: { DeviceKey: 'eu-west-1_d1', DeviceGroupKey: 'g1' },
      },
    };
    const steps = (policy: 'always' | 'ask' | 'never') =>
      run([
        signIn({ rememberDevice: policy }),
        result(verifier),
        result(withDevice),
        { type: 'SESSION_ESTABLISHED', attempt: 1, user },
      ]);
    const always = steps('always');
    expect(always.effects[2]).toMatchObject({ type: 'establishSession', username: 'uuid-1' });
    expect(always.machine.state.status).toBe('signedIn');
    // The device belongs to the internal name (the session's), not to the typed alias.
    expect(always.effects.slice(3)).toEqual([
      { type: 'linkDeviceOwner', login: 'alice@example.com', owner: 'internal-1' },
      {
        type: 'confirmDevice',
        deviceOwner: 'internal-1',
        device: { deviceKey: 'eu-west-1_d1', deviceGroupKey: 'g1' },
      },
    ]);
    const ask = steps('ask');
    expect(ask.machine.state.status).toBe('rememberDevice');
    expect(ask.effects.slice(3).map((e) => e.type)).toEqual(['linkDeviceOwner']);
    const declined = run([{ type: 'REMEMBER_DEVICE', remember: false }], ask.machine);
    expect(declined.machine.state.status).toBe('signedIn');
    expect(declined.effects).toEqual([]);
    const accepted = run([{ type: 'REMEMBER_DEVICE', remember: true }], ask.machine);
    expect(accepted.effects).toEqual([
      {
        type: 'confirmDevice',
        deviceOwner: 'internal-1',
        device: { deviceKey: 'eu-west-1_d1', deviceGroupKey: 'g1' },
      },
    ]);
    const never = steps('never');
    expect(never.machine.state.status).toBe('signedIn');
    expect(never.effects.slice(3).map((e) => e.type)).toEqual(['linkDeviceOwner']);
  });

  it('writes no alias pointer when the typed name is the internal one', () => {
    const { machine, effects } = run([
      signIn({ username: 'internal-1', rememberDevice: 'always' }),
      result({
        AuthenticationResult: {
          ...tokens,
          NewDeviceMetadata: { DeviceKey: 'eu-west-1_d1', DeviceGroupKey: 'g1' },
        },
      }),
      { type: 'SESSION_ESTABLISHED', attempt: 1, user },
    ]);
    expect(machine.state.status).toBe('signedIn');
    expect(effects.map((e) => e.type)).toEqual([
      'initiateAuth',
      'establishSession',
      'confirmDevice',
    ]);
  });

  it('ends signed out with a ProtocolError when Cognito sends malformed data', () => {
    const cases: AuthStepOutput[] = [
      { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { SALT: 'ab' } },
      { ChallengeName: 'WEB_AUTHN', Session: 'x' },
      {},
      { AuthenticationResult: { AccessToken: 'a' } },
      { ChallengeName: 'SMS_MFA', ChallengeParameters: {} },
    ];
    for (const output of cases) {
      const { machine } = run([signIn(), result(output)]);
      expect(machine.state.status).toBe('signedOut');
      expect(machine.state.status === 'signedOut' && machine.state.error?.code).toBe(
        'ProtocolError',
      );
    }
  });

  it('ends signed out with the typed error on UserNotConfirmed / PasswordResetRequired', () => {
    for (const code of ['UserNotConfirmedException', 'PasswordResetRequiredException'] as const) {
      const first = run([signIn(), failed(code, 'initiateAuth')]);
      const second = run([signIn(), result(verifier), failed(code, 'answerPasswordVerifier')]);
      for (const { machine } of [first, second]) {
        expect(machine.state.status === 'signedOut' && machine.state.error?.code).toBe(code);
      }
    }
  });

  it('keeps the challenge open after a wrong code, and clears the error on the next answer', () => {
    const answer: AuthEvent = { type: 'ANSWER', answer: { name: 'SMS_MFA', code: '1' } };
    const wrong = run([
      signIn(),
      result(verifier),
      result(sms),
      answer,
      failed('CodeMismatchException'),
    ]);
    expect(wrong.machine.state).toMatchObject({
      status: 'challenge',
      submitting: false,
      error: { code: 'CodeMismatchException' },
    });
    const again = run([answer], wrong.machine);
    expect(again.machine.state).toMatchObject({ submitting: true, error: undefined });
    const expired = run([failed('NotAuthorizedException')], again.machine);
    expect(expired.machine.state.status).toBe('signedOut');
  });
});

describe('remembered devices', () => {
  const deviceSrp: AuthStepOutput = {
    ChallengeName: 'DEVICE_SRP_AUTH',
    Session: 'session-device-1',
    ChallengeParameters: { USERNAME: 'uuid-1' },
  };
  const devicePv: AuthStepOutput = {
    ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
    Session: 'session-device-2',
    ChallengeParameters: { SALT: '01', SRP_B: '02', SECRET_BLOCK: 'YmxvY2s=', USERNAME: 'uuid-1' },
  };

  const d1 = { deviceKey: 'eu-west-1_d1', owner: 'uuid-1' };

  it('presents the device with the claim and answers both device challenges automatically', () => {
    const { effects, machine } = run([
      signIn({ device: { deviceKey: 'eu-west-1_d1', owner: 'alice@example.com' } }),
      result(verifier),
      result(deviceSrp),
      result(devicePv),
      result({ AuthenticationResult: tokens }),
    ]);
    expect(effects.map((e) => e.type)).toEqual([
      'initiateAuth',
      'answerPasswordVerifier',
      'answerDeviceSrp',
      'answerDevicePasswordVerifier',
      'establishSession',
    ]);
    expect(effects[0]).toMatchObject({ deviceKey: undefined });
    expect(effects[1]).toMatchObject({ deviceKey: 'eu-west-1_d1', lookUpDevice: false });
    expect(effects[2]).toMatchObject({
      username: 'uuid-1',
      deviceOwner: 'alice@example.com',
      deviceKey: 'eu-west-1_d1',
      session: 'session-device-1',
    });
    expect(effects[3]).toMatchObject({ salt: '01', srpB: '02', session: 'session-device-2' });
    expect(effects[4]).toMatchObject({ deviceKey: 'eu-west-1_d1' });
    expect(machine.state.status).toBe('signingIn');
  });

  it('sends DEVICE_KEY in InitiateAuth for USER_PASSWORD_AUTH and in MFA answers', () => {
    const plain = run([signIn({ authFlow: 'USER_PASSWORD_AUTH', device: d1 })]);
    expect(plain.last).toMatchObject({ type: 'initiateAuth', deviceKey: 'eu-west-1_d1' });
    const mfa = run([
      signIn({ device: d1 }),
      result(verifier),
      result(sms),
      { type: 'ANSWER', answer: { name: 'SMS_MFA', code: '123456' } },
    ]);
    expect(mfa.last).toMatchObject({ responses: { DEVICE_KEY: 'eu-west-1_d1' } });
  });

  it('forgets an unknown device and starts over once without it', () => {
    const first = run([
      signIn({ device: { deviceKey: 'eu-west-1_gone', owner: 'uuid-1' } }),
      result(verifier),
      failed('ResourceNotFoundException', 'answerPasswordVerifier'),
    ]);
    expect(first.effects.slice(2)).toEqual([
      { type: 'forgetDevice', deviceOwner: 'uuid-1' },
      {
        type: 'initiateAuth',
        attempt: 1,
        authFlow: 'USER_SRP_AUTH',
        username: 'alice@example.com',
        clientMetadata: undefined,
      },
    ]);
    expect(first.machine.flow).toMatchObject({ device: undefined, deviceRetried: true });
    // The retry looks for no other device: the one found was just forgotten.
    const retried = run([result(verifier)], first.machine);
    expect(retried.last).toMatchObject({ deviceKey: undefined, lookUpDevice: false });
    const again = run([failed('ResourceNotFoundException', 'initiateAuth')], first.machine);
    expect(again.machine.state.status).toBe('signedOut');
    // Without a device there is nothing to forget: the error is final at once.
    const noDevice = run([signIn(), failed('ResourceNotFoundException', 'initiateAuth')]);
    expect(noDevice.effects.map((e) => e.type)).toEqual(['initiateAuth']);
    expect(noDevice.machine.state.status).toBe('signedOut');
  });

  it('takes a device found at PASSWORD_VERIFIER into the flow for the device challenges', () => {
    const { effects, machine } = run([
      signIn(),
      result(verifier),
      { type: 'AUTH_RESULT', attempt: 1, output: deviceSrp, device: d1 },
      result(devicePv),
      result({ AuthenticationResult: tokens }),
    ]);
    expect(effects[0]).toMatchObject({ type: 'initiateAuth', deviceKey: undefined });
    expect(effects[1]).toMatchObject({
      type: 'answerPasswordVerifier',
      deviceKey: undefined,
      lookUpDevice: true,
    });
    expect(effects[2]).toMatchObject({
      type: 'answerDeviceSrp',
      deviceOwner: 'uuid-1',
      deviceKey: 'eu-west-1_d1',
    });
    expect(effects[3]).toMatchObject({
      type: 'answerDevicePasswordVerifier',
      deviceOwner: 'uuid-1',
      deviceKey: 'eu-west-1_d1',
    });
    expect(effects[4]).toMatchObject({ type: 'establishSession', deviceKey: 'eu-west-1_d1' });
    expect(machine.flow?.device).toEqual(d1);
  });

  it('a device found at PASSWORD_VERIFIER also counts when Cognito does not know it', () => {
    const { effects, machine } = run([
      signIn(),
      result(verifier),
      failed('ResourceNotFoundException', 'answerPasswordVerifier', d1),
    ]);
    expect(effects.slice(2)).toEqual([
      { type: 'forgetDevice', deviceOwner: 'uuid-1' },
      expect.objectContaining({ type: 'initiateAuth', username: 'alice@example.com' }),
    ]);
    expect(machine.flow).toMatchObject({ device: undefined, deviceRetried: true });
  });

  it('keeps the device of SIGN_IN when a step reports another one', () => {
    const ownDevice = { deviceKey: 'eu-west-1_own', owner: 'alice@example.com' };
    const { effects } = run([
      signIn({ device: ownDevice }),
      result(verifier),
      { type: 'AUTH_RESULT', attempt: 1, output: deviceSrp, device: d1 },
    ]);
    expect(effects[2]).toMatchObject({
      deviceOwner: 'alice@example.com',
      deviceKey: 'eu-west-1_own',
    });
  });

  it('refuses a device challenge when no device was presented', () => {
    const { machine } = run([signIn(), result(verifier), result(deviceSrp)]);
    expect(machine.state.status === 'signedOut' && machine.state.error?.code).toBe('ProtocolError');
  });
});

describe('CUSTOM_AUTH', () => {
  const custom = (question: string): AuthStepOutput => ({
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: `session-${question}`,
    ChallengeParameters: { USERNAME: 'uuid-1', question },
  });

  it('may open with SRP, then answers custom challenges as often as the pool asks', () => {
    const { machine, effects } = run([
      signIn({ authFlow: 'CUSTOM_AUTH' }),
      result(verifier),
      result(custom('first')),
      { type: 'ANSWER', answer: { name: 'CUSTOM_CHALLENGE', answer: 'one' } },
      result(custom('second')),
    ]);
    expect(effects.map((e) => e.type)).toEqual([
      'initiateAuth',
      'answerPasswordVerifier',
      'respond',
    ]);
    expect(effects[2]).toMatchObject({
      challengeName: 'CUSTOM_CHALLENGE',
      responses: { USERNAME: 'uuid-1', ANSWER: 'one' },
      session: 'session-first',
    });
    expect(machine.state).toMatchObject({
      status: 'challenge',
      submitting: false,
      challenge: { name: 'CUSTOM_CHALLENGE', parameters: { question: 'second' } },
    });
  });

  it('refuses PASSWORD_VERIFIER in USER_PASSWORD_AUTH', () => {
    const { machine } = run([signIn({ authFlow: 'USER_PASSWORD_AUTH' }), result(verifier)]);
    expect(machine.state.status === 'signedOut' && machine.state.error?.code).toBe('ProtocolError');
  });
});
