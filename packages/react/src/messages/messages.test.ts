import { COGNITO_EXCEPTION_CODES, LOCAL_ERROR_CODES } from '@cognito-kit/core';
import { describe, expect, it } from 'vitest';
import { de } from './de.js';
import { en } from './en.js';
import { errorMessageKey } from './error-keys.js';
import { mergeMessages } from './MessagesProvider.js';

describe('errorMessageKey', () => {
  it('maps every error code to a key that both locales translate', () => {
    for (const code of [...COGNITO_EXCEPTION_CODES, ...LOCAL_ERROR_CODES]) {
      const key = errorMessageKey(code);
      expect(en.errors[key], code).toBeTruthy();
      expect(de.errors[key], code).toBeTruthy();
    }
  });

  it.each([
    ['signIn', 'incorrectCredentials'],
    ['changePassword', 'incorrectCurrentPassword'],
    ['passwordless', 'passwordlessFailed'],
    ['confirmSignUp', 'alreadyConfirmed'],
    ['challenge', 'sessionExpired'],
  ] as const)('words NotAuthorizedException for the %s screen as %s', (screen, key) => {
    expect(errorMessageKey('NotAuthorizedException', screen)).toBe(key);
  });

  it('never says "username or password" off the password sign-in screen', () => {
    for (const screen of [
      'changePassword',
      'passwordless',
      'confirmSignUp',
      'challenge',
    ] as const) {
      for (const code of [...COGNITO_EXCEPTION_CODES, ...LOCAL_ERROR_CODES]) {
        if (code === 'UserNotFoundException') continue; // never thrown there: no user lookup
        expect(en.errors[errorMessageKey(code, screen)], `${screen} ${code}`).not.toMatch(
          /username or password/i,
        );
      }
    }
  });

  it('gives unknown users the same text as a wrong password', () => {
    expect(errorMessageKey('UserNotFoundException')).toBe(
      errorMessageKey('NotAuthorizedException'),
    );
  });
});

describe('locales', () => {
  it('formats interpolated messages', () => {
    expect(en.mfa.codeSent('SMS', '+*******1234')).toContain('+*******1234');
    expect(de.fields.attribute('given_name')).toBe('Vorname');
    expect(en.fields.attribute('custom:team_name')).toBe('team name');
  });
});

describe('mergeMessages', () => {
  it('overrides single strings and keeps the rest of the group', () => {
    const merged = mergeMessages(en, { signIn: { title: 'Welcome back' } });
    expect(merged.signIn.title).toBe('Welcome back');
    expect(merged.signIn.rememberDevice).toBe(en.signIn.rememberDevice);
    expect(merged.errors).toBe(en.errors);
  });
});
