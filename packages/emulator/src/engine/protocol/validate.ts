/**
 * Reading request members the way Cognito's JSON front end does:
 *
 * - a member of the wrong JSON type → SerializationException (`Expected string or null`, …),
 *   raised at once, like a parser would;
 * - constraint violations (missing required member, length, pattern, enum, range) are collected
 *   and reported together as InvalidParameterException `N validation error(s) detected: …; …`,
 *   with member names in camelCase and the value masked for sensitive members.
 *
 * JSON `null` counts as absent; unknown members are ignored (as AWS does).
 */
import { nameIndex } from '../model/records.js';
import { ServiceError, serializationError } from './errors.js';

/** One member reader; `T` includes `undefined` when the member is optional. */
export interface Field<T> {
  /** @internal */
  readonly read: (value: unknown, path: string, problems: string[]) => T;
}

/** Constraints shared by string members. */
export interface StringRule {
  min?: number;
  max?: number;
  /** Regular expression the whole value must match, and its text as Cognito prints it. */
  pattern?: { regex: RegExp; text: string };
  /** Hide the value in messages (passwords, tokens, codes). */
  sensitive?: boolean;
}

/** camelCase of a member path (`AuthParameters` → `authParameters`) as Cognito prints it. */
export function memberPath(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

function describe(value: unknown, path: string, sensitive: boolean | undefined): string {
  if (value === undefined || value === null) return `Value null at '${path}'`;
  if (sensitive) return `Value at '${path}'`;
  return `Value '${String(value)}' at '${path}'`;
}

function checkString(value: string, path: string, rule: StringRule, problems: string[]): void {
  const subject = describe(value, path, rule.sensitive);
  if (rule.min !== undefined && value.length < rule.min) {
    problems.push(
      `${subject} failed to satisfy constraint: Member must have length greater than or equal to ${rule.min}`,
    );
  }
  if (rule.max !== undefined && value.length > rule.max) {
    problems.push(
      `${subject} failed to satisfy constraint: Member must have length less than or equal to ${rule.max}`,
    );
  }
  if (rule.pattern && !rule.pattern.regex.test(value)) {
    problems.push(
      `${subject} failed to satisfy constraint: Member must satisfy regular expression pattern: ${rule.pattern.text}`,
    );
  }
}

function missing(path: string, problems: string[]): void {
  problems.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
}

/** A string member. */
export function str(rule: StringRule & { required: true }): Field<string>;
export function str(rule?: StringRule & { required?: false }): Field<string | undefined>;
export function str(rule: StringRule & { required?: boolean } = {}): Field<string | undefined> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return rule.required ? '' : undefined;
      }
      if (typeof value !== 'string') throw serializationError('Expected string or null');
      checkString(value, path, rule, problems);
      return value;
    },
  };
}

/** A string member restricted to a set of values. */
export function oneOf<const V extends string>(
  values: readonly V[],
  rule: { required: true },
): Field<V>;
export function oneOf<const V extends string>(
  values: readonly V[],
  rule?: { required?: false },
): Field<V | undefined>;
export function oneOf<const V extends string>(
  values: readonly V[],
  rule: { required?: boolean } = {},
): Field<V | undefined> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return rule.required ? (values[0] as V) : undefined;
      }
      if (typeof value !== 'string') throw serializationError('Expected string or null');
      if (!(values as readonly string[]).includes(value)) {
        problems.push(
          `${describe(value, path, false)} failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
        );
      }
      return value as V;
    },
  };
}

/** An integer member. */
export function int(rule: { required: true; min?: number; max?: number }): Field<number>;
export function int(rule?: {
  required?: false;
  min?: number;
  max?: number;
}): Field<number | undefined>;
export function int(
  rule: { required?: boolean; min?: number; max?: number } = {},
): Field<number | undefined> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return rule.required ? 0 : undefined;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw serializationError('Expected number or null');
      }
      const n = Math.trunc(value);
      if (rule.min !== undefined && n < rule.min) {
        problems.push(
          `${describe(n, path, false)} failed to satisfy constraint: Member must have value greater than or equal to ${rule.min}`,
        );
      }
      if (rule.max !== undefined && n > rule.max) {
        problems.push(
          `${describe(n, path, false)} failed to satisfy constraint: Member must have value less than or equal to ${rule.max}`,
        );
      }
      return n;
    },
  };
}

/** A boolean member. */
export function bool(rule: { required: true }): Field<boolean>;
export function bool(rule?: { required?: false }): Field<boolean | undefined>;
export function bool(rule: { required?: boolean } = {}): Field<boolean | undefined> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return rule.required ? false : undefined;
      }
      if (typeof value !== 'boolean') throw serializationError('Expected boolean or null');
      return value;
    },
  };
}

/** A map of strings (`AuthParameters`, `ChallengeResponses`, `ClientMetadata`). */
export function stringMap(rule: {
  required: true;
  sensitive?: boolean;
}): Field<Record<string, string>>;
export function stringMap(rule?: {
  required?: false;
  sensitive?: boolean;
}): Field<Record<string, string> | undefined>;
export function stringMap(
  rule: { required?: boolean; sensitive?: boolean } = {},
): Field<Record<string, string> | undefined> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return rule.required ? {} : undefined;
      }
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw serializationError('Expected map or null');
      }
      // Keys are the caller's (ChallengeResponses, ProviderDetails, …): keep them prototype-free.
      const out = nameIndex<string>();
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (item === null || item === undefined) continue;
        if (typeof item !== 'string') throw serializationError('Expected string or null');
        out[key] = item;
      }
      return out;
    },
  };
}

/** A list of strings. */
export function stringList(
  rule: { required?: boolean; item?: StringRule; max?: number } = {},
): Field<string[] | undefined> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return undefined;
      }
      if (!Array.isArray(value)) throw serializationError('Expected list or null');
      if (rule.max !== undefined && value.length > rule.max) {
        problems.push(
          `Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${rule.max}`,
        );
      }
      return value.map((item, index) => {
        if (typeof item !== 'string') throw serializationError('Expected string or null');
        if (rule.item) checkString(item, `${path}.${index + 1}.member`, rule.item, problems);
        return item;
      });
    },
  };
}

/** One `{Name, Value}` pair of an `AttributeListType`. */
export interface AttributeInput {
  Name: string;
  Value: string;
}

/** An `AttributeListType` member (`UserAttributes`, `ValidationData`). */
export function attributeList(
  rule: { required?: boolean } = {},
): Field<AttributeInput[] | undefined> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return undefined;
      }
      if (!Array.isArray(value)) throw serializationError('Expected list or null');
      const out: AttributeInput[] = [];
      value.forEach((item: unknown, index) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
          throw serializationError('Expected map or null');
        }
        const record = item as Record<string, unknown>;
        const base = `${path}.${index + 1}.member`;
        const name = str({ required: true, min: 1, max: 32 }).read(
          record['Name'],
          `${base}.name`,
          problems,
        );
        const attrValue = str({ max: 2048 }).read(record['Value'], `${base}.value`, problems);
        out.push({ Name: name, Value: attrValue ?? '' });
      });
      return out;
    },
  };
}

/**
 * A `Document` member (any JSON value, e.g. the WebAuthn `Credential` object); checked by the
 * action that reads it.
 */
export function document(rule: { required: true }): Field<unknown>;
export function document(rule?: { required?: false }): Field<unknown>;
export function document(rule: { required?: boolean } = {}): Field<unknown> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return undefined;
      }
      return value;
    },
  };
}

/** A nested structure member, read with its own field set. */
export function struct<S extends Record<string, Field<unknown>>>(
  fields: S,
  rule: { required?: boolean } = {},
): Field<Parsed<S> | undefined> {
  return {
    read(value, path, problems) {
      if (value === undefined || value === null) {
        if (rule.required) missing(path, problems);
        return undefined;
      }
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw serializationError('Expected map or null');
      }
      return readFields(value as Record<string, unknown>, fields, problems, `${path}.`);
    },
  };
}

/** The typed result of reading a field set. */
export type Parsed<S extends Record<string, Field<unknown>>> = {
  [K in keyof S]: S[K] extends Field<infer T> ? T : never;
};

function readFields<S extends Record<string, Field<unknown>>>(
  input: Record<string, unknown>,
  fields: S,
  problems: string[],
  prefix: string,
): Parsed<S> {
  const out: Record<string, unknown> = {};
  for (const [member, field] of Object.entries(fields)) {
    const value = field.read(input[member], prefix + memberPath(member), problems);
    if (value !== undefined) out[member] = value;
  }
  return out as Parsed<S>;
}

/** InvalidParameterException listing every violated constraint, Cognito style. */
export function validationError(problems: readonly string[]): ServiceError {
  const count = problems.length;
  const head = `${count} validation error${count === 1 ? '' : 's'} detected: `;
  return new ServiceError('InvalidParameterException', head + problems.join('; '));
}

/**
 * Reads `input` with `fields`; throws SerializationException on a wrong JSON type and
 * InvalidParameterException listing all constraint violations.
 *
 * @example
 * const { ClientId, AuthFlow } = readInput(input, {
 *   ClientId: str({ required: true, ...rules.clientId }),
 *   AuthFlow: oneOf(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'], { required: true }),
 * });
 */
export function readInput<S extends Record<string, Field<unknown>>>(
  input: Record<string, unknown>,
  fields: S,
): Parsed<S> {
  const problems: string[] = [];
  const out = readFields(input, fields, problems, '');
  if (problems.length > 0) throw validationError(problems);
  return out;
}

/** Member constraints from Cognito's service model, ready to spread into {@link str}. */
export const rules = {
  clientId: { min: 1, max: 128, pattern: { regex: /^[\w+]+$/, text: '[\\w+]+' } },
  clientSecret: {
    min: 1,
    max: 64,
    pattern: { regex: /^[\w+]+$/, text: '[\\w+]+' },
    sensitive: true,
  },
  secretHash: {
    min: 1,
    max: 128,
    pattern: { regex: /^[\w+=/]+$/, text: '[\\w+=/]+' },
    sensitive: true,
  },
  username: {
    min: 1,
    max: 128,
    pattern: {
      regex: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
      text: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
    },
    sensitive: true,
  },
  password: { max: 256, pattern: { regex: /^\S+$/, text: '[\\S]+' }, sensitive: true },
  session: { min: 20, max: 2048, sensitive: true },
  token: { pattern: { regex: /^[A-Za-z0-9\-_=.]+$/, text: '[A-Za-z0-9-_=.]+' }, sensitive: true },
  confirmationCode: {
    min: 1,
    max: 2048,
    pattern: { regex: /^\S+$/, text: '[\\S]+' },
    sensitive: true,
  },
  totpCode: { min: 6, max: 6, pattern: { regex: /^[0-9]+$/, text: '[0-9]+' }, sensitive: true },
  deviceKey: {
    min: 1,
    max: 55,
    pattern: { regex: /^[\w-]+_[0-9a-f-]+$/, text: '[\\w-]+_[0-9a-f-]+' },
  },
  userPoolId: {
    min: 1,
    max: 55,
    pattern: { regex: /^[\w-]+_[0-9a-zA-Z]+$/, text: '[\\w-]+_[0-9a-zA-Z]+' },
  },
  attributeName: {
    min: 1,
    max: 32,
    pattern: {
      regex: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
      text: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
    },
  },
} as const satisfies Record<string, StringRule>;
