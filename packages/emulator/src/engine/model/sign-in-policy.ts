/**
 * The pool's choice-based sign-in settings: `SignInPolicy.AllowedFirstAuthFactors` and the
 * passkey `WebAuthnConfiguration`, with the rules shared by the admin API and the seed file.
 */
import type {
  FirstAuthFactor,
  FirstFactorChallenge,
  PoolState,
  WebAuthnSettings,
} from './state.js';

/** `AuthFactorType` values allowed as first factors (SOFTWARE_TOKEN is MFA only). */
export const FIRST_AUTH_FACTORS: readonly FirstAuthFactor[] = [
  'PASSWORD',
  'EMAIL_OTP',
  'SMS_OTP',
  'WEB_AUTHN',
];

/**
 * What is wrong with an AllowedFirstAuthFactors list, as sentences (empty when valid): 1–5
 * known factors, no SOFTWARE_TOKEN (service model), no repeats, and PASSWORD always present
 * (reported through the CDK's `allowedFirstAuthFactors.password must be true`).
 *
 * @example
 * firstFactorProblems(['EMAIL_OTP']); // ['PASSWORD must be one of the allowed first factors.']
 */
export function firstFactorProblems(factors: readonly string[]): string[] {
  const problems: string[] = [];
  if (factors.length < 1 || factors.length > 5) {
    problems.push('AllowedFirstAuthFactors must list 1 to 5 factors.');
  }
  if (factors.includes('SOFTWARE_TOKEN')) {
    problems.push('SOFTWARE_TOKEN is not supported as a first authentication factor.');
  }
  for (const factor of factors) {
    if (
      factor !== 'SOFTWARE_TOKEN' &&
      !(FIRST_AUTH_FACTORS as readonly string[]).includes(factor)
    ) {
      problems.push(`${factor} is not an authentication factor.`);
    }
  }
  if (new Set(factors).size !== factors.length) {
    problems.push('AllowedFirstAuthFactors must not repeat a factor.');
  }
  if (!factors.includes('PASSWORD')) {
    problems.push('PASSWORD must be one of the allowed first factors.');
  }
  return problems;
}

/** Passkey settings with Cognito's defaults for what is left out (`preferred`, single factor). */
export function webAuthnSettings(input: {
  relyingPartyId?: string | null | undefined;
  userVerification?: 'required' | 'preferred' | undefined;
  factorConfiguration?: WebAuthnSettings['factorConfiguration'] | undefined;
}): WebAuthnSettings {
  return {
    relyingPartyId: input.relyingPartyId ?? null,
    userVerification: input.userVerification ?? 'preferred',
    factorConfiguration: input.factorConfiguration ?? 'SINGLE_FACTOR',
  };
}

/** `PREFERRED_CHALLENGE` / `ANSWER` values of USER_AUTH, in the order they are offered. */
export const FIRST_FACTOR_CHALLENGES: readonly FirstFactorChallenge[] = [
  'PASSWORD',
  'PASSWORD_SRP',
  'EMAIL_OTP',
  'SMS_OTP',
  'WEB_AUTHN',
];

/** The pool's `SignInPolicy.AllowedFirstAuthFactors` (default: password only). */
export function allowedFirstAuthFactors(pool: PoolState): FirstAuthFactor[] {
  return pool.allowedFirstAuthFactors ?? ['PASSWORD'];
}
