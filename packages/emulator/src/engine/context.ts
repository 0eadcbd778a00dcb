/**
 * The engine context every handler receives: the state it reads and mutates, and the few
 * effects it may use (time, randomness, the outbox, persistence notifications). Tests inject a
 * clock and a random source; hosts inject persistence through `changed`.
 */
import { createEngineLock, type EngineLock } from './engine-lock.js';
import { bigIntModExp, type ModularExponentiation } from './mod-exp.js';
import type { SigningKeyCache } from './signing-keys.js';
import type { EmulatorState, OutboxMessage } from './state.js';

/** Engine time source, in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** A message to record in the outbox (id and time are filled in). */
export type OutgoingMessage = Omit<OutboxMessage, 'id' | 'sentAt'>;

/**
 * Behaviours the protocol notes mark "unverified": configurable, with the emulator's defaults.
 */
export interface EngineBehaviour {
  /**
   * Where USER_SRP_AUTH reports UserNotConfirmedException: at InitiateAuth, or at
   * RespondToAuthChallenge after the password proved right. Default `'respond'`.
   */
  readonly userNotConfirmedAt: 'initiate' | 'respond';
  /** Failed sign-ins before the temporary lockout starts (Cognito: 5). */
  readonly lockoutThreshold: number;
  /** Longest lockout and the quiet time that resets the counter, ms (Cognito: ~15 minutes). */
  readonly lockoutMaxMs: number;
  /** Largest accepted request body in bytes. */
  readonly maxBodyBytes: number;
  /** Lifetime of a pending USER_SRP_AUTH exchange (SECRET_BLOCK), ms. */
  readonly srpChallengeTtlMs: number;
  /**
   * Wrong answers to an MFA challenge (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA) one sign-in
   * session takes; the last one ends the session, so the next answer hears `Invalid session for
   * the user.` Cognito does not document a per-session limit (it documents that wrong MFA codes
   * count towards the lockout, which the engine applies as well). Default 5.
   */
  readonly mfaAttemptsPerSession: number;
}

/** Defaults of {@link EngineBehaviour}. */
export const defaultBehaviour: EngineBehaviour = {
  userNotConfirmedAt: 'respond',
  lockoutThreshold: 5,
  lockoutMaxMs: 15 * 60 * 1000,
  maxBodyBytes: 256 * 1024,
  srpChallengeTtlMs: 3 * 60 * 1000,
  mfaAttemptsPerSession: 5,
};

/** Everything a handler may touch. */
export interface EngineContext {
  /** The live state; handlers mutate it and then call {@link EngineContext.changed}. */
  state: EmulatorState;
  readonly clock: Clock;
  /** `size` cryptographically random bytes (or a test's deterministic source). */
  random(size: number): Uint8Array;
  /** A random UUID v4. */
  uuid(): string;
  readonly outbox: { send(message: OutgoingMessage): OutboxMessage };
  /** Marks the state dirty so a persisting host saves it. */
  changed(): void;
  /** Imported WebCrypto keys by `kid` (not part of the serialisable state). */
  readonly keyCache: Map<string, CryptoKey>;
  /** Shared RSA pairs to take pool signing keys from instead of generating (tests), if any. */
  readonly signingKeys: SigningKeyCache | undefined;
  /** How many pairs this context took from {@link EngineContext.signingKeys} so far. */
  signingKeysTaken: number;
  /** Scheme + host used as token issuer base instead of the request's origin, when set. */
  readonly issuerOrigin: string | undefined;
  readonly behaviour: EngineBehaviour;
  /** How SRP's big powers are computed (BigInt by default; the Node host passes OpenSSL). */
  readonly modExp: ModularExponentiation;
  /** Requests take turns with the state; handlers step out of it for pure work only. */
  readonly lock: EngineLock;
}

/** Options of {@link createContext}. */
export interface ContextOptions {
  state: EmulatorState;
  clock?: Clock;
  random?: (size: number) => Uint8Array;
  onChange?: () => void;
  issuerOrigin?: string;
  behaviour?: Partial<EngineBehaviour>;
  signingKeys?: SigningKeyCache;
  modExp?: ModularExponentiation;
}

/** Cryptographic random bytes from WebCrypto. */
export function cryptoRandom(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  // getRandomValues refuses more than 65536 bytes per call.
  for (let offset = 0; offset < size; offset += 65536) {
    globalThis.crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65536)));
  }
  return bytes;
}

/** Formats 16 random bytes as a version-4 UUID. */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Builds an engine context over `state`.
 *
 * @example
 * const ctx = createContext({ state: emptyState(), clock: { now: () => Date.UTC(2024, 0, 1) } });
 */
export function createContext(options: ContextOptions): EngineContext {
  const clock = options.clock ?? { now: () => Date.now() };
  const random = options.random ?? cryptoRandom;
  const ctx: EngineContext = {
    state: options.state,
    clock,
    random,
    uuid: () => uuidFromBytes(random(16)),
    outbox: {
      send(message) {
        const stored: OutboxMessage = { ...message, id: ctx.uuid(), sentAt: clock.now() };
        ctx.state.outbox.push(stored);
        ctx.changed();
        return stored;
      },
    },
    changed: () => options.onChange?.(),
    keyCache: new Map(),
    signingKeys: options.signingKeys,
    signingKeysTaken: 0,
    issuerOrigin: options.issuerOrigin,
    behaviour: { ...defaultBehaviour, ...options.behaviour },
    modExp: options.modExp ?? bigIntModExp,
    lock: createEngineLock(),
  };
  return ctx;
}

/** Current engine time in whole epoch seconds (JWT and Cognito date members). */
export function nowSeconds(ctx: Pick<EngineContext, 'clock'>): number {
  return Math.floor(ctx.clock.now() / 1000);
}

/** `size` random bytes as lowercase hex. */
export function randomHex(ctx: Pick<EngineContext, 'random'>, size: number): string {
  return Array.from(ctx.random(size), (x) => x.toString(16).padStart(2, '0')).join('');
}

/** `size` random bytes as standard base64. */
export function randomBase64(ctx: Pick<EngineContext, 'random'>, size: number): string {
  return bytesToBase64(ctx.random(size));
}

/** Standard base64 (with padding) of bytes, without Node's Buffer. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Bytes of a standard or URL-safe base64 text; `null` when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  const normal = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal)) return null;
  const padded = normal + '='.repeat((4 - (normal.length % 4)) % 4);
  try {
    const binary = atob(padded);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
