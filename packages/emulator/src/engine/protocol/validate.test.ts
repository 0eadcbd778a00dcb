import { describe, expect, it } from 'vitest';
import { isServiceError } from './errors.js';
import {
  attributeList,
  bool,
  int,
  oneOf,
  readInput,
  rules,
  str,
  stringList,
  stringMap,
  struct,
} from './validate.js';

function failure(fn: () => unknown): { type: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isServiceError(error)) return { type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('readInput', () => {
  it('returns typed members and leaves absent (or null) optional members out', () => {
    const out = readInput(
      {
        ClientId: 'abc',
        Limit: 5.7,
        Flag: true,
        Meta: { a: 'b', n: null },
        Names: ['x'],
        Gone: null,
      },
      {
        ClientId: str({ required: true, ...rules.clientId }),
        Limit: int({ min: 0, max: 60 }),
        Flag: bool(),
        Meta: stringMap(),
        Names: stringList(),
        Gone: str(),
      },
    );
    expect(out).toEqual({ ClientId: 'abc', Limit: 5, Flag: true, Meta: { a: 'b' }, Names: ['x'] });
    expect('Gone' in out).toBe(false);
  });

  it('collects constraint violations in camelCase with values masked for sensitive members', () => {
    const error = failure(() =>
      readInput(
        { Password: 'has space', Session: 'short', Limit: 61 },
        {
          Username: str({ required: true, ...rules.username }),
          Password: str({ required: true, ...rules.password }),
          Session: str(rules.session),
          Limit: int({ min: 0, max: 60 }),
        },
      ),
    );
    expect(error).toEqual({
      type: 'InvalidParameterException',
      message:
        "4 validation errors detected: Value null at 'username' failed to satisfy constraint: Member must not be null; " +
        "Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+; " +
        "Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20; " +
        "Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    });
  });

  it('names nested members by path', () => {
    const error = failure(() =>
      readInput(
        {
          UserAttributes: [{ Name: 'email', Value: 'a@b.c' }, { Value: 'x' }],
          Config: { Kind: 'nope' },
        },
        {
          UserAttributes: attributeList(),
          Config: struct({ Kind: oneOf(['a', 'b'], { required: true }) }),
        },
      ),
    );
    expect(error.message).toBe(
      "2 validation errors detected: Value null at 'userAttributes.2.member.name' failed to satisfy constraint: Member must not be null; " +
        "Value 'nope' at 'config.kind' failed to satisfy constraint: Member must satisfy enum value set: [a, b]",
    );
  });

  it('raises SerializationException for wrong JSON types', () => {
    const cases: [unknown, Parameters<typeof readInput>[1], string][] = [
      [{ A: 1 }, { A: str() }, 'Expected string or null'],
      [{ A: '1' }, { A: int() }, 'Expected number or null'],
      [{ A: 'true' }, { A: bool() }, 'Expected boolean or null'],
      [{ A: [] }, { A: stringMap() }, 'Expected map or null'],
      [{ A: { k: 1 } }, { A: stringMap() }, 'Expected string or null'],
      [{ A: 'x' }, { A: stringList() }, 'Expected list or null'],
      [{ A: ['x'] }, { A: attributeList() }, 'Expected map or null'],
    ];
    for (const [input, fields, message] of cases) {
      expect(failure(() => readInput(input as Record<string, unknown>, fields))).toEqual({
        type: 'SerializationException',
        message,
      });
    }
  });
});
