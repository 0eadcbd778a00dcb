/**
 * Records keyed by names that callers choose: pool and client ids, usernames, group and
 * provider names, device keys, `Session` strings, refresh tokens, attribute names.
 *
 * A plain object literal inherits from `Object.prototype`, so a name such as `__proto__`,
 * `constructor` or `toString` would read an inherited member ("the pool exists") and a write
 * under `__proto__` would replace the prototype — or, through an inherited record, write onto
 * `Object.prototype` itself for every object in the process. Every such record in the state
 * therefore has no prototype (built with {@link nameIndex}), and lookups go through
 * {@link own}, which sees own properties only. Both halves are needed: the first makes writes
 * safe, the second keeps reads safe even for a record that came from elsewhere (a caller's
 * snapshot, a request body).
 */

/**
 * A new record without a prototype, holding a copy of `entries`' own enumerable members.
 *
 * @example
 * const users = nameIndex<UserState>();
 * users['__proto__'] = user; // an ordinary key: no prototype is replaced
 */
export function nameIndex<T>(entries?: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries !== undefined) {
    for (const key of Object.keys(entries)) out[key] = entries[key] as T;
  }
  return out;
}

/**
 * The member `key` of `record` when it is the record's own, else `undefined` — never an
 * inherited `Object.prototype` member.
 *
 * @example
 * own(pool.users, 'constructor'); // undefined unless a user is really called "constructor"
 */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A deep copy of a JSON-serialisable value in which every object is a prototype-free record.
 * Used wherever state enters the engine (a snapshot given to `createEmulator` or `restore`, a
 * state file), so records read back from JSON keep the guarantee of {@link nameIndex}.
 *
 * @example
 * const state = copyAsRecords(JSON.parse(text) as EmulatorState);
 */
export function copyAsRecords<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, member: unknown) =>
    isPlainObject(member) ? nameIndex(member) : member,
  ) as T;
}
