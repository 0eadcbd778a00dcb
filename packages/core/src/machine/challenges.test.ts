import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import { parseChallenge, totpUri, type ChallengeAnswer } from './challenge.js';
import type { AuthEffect, AuthEvent } from './events.js';
import { flow } from './fixtures.test-helpers.js';
import type { MachineState } from './state.js';
import { transition } from './transition.js';

describe('parseChallenge', () => {
  it('strips the userAttributes. prefix and reads current attributes', () => {
    expect(
      parseChallenge('NEW_PASSWORD_REQUIRED', {
        requiredAttributes: '["userAttributes.given_name","userAttributes.custom:team"]',
        userAttributes: '{"email":"a@example.com","email_verified":true}',
      }),
    ).toEqual({
      name: 'NEW_PASSWORD_REQUIRED',
      requiredAttributes: ['given_name', 'custom:team'],
      userAttributes: { email: 'a@example.com', email_verified: 'true' },
    });
  });

  it('reads MFA options, keeping only methods it can act on', () => {
    expect(
      parseChallenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","WEB_AUTHN"]' }),
    ).toEqual({ name: 'SELECT_MFA_TYPE', options: ['SMS_MFA'] });
    expect(
      parseChallenge('MFA_SETUP', { MFA_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }),
    ).toEqual({ name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA'] });
    expect(parseChallenge('EMAIL_OTP', { CODE_DELIVERY_DESTINATION: 'a***@e***' })).toEqual({
      name: 'EMAIL_OTP',
      destination: 'a***@e***',
      medium: 'EMAIL',
    });
    expect(parseChallenge('CUSTOM_CHALLENGE', { USERNAME: 'u', question: '2+2' })).toEqual({
      name: 'CUSTOM_CHALLENGE',
      parameters: { USERNAME: 'u', question: '2+2' },
    });
  });

  it.each([
    ['NEW_PASSWORD_REQUIRED', { requiredAttributes: 'not json', userAttributes: '{}' }],
    ['NEW_PASSWORD_REQUIRED', { requiredAttributes: '[1]', userAttributes: '{}' }],
    ['NEW_PASSWORD_REQUIRED', { requiredAttributes: '[]', userAttributes: '[]' }],
    ['NEW_PASSWORD_REQUIRED', undefined],
    ['SMS_MFA', {}],
    ['SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '"SMS_MFA"' }],
    ['SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '[]' }],
    ['MFA_SETUP', { MFAS_CAN_SETUP: '["SMS_MFA"]' }],
    ['SELECT_CHALLENGE', {}],
  ])('gives a ProtocolError for %s %j', (name, params) => {
    const parsed = parseChallenge(name, params);
    expect(parsed).toBeInstanceOf(CognitoError);
    expect((parsed as CognitoError).code).toBe('ProtocolError');
  });

  it('builds the otpauth URI with the issuer as prefix and parameter', () => {
    expect(totpUri('My App', 'a@b.c', 'ABCD')).toBe(
      'otpauth://totp/My%20App:a%40b.c?secret=ABCD&issuer=My%20App',
    );
  });
});

function inChallenge(params: Record<string, string>, name: string): MachineState {
  const challenge = parseChallenge(name, params);
  if (challenge instanceof CognitoError) throw challenge;
  return {
    state: { status: 'challenge', username: 'alice', challenge, submitting: false },
    flow,
  };
}

const answer = (machine: MachineState, a: ChallengeAnswer) =>
  transition(machine, { type: 'ANSWER', answer: a });

describe('answers', () => {
  it('checks NEW_PASSWORD_REQUIRED attributes and sends them prefixed', () => {
    const m = inChallenge(
      { requiredAttributes: '["userAttributes.name"]', userAttributes: '{"email":"a@b.c"}' },
      'NEW_PASSWORD_REQUIRED',
    );
    const [missing, none] = answer(m, { name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w!pass' });
    expect(none).toEqual([]);
    expect(missing.state).toMatchObject({ submitting: false, error: { code: 'InvalidInput' } });
    const [, fx] = answer(m, {
      name: 'NEW_PASSWORD_REQUIRED',
      newPassword: 'N3w!pass',
      attributes: { name: 'Alice' },
    });
    expect(fx[0]).toMatchObject({
      challengeName: 'NEW_PASSWORD_REQUIRED',
      responses: {
        USERNAME: 'internal-1',
        NEW_PASSWORD: 'N3w!pass',
        'userAttributes.name': 'Alice',
      },
    });
  });

  it('refuses malformed codes and methods not offered without sending anything', () => {
    const totp = inChallenge({}, 'SOFTWARE_TOKEN_MFA');
    const [bad, fx] = answer(totp, { name: 'SOFTWARE_TOKEN_MFA', code: '12a456' });
    expect(fx).toEqual([]);
    expect(bad.state).toMatchObject({ error: { code: 'InvalidInput' } });
    const select = inChallenge({ MFAS_CAN_CHOOSE: '["SMS_MFA"]' }, 'SELECT_MFA_TYPE');
    expect(answer(select, { name: 'SELECT_MFA_TYPE', mfa: 'EMAIL_OTP' })[1]).toEqual([]);
    expect(answer(select, { name: 'SELECT_MFA_TYPE', mfa: 'SMS_MFA' })[1][0]).toMatchObject({
      responses: { USERNAME: 'internal-1', ANSWER: 'SMS_MFA' },
    });
    // An answer to another challenge does not apply at all.
    const [same, none] = answer(select, { name: 'SMS_MFA', code: '123456' });
    expect(same).toBe(select);
    expect(none).toEqual([]);
  });

  it('sends custom answers as ANSWER', () => {
    const custom = inChallenge({ question: '2+2' }, 'CUSTOM_CHALLENGE');
    expect(answer(custom, { name: 'CUSTOM_CHALLENGE', answer: '4' })[1][0]).toMatchObject({
      challengeName: 'CUSTOM_CHALLENGE',
      responses: { USERNAME: 'internal-1', ANSWER: '4' },
    });
  });
});

describe('MFA_SETUP inside sign-in', () => {
  const step = (machine: MachineState, event: AuthEvent): [MachineState, readonly AuthEffect[]] =>
    transition(machine, event) as [MachineState, readonly AuthEffect[]];

  it('associates TOTP at once when it is the only option, then verifies and answers', () => {
    const signingIn: MachineState = { state: { status: 'signingIn', username: 'alice' }, flow };
    const [associating, fx1] = step(signingIn, {
      type: 'AUTH_RESULT',
      attempt: 1,
      output: {
        ChallengeName: 'MFA_SETUP',
        Session: 'session-setup-1',
        ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
      },
    });
    expect(fx1).toEqual([
      { type: 'associateSoftwareToken', attempt: 1, session: 'session-setup-1' },
    ]);
    expect(associating.state).toMatchObject({ status: 'challenge', submitting: true });

    const [shown] = step(associating, {
      type: 'TOTP_ASSOCIATED',
      attempt: 1,
      secretCode: 'JBSWY3DPEHPK3PXP',
      session: 'session-setup-2',
    });
    expect(shown.state).toMatchObject({
      submitting: false,
      challenge: {
        name: 'MFA_SETUP',
        totp: {
          secretCode: 'JBSWY3DPEHPK3PXP',
          uri: 'otpauth://totp/Demo:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Demo',
        },
      },
    });
    const [verifying, fx2] = step(shown, {
      type: 'ANSWER',
      answer: { name: 'MFA_SETUP', totpCode: '123456', friendlyDeviceName: 'phone' },
    });
    expect(fx2).toEqual([
      {
        type: 'verifySoftwareToken',
        attempt: 1,
        session: 'session-setup-2',
        code: '123456',
        friendlyDeviceName: 'phone',
      },
    ]);
    const [, fx3] = step(verifying, {
      type: 'TOTP_VERIFIED',
      attempt: 1,
      session: 'session-setup-3',
    });
    expect(fx3).toEqual([
      {
        type: 'respond',
        attempt: 1,
        challengeName: 'MFA_SETUP',
        responses: { USERNAME: 'internal-1' },
        session: 'session-setup-3',
        clientMetadata: undefined,
      },
    ]);
  });

  it('lets the user choose between TOTP and e-mail; e-mail answers with the address', () => {
    const m = inChallenge({ MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' }, 'MFA_SETUP');
    expect(answer(m, { name: 'MFA_SETUP', setup: 'SOFTWARE_TOKEN_MFA' })[1][0]?.type).toBe(
      'associateSoftwareToken',
    );
    expect(
      answer(m, { name: 'MFA_SETUP', setup: 'EMAIL_OTP', email: 'a@b.c' })[1][0],
    ).toMatchObject({
      type: 'respond',
      responses: { USERNAME: 'internal-1', EMAIL: 'a@b.c' },
    });
    // A TOTP code before any secret was associated cannot be checked.
    const [early, none] = answer(m, { name: 'MFA_SETUP', totpCode: '123456' });
    expect(none).toEqual([]);
    expect(early.state).toMatchObject({ error: { code: 'InvalidState' } });
  });
});
