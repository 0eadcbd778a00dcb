import { describe, expect, it } from 'vitest';
import { nextCustomChallenge, sameCustomChallenge } from './custom-answer.js';

describe('sameCustomChallenge', () => {
  it.each([
    [{ question: 'Colour?', USERNAME: 'cora' }, { USERNAME: 'cora', question: 'Colour?' }, true],
    [{ question: 'Colour?' }, { question: 'Animal?' }, false],
    [{ question: 'Colour?' }, { question: 'Colour?', attemptsLeft: '2' }, false],
    [{ question: 'Colour?', attemptsLeft: '2' }, { question: 'Colour?' }, false],
    [{}, {}, true],
  ])('%o then %o: refused = %s', (asked, next, refused) => {
    expect(sameCustomChallenge(asked, next)).toBe(refused);
  });
});

describe('nextCustomChallenge', () => {
  const parameters = { question: 'Colour?' };
  it.each([
    [
      'a custom challenge',
      { status: 'challenge', challenge: { name: 'CUSTOM_CHALLENGE', parameters } },
      parameters,
    ],
    [
      'another challenge',
      { status: 'challenge', challenge: { name: 'SMS_MFA', destination: 'x' } },
      null,
    ],
    ['signed in', { status: 'signedIn', user: {} }, null],
    ['nothing (a callback returning void)', undefined, null],
  ])('%s', (_, result, expected) => {
    expect(nextCustomChallenge(result)).toEqual(expected);
  });
});
