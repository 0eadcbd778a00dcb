import { invalidInput, type CognitoError } from '../errors/index.js';
// Shared shorthand kept out of the public errors API.
import { invalidState } from '../errors/cognito-error.js';
import { prefixedAttributes, type Challenge, type ChallengeAnswer } from './challenge.js';
import type { AuthEffect } from './events.js';
import type { SignInFlow } from './state.js';

const SIX_DIGITS = /^\d{6}$/;

/** The ChallengeResponses member that carries each kind of one-time code. */
const CODE_KEYS = {
  SMS_MFA: 'SMS_MFA_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
} as const;

/**
 * The effect that sends `answer` to Cognito, or the `InvalidInput` / `InvalidState` error that
 * keeps it from being sent (an empty code, a method not offered…). Pure.
 */
export function answerEffect(
  challenge: Challenge,
  answer: ChallengeAnswer,
  flow: SignInFlow,
): AuthEffect | CognitoError {
  const respond = (responses: Record<string, string>): AuthEffect => ({
    type: 'respond',
    attempt: flow.attempt,
    challengeName: challenge.name,
    responses: { USERNAME: flow.username, ...responses },
    session: flow.session,
    clientMetadata: flow.clientMetadata,
  });
  // MFA and custom answers carry the remembered device, as Amplify does.
  const device: Record<string, string> = flow.device ? { DEVICE_KEY: flow.device.deviceKey } : {};

  switch (answer.name) {
    case 'NEW_PASSWORD_REQUIRED': {
      if (challenge.name !== answer.name) return wrongChallenge(challenge);
      if (answer.newPassword.length === 0) return invalidInput('Enter a new password.');
      const given = answer.attributes ?? {};
      const missing = challenge.requiredAttributes.filter(
        (name) => !given[name] && !challenge.userAttributes[name],
      );
      if (missing.length > 0) {
        return invalidInput(`These attributes are required: ${missing.join(', ')}.`);
      }
      return respond({ NEW_PASSWORD: answer.newPassword, ...prefixedAttributes(given) });
    }
    case 'SMS_MFA':
    case 'SMS_OTP':
    case 'EMAIL_OTP': {
      if (challenge.name !== answer.name) return wrongChallenge(challenge);
      const code = answer.code.trim();
      if (code.length === 0) return invalidInput('Enter the code you received.');
      return respond({ [CODE_KEYS[answer.name]]: code, ...device });
    }
    case 'SELECT_CHALLENGE': {
      if (challenge.name !== answer.name) return wrongChallenge(challenge);
      if (!challenge.options.includes(answer.factor)) {
        return invalidInput(`${answer.factor} is not one of the offered methods.`);
      }
      if (answer.factor !== 'PASSWORD') return respond({ ANSWER: answer.factor });
      if (answer.password.length === 0) return invalidInput('Enter your password.');
      const srp = flow.passwordChallenge !== 'PASSWORD';
      return {
        type: 'answerWithPassword',
        attempt: flow.attempt,
        username: flow.username,
        srp,
        deviceKey: srp ? undefined : flow.device?.deviceKey,
        session: flow.session,
        clientMetadata: flow.clientMetadata,
      };
    }
    case 'WEB_AUTHN': {
      if (challenge.name !== answer.name) return wrongChallenge(challenge);
      if (answer.credential) return respond({ CREDENTIAL: JSON.stringify(answer.credential) });
      return {
        type: 'getPasskeyAssertion',
        attempt: flow.attempt,
        requestOptions: challenge.requestOptions,
      };
    }
    case 'SOFTWARE_TOKEN_MFA': {
      if (challenge.name !== answer.name) return wrongChallenge(challenge);
      const code = answer.code.trim();
      if (!SIX_DIGITS.test(code)) return invalidInput('Enter the 6-digit code of your app.');
      return respond({ SOFTWARE_TOKEN_MFA_CODE: code, ...device });
    }
    case 'SELECT_MFA_TYPE': {
      if (challenge.name !== answer.name) return wrongChallenge(challenge);
      if (!challenge.options.includes(answer.mfa)) {
        return invalidInput(`${answer.mfa} is not one of the offered methods.`);
      }
      return respond({ ANSWER: answer.mfa });
    }
    case 'MFA_SETUP': {
      if (challenge.name !== answer.name) return wrongChallenge(challenge);
      if (!flow.session) return invalidState('MFA setup needs a Cognito session.');
      if ('totpCode' in answer) {
        if (!challenge.totp) return invalidState('Choose an authenticator app first.');
        const code = answer.totpCode.trim();
        if (!SIX_DIGITS.test(code)) return invalidInput('Enter the 6-digit code of your app.');
        return {
          type: 'verifySoftwareToken',
          attempt: flow.attempt,
          session: flow.session,
          code,
          friendlyDeviceName: answer.friendlyDeviceName,
        };
      }
      if (!challenge.options.includes(answer.setup)) {
        return invalidInput(`${answer.setup} cannot be set up here.`);
      }
      if (answer.setup === 'SOFTWARE_TOKEN_MFA') {
        return { type: 'associateSoftwareToken', attempt: flow.attempt, session: flow.session };
      }
      const email = answer.email.trim();
      if (email.length === 0) return invalidInput('Enter an e-mail address.');
      return respond({ EMAIL: email });
    }
    case 'CUSTOM_CHALLENGE': {
      if (challenge.name !== answer.name) return wrongChallenge(challenge);
      return respond({ ANSWER: answer.answer, ...device });
    }
    default:
      answer satisfies never;
      return invalidState('Unknown answer.');
  }
}

function wrongChallenge(challenge: Challenge): CognitoError {
  return invalidState(`The pending challenge is ${challenge.name}.`);
}
