/**
 * Splits a compact JWT and checks the types of the members verification relies on, before any
 * key is looked up (aws-jwt-verify's `decomposeUnverifiedJwt` rules: three base64url parts,
 * optional `=` padding; header and payload JSON objects; `exp`/`nbf`/`iat` finite numbers;
 * `iss`/`sub`/`scope`/`jti` strings; `aud` a string or an array of strings).
 */
import { base64url } from 'jose';
import { reject } from './errors.js';

export type JsonObject = Record<string, unknown>;

export interface DecomposedJwt {
  readonly header: JsonObject;
  readonly payload: JsonObject;
}

const COMPACT = /^[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]+={0,2}$/;
const decoder = new TextDecoder('utf-8', { fatal: true });

interface BufferLike {
  from(text: string, encoding: 'base64url'): Uint8Array;
}
// Node's Buffer decodes base64url several times faster than `atob` (which jose falls back to on
// runtimes without `Uint8Array.fromBase64`); other runtimes take jose's decoder.
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

/** Bytes of a base64url text (trailing `=` padding allowed). */
export function base64UrlBytes(text: string): Uint8Array {
  return NodeBuffer
    ? NodeBuffer.from(text, 'base64url')
    : base64url.decode(text.replace(/=+$/, ''));
}

function base64UrlJson(part: string, what: string): JsonObject {
  let value: unknown;
  try {
    const text = decoder.decode(base64UrlBytes(part));
    value = JSON.parse(text);
  } catch {
    throw reject('malformed', `The token's ${what} is not JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw reject('malformed', `The token's ${what} is not a JSON object.`);
  }
  return value as JsonObject;
}

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

function checkTypes(header: JsonObject, payload: JsonObject): void {
  for (const key of ['alg', 'kid'] as const) {
    if (header[key] !== undefined && typeof header[key] !== 'string') {
      throw reject('malformed', `The token's header ${key} is not a string.`);
    }
  }
  for (const key of ['exp', 'nbf', 'iat'] as const) {
    if (payload[key] !== undefined && !isNumber(payload[key])) {
      throw reject('malformed', `The token's ${key} claim is not a number.`);
    }
  }
  for (const key of ['iss', 'sub', 'scope', 'jti', 'token_use', 'client_id'] as const) {
    if (payload[key] !== undefined && typeof payload[key] !== 'string') {
      throw reject('malformed', `The token's ${key} claim is not a string.`);
    }
  }
  const aud = payload['aud'];
  if (
    aud !== undefined &&
    typeof aud !== 'string' &&
    !(Array.isArray(aud) && aud.every((a) => typeof a === 'string'))
  ) {
    throw reject('malformed', "The token's aud claim is not a string or a list of strings.");
  }
  const groups = payload['cognito:groups'];
  if (
    groups !== undefined &&
    !(Array.isArray(groups) && groups.every((g) => typeof g === 'string'))
  ) {
    throw reject('malformed', "The token's cognito:groups claim is not a list of strings.");
  }
}

/** @throws TokenRejectedError `malformed` */
export function decomposeJwt(token: unknown): DecomposedJwt {
  if (typeof token !== 'string' || token === '') throw reject('malformed', 'The token is empty.');
  if (!COMPACT.test(token))
    throw reject('malformed', 'The token is not a compact JWT (three base64url parts).');
  const [h = '', p = ''] = token.split('.');
  const header = base64UrlJson(h, 'header');
  const payload = base64UrlJson(p, 'payload');
  checkTypes(header, payload);
  return { header, payload };
}
