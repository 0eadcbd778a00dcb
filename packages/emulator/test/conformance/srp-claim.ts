/**
 * The client half of PASSWORD_VERIFIER computed by amazon-cognito-identity-js's own
 * AuthenticationHelper (not the emulator's SRP code), for suites that drive the SRP exchange
 * through another client such as the AWS SDK.
 */
import { createHmac } from 'node:crypto';
import * as aj from 'amazon-cognito-identity-js';

interface HelperBigInteger {
  toString(radix: number): string;
}
interface Helper {
  N: { constructor: new (hex: string, radix: number) => HelperBigInteger };
  getLargeAValue(callback: (error: unknown, A: HelperBigInteger) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    B: HelperBigInteger,
    salt: HelperBigInteger,
    callback: (error: unknown, key: Uint8Array) => void,
  ): void;
}
/** Parts of the library its type declarations do not describe. */
const library = aj as unknown as {
  AuthenticationHelper: new (poolName: string) => Helper;
  DateHelper: new () => { getNowString(): string };
};

/** One SRP client session: `srpA` for InitiateAuth, `claim` for the PASSWORD_VERIFIER answer. */
export interface SrpClient {
  /** A as hex, the `SRP_A` auth parameter. */
  readonly srpA: string;
  /** ChallengeResponses answering PASSWORD_VERIFIER with `password`. */
  claim(params: Record<string, string>, password: string): Promise<Record<string, string>>;
}

/**
 * Starts an SRP client for a pool.
 *
 * @example
 * const srp = await srpClient('eu-west-1_Pool1');
 * // InitiateAuth {SRP_A: srp.srpA} → RespondToAuthChallenge {ChallengeResponses: await srp.claim(params, pw)}
 */
export async function srpClient(poolId: string): Promise<SrpClient> {
  const poolName = poolId.slice(poolId.indexOf('_') + 1);
  const helper = new library.AuthenticationHelper(poolName);
  const BigInteger = helper.N.constructor;
  const A = await new Promise<HelperBigInteger>((resolve, reject) =>
    helper.getLargeAValue((error, value) => (error ? reject(error as Error) : resolve(value))),
  );
  return {
    srpA: A.toString(16),
    async claim(params, password) {
      const userId = params['USER_ID_FOR_SRP'] ?? '';
      const key = await new Promise<Uint8Array>((resolve, reject) =>
        helper.getPasswordAuthenticationKey(
          userId,
          password,
          new BigInteger(params['SRP_B'] ?? '0', 16),
          new BigInteger(params['SALT'] ?? '0', 16),
          (error, value) => (error ? reject(error as Error) : resolve(value)),
        ),
      );
      const timestamp = new library.DateHelper().getNowString();
      const secretBlock = params['SECRET_BLOCK'] ?? '';
      const signature = createHmac('sha256', key)
        .update(Buffer.from(poolName, 'utf8'))
        .update(Buffer.from(userId, 'utf8'))
        .update(Buffer.from(secretBlock, 'base64'))
        .update(Buffer.from(timestamp, 'utf8'))
        .digest('base64');
      return {
        USERNAME: userId,
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: signature,
      };
    },
  };
}
