/**
 * Finds out which records of the engine state a request changed, without the engine's help and
 * without comparing the whole state: the live state is wrapped in proxies that note every write
 * (set, delete, define) by the path of the record it falls in. The journal then stores only those
 * records, so the cost of making a change durable follows the size of the change, not the size
 * of the state.
 *
 * A record is a user, a refresh token, a client, a group, an identity provider, a challenge
 * session, an outbox message, or one other field of a pool or of the state (see
 * {@link recordDepth}). Writes below a record mark the record; a write above (a whole pool
 * replaced) marks that larger subtree.
 */

/** Path of a record from the state root, e.g. `['pools', 'us-east-1_X', 'users', 'alice']`. */
export type RecordPath = readonly string[];

/** Collections of a pool whose members are records of their own. */
const POOL_COLLECTIONS = new Set([
  'users',
  'clients',
  'groups',
  'refreshTokens',
  'revokedOrigins',
  'identityProviders',
]);

/** How deep the record lies that a write at `path` belongs to. */
export function recordDepth(path: readonly string[]): number {
  if (path[0] !== 'pools') return 2; // sessions/<id>, srpChallenges/<id>, outbox/<index>, version
  return POOL_COLLECTIONS.has(path[2] ?? '') ? 4 : 3;
}

/** What a persisting host needs from the tracker. */
export interface StateTracker {
  /** Wraps a state the engine installs (pass as `trackState`); marks everything dirty after the first. */
  wrap<T extends object>(state: T): T;
  /** The unwrapped live state, for snapshots (no proxy overhead). */
  raw(): object | undefined;
  /** Increases with every write; a host waits until the journal holds this version. */
  readonly version: number;
  /**
   * The records written since the last call (ancestors cover their descendants), or `'all'`
   * when the whole state was replaced.
   */
  take(): RecordPath[] | 'all';
  /** Puts back what a failed journal write took, so the next write includes it. */
  giveBack(paths: RecordPath[] | 'all'): void;
}

const SEPARATOR = '\u0000';

/** Creates a {@link StateTracker}. */
export function createStateTracker(): StateTracker {
  const rawOf = new WeakMap<object, object>();
  const proxies = new WeakMap<object, { key: string; proxy: object }>();
  let dirty = new Map<string, RecordPath>();
  let all = false;
  let root: object | undefined;
  let version = 0;

  const mark = (path: RecordPath): void => {
    version++;
    if (!all) dirty.set(path.join(SEPARATOR), path);
  };

  /** Stores raw objects only, so a proxy never ends up inside the state. */
  const unwrap = (value: unknown, seen = new Set<object>()): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const raw = rawOf.get(value) ?? value;
    if (seen.has(raw)) return raw;
    seen.add(raw);
    for (const key of Object.keys(raw)) {
      const child = (raw as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null && rawOf.has(child)) {
        (raw as Record<string, unknown>)[key] = unwrap(child, seen);
      } else if (typeof child === 'object' && child !== null) unwrap(child, seen);
    }
    return raw;
  };

  /** `path` is the full path above record depth, the record's path at or below it. */
  const wrapAt = (target: object, path: RecordPath): object => {
    const key = path.join(SEPARATOR);
    const cached = proxies.get(target);
    if (cached && cached.key === key) return cached.proxy;
    const childPath = (name: string): RecordPath =>
      path.length >= recordDepth(path) ? path : [...path, name];
    const proxy = new Proxy(target, {
      get(obj, name, receiver) {
        const value: unknown = Reflect.get(obj, name, receiver);
        if (typeof name !== 'string' || typeof value !== 'object' || value === null) return value;
        return wrapAt(value, childPath(name));
      },
      set(obj, name, value) {
        const done = Reflect.set(obj, name, unwrap(value));
        if (typeof name === 'string') mark(childPath(name));
        return done;
      },
      defineProperty(obj, name, descriptor) {
        const done = Reflect.defineProperty(
          obj,
          name,
          'value' in descriptor ? { ...descriptor, value: unwrap(descriptor.value) } : descriptor,
        );
        if (typeof name === 'string') mark(childPath(name));
        return done;
      },
      deleteProperty(obj, name) {
        const done = Reflect.deleteProperty(obj, name);
        if (typeof name === 'string') mark(childPath(name));
        return done;
      },
    });
    proxies.set(target, { key, proxy });
    rawOf.set(proxy, target);
    return proxy;
  };

  return {
    wrap(state) {
      if (root !== undefined) {
        all = true;
        dirty = new Map();
        version++;
      }
      root = rawOf.get(state) ?? state;
      return wrapAt(root, []) as typeof state;
    },
    raw: () => root,
    get version() {
      return version;
    },
    take() {
      if (all) {
        all = false;
        dirty = new Map();
        return 'all';
      }
      const paths = [...dirty.values()].sort((a, b) => a.length - b.length);
      dirty = new Map();
      const kept: RecordPath[] = [];
      const keys = new Set<string>();
      for (const path of paths) {
        const covered = path.some((_, i) => i > 0 && keys.has(path.slice(0, i).join(SEPARATOR)));
        if (covered) continue;
        keys.add(path.join(SEPARATOR));
        kept.push(path);
      }
      return kept;
    },
    giveBack(paths) {
      if (paths === 'all') all = true;
      else if (!all) for (const path of paths) dirty.set(path.join(SEPARATOR), path);
    },
  };
}
