import { describe, expect, it } from 'vitest';
import { isServiceError } from '../protocol/errors.js';
import type { UserState } from '../model/state.js';
import { matchesUserFilter, parseUserFilter } from './admin-list-users.js';

function user(partial: Partial<UserState> & { attributes: Record<string, string> }): UserState {
  return { username: 'alice', status: 'CONFIRMED', enabled: true, ...partial } as UserState;
}

describe('parseUserFilter', () => {
  it('reads both operators and unescapes quotes', () => {
    expect(parseUserFilter('email = "a@example.com"')).toEqual({
      attribute: 'email',
      operator: '=',
      value: 'a@example.com',
    });
    expect(parseUserFilter('  given_name^="Jo\\"e"  ')).toEqual({
      attribute: 'given_name',
      operator: '^=',
      value: 'Jo"e',
    });
    expect(parseUserFilter('cognito:user_status = "UNCONFIRMED"')?.attribute).toBe(
      'cognito:user_status',
    );
    expect(parseUserFilter('')).toBeUndefined();
    expect(parseUserFilter(undefined)).toBeUndefined();
  });

  it.each([
    'email',
    'email = alice',
    'email != "a"',
    'custom:tenant = "x"',
    'email = "a" and name = "b"',
  ])('refuses %j with InvalidParameterException', (text) => {
    let caught: unknown;
    try {
      parseUserFilter(text);
    } catch (error) {
      caught = error;
    }
    expect(isServiceError(caught, 'InvalidParameterException')).toBe(true);
  });
});

describe('matchesUserFilter', () => {
  const alice = user({ attributes: { email: 'Alice@Example.com', given_name: 'Alice' } });

  it('matches exact and prefix values', () => {
    expect(matchesUserFilter(alice, parseUserFilter('given_name = "Alice"')!, false)).toBe(true);
    expect(matchesUserFilter(alice, parseUserFilter('given_name = "Ali"')!, false)).toBe(false);
    expect(matchesUserFilter(alice, parseUserFilter('given_name ^= "Ali"')!, false)).toBe(true);
    expect(matchesUserFilter(alice, parseUserFilter('family_name ^= ""')!, false)).toBe(false);
  });

  it('folds case for username and email in case-insensitive pools only', () => {
    expect(matchesUserFilter(alice, parseUserFilter('email = "alice@example.com"')!, false)).toBe(
      true,
    );
    expect(matchesUserFilter(alice, parseUserFilter('email = "alice@example.com"')!, true)).toBe(
      false,
    );
    expect(matchesUserFilter(alice, parseUserFilter('given_name = "alice"')!, false)).toBe(false);
  });

  it('filters on status and enabled state', () => {
    const disabled = user({ enabled: false, status: 'FORCE_CHANGE_PASSWORD', attributes: {} });
    expect(matchesUserFilter(disabled, parseUserFilter('status = "Disabled"')!, false)).toBe(true);
    expect(
      matchesUserFilter(
        disabled,
        parseUserFilter('cognito:user_status = "FORCE_CHANGE_PASSWORD"')!,
        false,
      ),
    ).toBe(true);
    expect(matchesUserFilter(alice, parseUserFilter('status = "Disabled"')!, false)).toBe(false);
  });
});
