/**
 * A wire-level USER_SRP_AUTH client for tests whose math comes from amazon-cognito-identity-js's
 * AuthenticationHelper (independent of the emulator's server side), so tests can vary each part
 * of the PASSWORD_VERIFIER answer.
 */
import { createHmac } from 'node:crypto';
import type { Emulator } from '../../src/index.js';
import { aj } from './reference-client.js';
import { call, type WireAnswer } from './wire.js';

interface AjBig {
  toString(radix: number): string;
}
type AjBigClass = new (hex: string, radix: number) => AjBig;
export interface AjHelper {
  N: AjBig;
  getLargeAValue(cb: (err: unknown, a: AjBig) => void): void;
  getPasswordAuthenticationKey(
    user: string,
    password: string,
    B: AjBig,
    salt: AjBig,
    cb: (err: unknown, key: Uint8Array) => void,
  ): void;
}

/** The reference library's helpers its type declarations leave out. */
const untyped = aj as unknown as {
  AuthenticationHelper: new (poolName: string) => AjHelper;
  DateHelper: new () => { getNowString(): string };
};

/** A fresh SRP helper of the reference library for `realm` and its client value A (hex). */
export async function referenceSrp(realm: string): Promise<{ helper: AjHelper; A: string }> {
  const helper = new untyped.AuthenticationHelper(realm);
  const A = await new Promise<AjBig>((resolve, reject) =>
    helper.getLargeAValue((err, a) => (err ? reject(err) : resolve(a))),
  );
  return { helper, A: A.toString(16) };
}

/** The reference library's TIMESTAMP for now (`EEE MMM d HH:mm:ss UTC yyyy`). */
export function referenceTimestamp(): string {
  return new untyped.DateHelper().getNowString();
}

/**
 * PASSWORD_CLAIM_SIGNATURE with the reference helper's key: HMAC(key, realm ‖ identity ‖
 * block ‖ timestamp). Serves user SRP (realm = pool name) and device SRP (realm = device group).
 */
export async function signClaim(
  helper: AjHelper,
  input: {
    realm: string;
    identity: string;
    password: string;
    B: string;
    salt: string;
    secretBlock: string;
    timestamp: string;
  },
): Promise<string> {
  const Big = helper.N.constructor as AjBigClass;
  const key = await new Promise<Uint8Array>((resolve, reject) =>
    helper.getPasswordAuthenticationKey(
      input.identity,
      input.password,
      new Big(input.B, 16),
      new Big(input.salt, 16),
      (err, k) => (err ? reject(err) : resolve(k)),
    ),
  );
  return createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(input.realm, 'utf8'),
        Buffer.from(input.identity, 'utf8'),
        Buffer.from(input.secretBlock, 'base64'),
        Buffer.from(input.timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
}

/** What the first step returned, and a way to answer it. */
export interface SrpExchange {
  start: WireAnswer;
  params: Record<string, string>;
  /** Builds PASSWORD_VERIFIER responses; `tweak` may change any of them before sending. */
  answer(options?: {
    password?: string;
    timestamp?: string;
    extra?: Record<string, string | null>;
    secretBlock?: string;
  }): Promise<WireAnswer>;
}

/** Starts USER_SRP_AUTH for `username` and prepares the claim with the reference helper. */
export async function startSrp(
  emulator: Emulator,
  input: {
    poolId: string;
    clientId: string;
    username: string;
    password: string;
    authParameters?: Record<string, string>;
    /** `CUSTOM_AUTH` starts the custom flow's password step (add `CHALLENGE_NAME: 'SRP_A'`). */
    authFlow?: 'USER_SRP_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH';
  },
): Promise<SrpExchange> {
  const poolName = input.poolId.slice(input.poolId.indexOf('_') + 1);
  const { helper, A } = await referenceSrp(poolName);
  const start = await call(emulator, 'InitiateAuth', {
    AuthFlow: input.authFlow ?? 'USER_SRP_AUTH',
    ClientId: input.clientId,
    AuthParameters: { USERNAME: input.username, SRP_A: A, ...input.authParameters },
  });
  const params = (start.body['ChallengeParameters'] ?? {}) as Record<string, string>;
  return {
    start,
    params,
    async answer(options = {}) {
      const userId = params['USER_ID_FOR_SRP'] ?? '';
      const timestamp = options.timestamp ?? referenceTimestamp();
      const block = params['SECRET_BLOCK'] ?? '';
      const signature = await signClaim(helper, {
        realm: poolName,
        identity: userId,
        password: options.password ?? input.password,
        B: params['SRP_B'] ?? '0',
        salt: params['SALT'] ?? '0',
        secretBlock: block,
        timestamp,
      });
      return call(emulator, 'RespondToAuthChallenge', {
        ClientId: input.clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: {
          USERNAME: userId,
          PASSWORD_CLAIM_SECRET_BLOCK: options.secretBlock ?? block,
          TIMESTAMP: timestamp,
          PASSWORD_CLAIM_SIGNATURE: signature,
          ...options.extra,
        },
      });
    },
  };
}
