/**
 * `createEmulator`: the engine in one object — a `fetch` that answers like Cognito, plus a
 * programmatic API for tests and tools (outbox, clock control, user inspection, snapshots).
 */
import { copyAsRecords, own } from './records.js';
import type { ActionMap } from './action.js';
import { createContext, type EngineBehaviour } from './context.js';
import { createDispatcher } from './dispatch.js';
import { createFaultInjector, type FaultInjector, type FaultRule } from './faults.js';
import { createOriginPolicy } from './origin-policy.js';
import type { ModularExponentiation } from './mod-exp.js';
import { adminActionNames, allActions } from './registry.js';
import type { SigningKeyCache } from './signing-keys.js';
import { applySeed, type EmulatorSeed } from './seed.js';
import { DEFAULT_CREDENTIALS, verifySigV4, type SigV4Credentials } from './sigv4.js';
import { emptyState, type EmulatorState, type OutboxMessage, type UserState } from './state.js';
import { totpCodeAt } from './totp.js';
import { findUserByLogin } from './users.js';

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /**
   * Start the clock frozen at this epoch-ms instant; it then moves only through
   * `api.clock.advance` / `set`. Without it the clock follows real time (plus any advance).
   */
  now?: number;
  /** Deterministic randomness for tests (default: WebCrypto). */
  random?: (size: number) => Uint8Array;
  /** State to start from (a snapshot); the seed is applied on top of it. */
  state?: EmulatorState;
  /** Called whenever the state changed (persisting hosts save then). */
  onChange?: () => void;
  /** Token issuer origin (default: the origin each request was sent to). */
  issuerOrigin?: string;
  /** Key pairs accepted for SigV4-signed admin calls (default `local:local`). */
  credentials?: readonly SigV4Credentials[];
  /** Unverified Cognito behaviours, see {@link EngineBehaviour}. */
  behaviour?: Partial<EngineBehaviour>;
  /** Extra or replacement action handlers (tests, experiments). */
  actions?: ActionMap;
  /**
   * Reuse RSA signing key pairs from this cache instead of generating two per pool (see
   * {@link SigningKeyCache}: keys stay distinct inside one emulator). For test suites that
   * create many emulators; leave unset elsewhere.
   */
  signingKeys?: SigningKeyCache;
  /** Called with unexpected exceptions before a 500 answer (default: console.error). */
  onInternalError?: (error: unknown) => void;
  /**
   * Browser origins allowed besides the loopback ones (`http(s)://localhost`, `127.0.0.1`,
   * `[::1]`, any port); `'*'` allows all. Others get no CORS headers, and their requests to the
   * dev routes and the admin API are refused.
   */
  corsOrigins?: readonly string[];
  /** Fault rules active from the start (see {@link Emulator.faults}). */
  faults?: readonly FaultRule[];
  /**
   * Wraps the live state each time the engine installs one (at creation and on `restore`);
   * the persisting Node host passes a change tracker here.
   */
  trackState?: (state: EmulatorState) => EmulatorState;
  /**
   * How SRP's modular exponentiations are computed. Default: native BigInt (runs anywhere,
   * ~25 ms of CPU per SRP sign-in). Under Node pass `createOpenSslModExp()` from
   * `@cognito-kit/emulator/node` (the Node server does).
   */
  modularExponentiation?: ModularExponentiation;
}

/** Filter of the outbox list. */
export interface OutboxFilter {
  poolId?: string;
  /** Internal username, typed sign-in name, or the destination address / phone number. */
  username?: string;
}

/** The programmatic side of an emulator. */
export interface EmulatorApi {
  outbox: {
    /** Messages sent so far, oldest first. */
    list(filter?: OutboxFilter): OutboxMessage[];
    clear(): void;
    /** The code of the newest message to `username` (see {@link OutboxFilter}). */
    lastCode(username: string, poolId?: string): string | undefined;
  };
  clock: {
    now(): number;
    advance(ms: number): void;
    set(ms: number): void;
  };
  /** A copy of a user record, found by internal username or sign-in name. */
  getUser(poolId: string, login: string): UserState | undefined;
  /** The TOTP code the user's authenticator would show now (or at `atMs`). */
  totpCode(poolId: string, login: string, atMs?: number): string | undefined;
  /** Adds the pools of another seed (validated; same-id pools replaced). */
  seed(seed: EmulatorSeed): void;
  /** A deep copy of the whole state (JSON-serialisable). */
  snapshot(): EmulatorState;
  /** Replaces the whole state with a copy of `state`. */
  restore(state: EmulatorState): void;
}

/** An in-process Cognito. */
export interface Emulator {
  /** Same contract as `fetch`; point a client's `fetch` at it. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Handles an already-built Request. */
  handle(request: Request): Promise<Response>;
  readonly api: EmulatorApi;
  /**
   * Fault injection: the next calls of an action fail with a Cognito error, an HTTP status, a
   * dropped connection, or are delayed.
   *
   * @example
   * emulator.faults.inject({ action: 'InitiateAuth', times: 2,
   *   fault: { type: 'error', code: 'TooManyRequestsException' } });
   */
  readonly faults: FaultInjector;
}

/** A plain deep copy for callers (snapshots, user records); state coming in goes through `copyAsRecords`. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Creates an emulator with the given seed.
 *
 * @example
 * const emulator = createEmulator({
 *   pools: [{ id: 'us-east-1_Example1', clients: [{ id: 'web' }],
 *     users: [{ username: 'alice', password: 'Passw0rd!' }] }],
 * });
 * const res = await emulator.fetch('http://localhost/', { method: 'POST', headers: {
 *   'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
 *   'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ … }) });
 */
export function createEmulator(seed?: EmulatorSeed, options: EmulatorOptions = {}): Emulator {
  let frozen = options.now;
  let offset = 0;
  const clock = { now: () => (frozen ?? Date.now()) + offset };
  const track = options.trackState ?? ((state: EmulatorState) => state);
  const ctx = createContext({
    state: track(options.state ? copyAsRecords(options.state) : emptyState()),
    clock,
    ...(options.random && { random: options.random }),
    ...(options.onChange && { onChange: options.onChange }),
    ...(options.issuerOrigin !== undefined && { issuerOrigin: options.issuerOrigin }),
    ...(options.behaviour && { behaviour: options.behaviour }),
    ...(options.signingKeys && { signingKeys: options.signingKeys }),
    ...(options.modularExponentiation && { modExp: options.modularExponentiation }),
  });
  if (seed) applySeed(ctx, seed);

  const credentials = options.credentials ?? [DEFAULT_CREDENTIALS];
  const faults = createFaultInjector();
  for (const rule of options.faults ?? []) faults.inject(rule);
  const handle = createDispatcher(ctx, {
    actions: { ...allActions, ...options.actions },
    adminActions: adminActionNames,
    authorizeAdmin: (request, now) => verifySigV4(request, credentials, now),
    ...(options.onInternalError && { onInternalError: options.onInternalError }),
    origins: createOriginPolicy(options.corsOrigins),
    faults,
  });

  const matches = (m: OutboxMessage, filter: OutboxFilter): boolean => {
    if (filter.poolId !== undefined && m.poolId !== filter.poolId) return false;
    if (filter.username === undefined) return true;
    if (m.username === filter.username || m.destination === filter.username) return true;
    const pool = own(ctx.state.pools, m.poolId);
    return pool !== undefined && findUserByLogin(pool, filter.username)?.username === m.username;
  };

  const findUser = (poolId: string, login: string): UserState | undefined => {
    const pool = own(ctx.state.pools, poolId);
    return pool ? findUserByLogin(pool, login) : undefined;
  };

  const api: EmulatorApi = {
    outbox: {
      list: (filter = {}) => copy(ctx.state.outbox.filter((m) => matches(m, filter))),
      clear: () => {
        ctx.state.outbox = [];
        ctx.changed();
      },
      lastCode: (username, poolId) => {
        const found = ctx.state.outbox.filter(
          (m) => m.code !== undefined && matches(m, { username, ...(poolId && { poolId }) }),
        );
        return found.at(-1)?.code;
      },
    },
    clock: {
      now: () => clock.now(),
      advance: (ms) => {
        offset += ms;
      },
      set: (ms) => {
        if (frozen === undefined) offset = ms - Date.now();
        else {
          frozen = ms;
          offset = 0;
        }
      },
    },
    getUser: (poolId, login) => {
      const user = findUser(poolId, login);
      return user ? copy(user) : undefined;
    },
    totpCode: (poolId, login, atMs) => {
      const secret = findUser(poolId, login)?.mfa.totpSecret;
      return secret ? totpCodeAt(secret, atMs ?? clock.now()) : undefined;
    },
    seed: (more) => applySeed(ctx, more),
    snapshot: () => copy(ctx.state),
    restore: (state) => {
      ctx.state = track(copyAsRecords(state));
      ctx.keyCache.clear();
      ctx.changed();
    },
  };

  return {
    fetch: (input, init) => handle(new Request(input, init)),
    handle,
    api,
    faults,
  };
}
