/**
 * Bad input: refused before sending with `InvalidInput` where the rule is the service model's,
 * or answered by the emulator with Cognito's own exception — always a typed rejection.
 */
import { describe, expect, it } from 'vitest';
import { isCognitoError } from '@cognito-kit/core';
import { userFilter, type FilterableAttribute } from '../src/index.js';
import { rejection, useEmulator } from './harness.js';

const h = useEmulator();

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace inside', 'al ice'],
    ['a newline', 'alice\n'],
    ['129 characters', 'a'.repeat(129)],
  ])('a username that is %s → InvalidInput', async (_what, username) => {
    const error = await rejection(h.admin.users.get(username));
    expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    expect(error.message).toMatch(/username/);
  });

  it('a username of the wrong type from plain JS → InvalidInput', async () => {
    const error = await rejection(h.admin.users.delete(42 as unknown as string));
    expect(isCognitoError(error, 'InvalidInput')).toBe(true);
  });

  it('a well-formed but unknown username → UserNotFoundException', async () => {
    expect(
      isCognitoError(await rejection(h.admin.users.get('nobody')), 'UserNotFoundException'),
    ).toBe(true);
  });

  it('filters quote values: quotes and backslashes cannot break out of the value', () => {
    expect(userFilter.equals('family_name', 'Reddy').text).toBe('family_name = "Reddy"');
    expect(userFilter.startsWith('name', 'say "hi"').text).toBe('name ^= "say \\"hi\\""');
    expect(userFilter.equals('name', 'back\\').text).toBe('name = "back\\\\"');
  });

  it('a filter value with quotes and backslashes matches only the user who has it', async () => {
    await h.admin.users.create({
      username: 'q1',
      attributes: { name: 'a\\" or "b' },
      messageAction: 'SUPPRESS',
    });
    await h.admin.users.create({
      username: 'q2',
      attributes: { name: 'a' },
      messageAction: 'SUPPRESS',
    });
    const page = await h.admin.users.list({ filter: userFilter.equals('name', 'a\\" or "b') });
    expect(page.items.map((u) => u.username)).toEqual(['q1']);
  });

  it('a filter on an attribute Cognito cannot search, or too long → InvalidInput', () => {
    expect(() => userFilter.equals('custom:plan' as FilterableAttribute, 'x')).toThrow(
      /cannot filter/,
    );
    expect(() => userFilter.equals('email', 'x'.repeat(300))).toThrow(/256/);
  });

  it('an unknown attribute → InvalidParameterException from the emulator', async () => {
    await h.admin.users.create({ username: 'attr-user', messageAction: 'SUPPRESS' });
    const error = await rejection(
      h.admin.users.updateAttributes('attr-user', { 'custom:unknown': 'x' }),
    );
    expect(isCognitoError(error, 'InvalidParameterException')).toBe(true);
    const badName = await rejection(
      h.admin.users.updateAttributes('attr-user', { 'has space': 'x' }),
    );
    expect(isCognitoError(badName, 'InvalidInput')).toBe(true);
  });

  it('a page size outside 0–60 → InvalidInput', async () => {
    expect(isCognitoError(await rejection(h.admin.users.list({ limit: 61 })), 'InvalidInput')).toBe(
      true,
    );
    expect(
      isCognitoError(await rejection(h.admin.groups.list({ limit: 1.5 })), 'InvalidInput'),
    ).toBe(true);
  });

  it('a pool id that is not <region>_<id> → InvalidInput at creation', () => {
    expect(() => h.adminWith({ userPoolId: 'no-underscore' })).toThrow(/userPoolId/);
  });
});
