/**
 * Fault injection: "the next N calls of action X fail this way". Tests of clients use it to
 * prove what happens on a Cognito error, a 5xx from a gateway, throttling, a dropped connection
 * or a slow answer, against the real engine instead of a mock.
 *
 * A rule is consumed when a request matches it, before the request reaches the engine (so an
 * injected failure never changes state, like a request that never arrived). Rules match in the
 * order they were added.
 */
import { ServiceError } from './errors.js';

/** Name that matches the JWKS route `GET /<poolId>/.well-known/jwks.json`. */
export const JWKS_FAULT_ACTION = 'JWKS';

/** What an injected fault does. */
export type Fault =
  /** Answers with a Cognito error (`__type` = `code`); `status` defaults to Cognito's for it. */
  | {
      readonly type: 'error';
      readonly code: string;
      readonly message?: string;
      readonly status?: number;
    }
  /** Answers with a bare HTTP status and a non-JSON body, as a gateway or load balancer would. */
  | { readonly type: 'status'; readonly status: number }
  /** Closes the connection without an answer (in-process: `fetch` rejects with a TypeError). */
  | { readonly type: 'drop' }
  /** Waits `ms`, then handles the request normally. */
  | { readonly type: 'delay'; readonly ms: number };

/** One injection: `fault` for the next `times` calls of `action`. */
export interface FaultRule {
  /** Cognito action name (`InitiateAuth`, …), {@link JWKS_FAULT_ACTION}, or `*` for every call. */
  readonly action: string;
  /** How many matching calls fail (default 1). */
  readonly times?: number;
  readonly fault: Fault;
}

/** An active rule with what is left of it. */
export interface ActiveFault {
  readonly id: number;
  readonly action: string;
  readonly fault: Fault;
  readonly remaining: number;
}

/** The fault controls of an emulator. */
export interface FaultInjector {
  /** Adds a rule; returns its id. Throws `TypeError` for a malformed rule. */
  inject(rule: FaultRule): number;
  /** Removes every rule. */
  clear(): void;
  /** Rules still active, oldest first. */
  list(): ActiveFault[];
  /** Consumes and returns the fault for a call of `action`, if a rule matches. */
  take(action: string): Fault | undefined;
}

/** Largest accepted delay, so a typo cannot hang a test run for hours. */
const MAX_DELAY_MS = 120_000;

/**
 * HTTP status of an injected Cognito error when the rule names none: 429 for throttling and 500
 * for InternalErrorException (their `httpStatusCode` in the service model), 400 for the rest,
 * the status the engine itself answers its client errors with.
 */
const ERROR_STATUS: Readonly<Record<string, number>> = {
  TooManyRequestsException: 429,
  InternalErrorException: 500,
};

/** Thrown by the dispatcher for a `drop` fault: the host must close the connection unanswered. */
export class DroppedConnectionError extends TypeError {
  readonly injectedFault = 'drop';
  constructor() {
    super('fetch failed: connection dropped by an injected fault');
    this.name = 'TypeError';
  }
}

/** Checks an untrusted rule (HTTP route, CLI) and returns it typed. */
export function parseFaultRule(value: unknown): FaultRule {
  if (typeof value !== 'object' || value === null)
    throw new TypeError('A fault rule is an object.');
  const rule = value as Record<string, unknown>;
  if (typeof rule['action'] !== 'string' || rule['action'] === '')
    throw new TypeError('A fault rule needs an "action" (a Cognito action name, JWKS or *).');
  const times = rule['times'] ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > 1_000_000)
    throw new TypeError('"times" must be a whole number from 1 to 1000000.');
  return { action: rule['action'], times, fault: parseFault(rule['fault']) };
}

function parseFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null)
    throw new TypeError('A fault rule needs a "fault" object with a "type".');
  const fault = value as Record<string, unknown>;
  switch (fault['type']) {
    case 'error': {
      const code = fault['code'];
      if (typeof code !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(code))
        throw new TypeError('An error fault needs a "code" such as TooManyRequestsException.');
      const status = fault['status'];
      if (status !== undefined && !isHttpErrorStatus(status))
        throw new TypeError('"status" must be an HTTP error status (400–599).');
      const message = fault['message'];
      if (message !== undefined && typeof message !== 'string')
        throw new TypeError('"message" must be a string.');
      return {
        type: 'error',
        code,
        ...(message !== undefined && { message }),
        ...(status !== undefined && { status: status as number }),
      };
    }
    case 'status':
      if (!isHttpErrorStatus(fault['status']))
        throw new TypeError('A status fault needs a "status" from 400 to 599.');
      return { type: 'status', status: fault['status'] as number };
    case 'drop':
      return { type: 'drop' };
    case 'delay': {
      const ms = fault['ms'];
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > MAX_DELAY_MS)
        throw new TypeError(`A delay fault needs "ms" from 0 to ${MAX_DELAY_MS}.`);
      return { type: 'delay', ms };
    }
    default:
      throw new TypeError('"fault.type" must be error, status, drop or delay.');
  }
}

function isHttpErrorStatus(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

/**
 * Parses the CLI form `ACTION[:TIMES]:TYPE[:ARG]`, e.g. `InitiateAuth:2:error:TooManyRequestsException`,
 * `JWKS:status:503`, `GetUser:drop`, `RespondToAuthChallenge:3:delay:1500`.
 */
export function parseFaultSpec(spec: string): FaultRule {
  const parts = spec.split(':');
  const action = parts.shift() ?? '';
  const times = parts[0] !== undefined && /^\d+$/.test(parts[0]) ? Number(parts.shift()) : 1;
  const [type, arg] = parts;
  if (parts.length > 2) throw new TypeError(`Cannot read the fault "${spec}".`);
  const fault =
    type === 'error'
      ? { type, code: arg }
      : type === 'status'
        ? { type, status: Number(arg) }
        : type === 'delay'
          ? { type, ms: Number(arg) }
          : { type };
  return parseFaultRule({ action, times, fault });
}

/** Creates an empty {@link FaultInjector}. */
export function createFaultInjector(): FaultInjector {
  let nextId = 1;
  let rules: { id: number; action: string; fault: Fault; remaining: number }[] = [];
  return {
    inject(rule) {
      const checked = parseFaultRule(rule);
      const id = nextId++;
      rules.push({
        id,
        action: checked.action,
        fault: checked.fault,
        remaining: checked.times ?? 1,
      });
      return id;
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r })),
    take(action) {
      const rule = rules.find((r) => r.action === action || r.action === '*');
      if (!rule) return undefined;
      rule.remaining--;
      if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
      return rule.fault;
    },
  };
}

/** The answer of an `error` or `status` fault. */
export function faultAnswer(
  fault: Extract<Fault, { type: 'error' | 'status' }>,
): ServiceError | number {
  if (fault.type === 'status') return fault.status;
  return new ServiceError(
    fault.code,
    fault.message ?? `Injected fault: ${fault.code}.`,
    fault.status ?? ERROR_STATUS[fault.code] ?? 400,
  );
}
