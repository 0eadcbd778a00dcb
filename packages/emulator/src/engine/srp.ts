/**
 * The server half of Cognito's SRP-6a (COGNITO-PROTOCOL §2): verifier, server ephemeral B,
 * shared secret S, the HKDF "Caldera Derived Key" and the claim-signature check, for users and
 * for remembered devices. Written independently of core's client so one misreading of the
 * protocol cannot make both sides agree. Big integers are native bigint; hashing is WebCrypto.
 * Every exponentiation goes through the host's {@link ModularExponentiation} (the first
 * parameter of the functions that need one), so the same code runs on BigInt in a browser and
 * on OpenSSL under Node.
 */
import { base64ToBytes, bytesToBase64 } from './context.js';
import { N, g, type ModularExponentiation } from './mod-exp.js';
import { VerifierCache } from './verifier-cache.js';

export { N, g, modPow } from './mod-exp.js';

const encoder = new TextEncoder();

/**
 * Cognito's integer encoding for hashing: even-length lowercase hex, with a `00` byte in front
 * when the top bit would otherwise be set (so the value reads as non-negative). Only
 * non-negative values are ever hashed.
 */
export function padHex(n: bigint): string {
  if (n < 0n) throw new RangeError('padHex is defined for non-negative integers only');
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if ('89abcdef'.includes(hex.charAt(0))) hex = `00${hex}`;
  return hex;
}

/** Bytes of an even-length hex text. */
export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Lowercase hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Parses a hex text of any case and length as a non-negative integer; `null` if not hex. */
export function parseHex(hex: string): bigint | null {
  if (!/^[0-9a-fA-F]+$/.test(hex)) return null;
  return BigInt(`0x${hex}`);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** H over the padHex encodings of integers, read back as an integer. */
async function hashIntegers(...values: bigint[]): Promise<bigint> {
  const digest = await sha256(concat(...values.map((v) => hexToBytes(padHex(v)))));
  return BigInt(`0x${bytesToHex(digest)}`);
}

let kCache: Promise<bigint> | undefined;
/** k = H(padHex(N) ‖ padHex(g)). */
export function multiplierK(): Promise<bigint> {
  kCache ??= hashIntegers(N, g);
  return kCache;
}

/**
 * x = H(padHex(salt) ‖ H(UTF-8(realm ‖ identity ‖ ":" ‖ secret))). For users realm is the pool
 * name (pool id after `_`), identity the internal username, secret the password; for devices
 * the DeviceGroupKey, DeviceKey and device password.
 */
export async function computeX(
  salt: bigint,
  realm: string,
  identity: string,
  secret: string,
): Promise<bigint> {
  const inner = await sha256(encoder.encode(`${realm}${identity}:${secret}`));
  const digest = await sha256(concat(hexToBytes(padHex(salt)), inner));
  return BigInt(`0x${bytesToHex(digest)}`);
}

// Shared by every emulator in the process: v is a pure function of x, so sharing is safe (and
// any ModularExponentiation gives the same v).
const verifiers = new VerifierCache(4096);

/**
 * The password verifier v = g^x mod N, memoised by x (see {@link VerifierCache}: a changed
 * password or salt gives another x, so a stale verifier is never returned).
 */
export async function computeVerifier(
  modExp: ModularExponentiation,
  salt: bigint,
  realm: string,
  identity: string,
  secret: string,
): Promise<bigint> {
  return verifiers.get(await computeX(salt, realm, identity, secret), (x) => modExp.power(g, x));
}

/** B = (k·v + g^b) mod N. */
export async function computeB(
  modExp: ModularExponentiation,
  v: bigint,
  b: bigint,
): Promise<bigint> {
  const [k, gb] = await Promise.all([multiplierK(), modExp.power(g, b)]);
  return (k * v + gb) % N;
}

/** u = H(padHex(A) ‖ padHex(B)). */
export function computeU(A: bigint, B: bigint): Promise<bigint> {
  return hashIntegers(A, B);
}

/** Server's shared secret S = (A · v^u)^b mod N. */
export async function computeServerS(
  modExp: ModularExponentiation,
  A: bigint,
  v: bigint,
  u: bigint,
  b: bigint,
): Promise<bigint> {
  const vu = await modExp.power(v, u);
  return modExp.power((A % N) * vu, b);
}

/** HKDF-SHA256(IKM = padHex(S), salt = padHex(u), info = "Caldera Derived Key"), 16 bytes. */
export async function derivePasswordKey(S: bigint, u: bigint): Promise<Uint8Array> {
  const ikm = await globalThis.crypto.subtle.importKey(
    'raw',
    hexToBytes(padHex(S)) as BufferSource,
    'HKDF',
    false,
    ['deriveBits'],
  );
  const bits = await globalThis.crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: hexToBytes(padHex(u)) as BufferSource,
      info: encoder.encode('Caldera Derived Key'),
    },
    ikm,
    128,
  );
  return new Uint8Array(bits);
}

/**
 * The claim signature: base64(HMAC-SHA256(key, realm ‖ identity ‖ secretBlock ‖ timestamp)).
 */
export async function claimSignature(
  key: Uint8Array,
  realm: string,
  identity: string,
  secretBlock: Uint8Array,
  timestamp: string,
): Promise<string> {
  const hmacKey = await globalThis.crypto.subtle.importKey(
    'raw',
    key as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const message = concat(
    encoder.encode(realm),
    encoder.encode(identity),
    secretBlock,
    encoder.encode(timestamp),
  );
  const mac = await globalThis.crypto.subtle.sign('HMAC', hmacKey, message as BufferSource);
  return bytesToBase64(new Uint8Array(mac));
}

/** Equality of two texts in time independent of where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  }
  return diff === 0;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) ([A-Z][a-z]{2}) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) UTC (\d{4})$/;

/**
 * Reads a claim TIMESTAMP (`EEE MMM d HH:mm:ss UTC yyyy`) as epoch ms; `null` when the layout
 * is wrong (zero-padded day, wrong weekday, impossible date), which Cognito refuses.
 */
export function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [, day, mon, d, hh, mm, ss, yyyy] = m;
  const month = MONTHS.indexOf(mon ?? '');
  if (month < 0) return null;
  const ms = Date.UTC(Number(yyyy), month, Number(d), Number(hh), Number(mm), Number(ss));
  const date = new Date(ms);
  if (date.getUTCDate() !== Number(d) || DAYS[date.getUTCDay()] !== day) return null;
  return ms;
}

/** Tolerated claim TIMESTAMP skew when a pool does not say otherwise (Cognito's is unverified). */
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;

/**
 * Whether a claim TIMESTAMP lies within `toleranceSeconds` of `nowMs` (either direction);
 * `null` tolerance accepts any well-formed timestamp. The timestamp has whole seconds, so the
 * clock is cut to whole seconds too (an exact client is never off by a fraction).
 */
export function timestampWithinTolerance(
  timestamp: string,
  nowMs: number,
  toleranceSeconds: number | null,
): boolean {
  const at = parseTimestamp(timestamp);
  if (at === null) return false;
  if (toleranceSeconds === null) return true;
  return Math.abs(Math.floor(nowMs / 1000) * 1000 - at) <= toleranceSeconds * 1000;
}

/** The claim TIMESTAMP tolerance of a pool (absent in older snapshots: the default). */
export function claimTimestampTolerance(pool: {
  timestampToleranceSeconds?: number | null;
}): number | null {
  return pool.timestampToleranceSeconds === undefined
    ? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS
    : pool.timestampToleranceSeconds;
}

/** Inputs of {@link verifyPasswordClaim}. */
export interface ClaimCheck {
  /** Client's A, server's b and B, and the verifier v. */
  A: bigint;
  b: bigint;
  B: bigint;
  v: bigint;
  realm: string;
  identity: string;
  /** SECRET_BLOCK as sent by the client (standard or URL-safe base64). */
  secretBlock: string;
  timestamp: string;
  signature: string;
}

/**
 * Recomputes the claim signature the client must have produced and compares it in constant
 * time. False for any malformed part (A ≡ 0 mod N, undecodable block, bad timestamp).
 */
export async function verifyPasswordClaim(
  modExp: ModularExponentiation,
  check: ClaimCheck,
): Promise<boolean> {
  if (check.A % N === 0n) return false;
  const block = base64ToBytes(check.secretBlock);
  if (!block || parseTimestamp(check.timestamp) === null) return false;
  const u = await computeU(check.A, check.B);
  if (u === 0n) return false;
  const S = await computeServerS(modExp, check.A, check.v, u, check.b);
  const key = await derivePasswordKey(S, u);
  const expected = await claimSignature(key, check.realm, check.identity, block, check.timestamp);
  return constantTimeEqual(expected, check.signature);
}

/**
 * Draws the server secret b (256 bits) and B = k·v + g^b, redrawing in the (astronomically
 * unlikely) case B ≡ 0 mod N.
 */
export async function serverEphemeral(
  modExp: ModularExponentiation,
  v: bigint,
  random: (size: number) => Uint8Array,
): Promise<{ b: bigint; B: bigint }> {
  for (;;) {
    const b = BigInt(`0x${bytesToHex(random(32))}`) % N;
    if (b === 0n) continue;
    const B = await computeB(modExp, v, b);
    if (B % N !== 0n) return { b, B };
  }
}

/** The pool name used as SRP realm: the pool id after the first `_`. */
export function poolRealm(poolId: string): string {
  return poolId.slice(poolId.indexOf('_') + 1);
}
