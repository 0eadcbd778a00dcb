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
interface AjHelper {
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
  },
): Promise<SrpExchange> {
  const poolName = input.poolId.slice(input.poolId.indexOf('_') + 1);
  const helper = new untyped.AuthenticationHelper(poolName);
  const Big = helper.N.constructor as AjBigClass;
  const A = await new Promise<AjBig>((resolve, reject) =>
    helper.getLargeAValue((err, a) => (err ? reject(err) : resolve(a))),
  );
  const start = await call(emulator, 'InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: input.clientId,
    AuthParameters: { USERNAME: input.username, SRP_A: A.toString(16), ...input.authParameters },
  });
  const params = (start.body['ChallengeParameters'] ?? {}) as Record<string, string>;
  return {
    start,
    params,
    async answer(options = {}) {
      const userId = params['USER_ID_FOR_SRP'] ?? '';
      const key = await new Promise<Uint8Array>((resolve, reject) =>
        helper.getPasswordAuthenticationKey(
          userId,
          options.password ?? input.password,
          new Big(params['SRP_B'] ?? '0', 16),
          new Big(params['SALT'] ?? '0', 16),
          (err, k) => (err ? reject(err) : resolve(k)),
        ),
      );
      const timestamp = options.timestamp ?? new untyped.DateHelper().getNowString();
      const block = params['SECRET_BLOCK'] ?? '';
      const signature = createHmac('sha256', key)
        .update(
          Buffer.concat([
            Buffer.from(poolName, 'utf8'),
            Buffer.from(userId, 'utf8'),
            Buffer.from(block, 'base64'),
            Buffer.from(timestamp, 'utf8'),
          ]),
        )
        .digest('base64');
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
