/**
 * CUSTOM_CHALLENGE steps of the declarative custom-auth stand-in (the pool's `customAuth`):
 * opening a challenge — sending its code to the outbox when it has one — and the parameters the
 * client sees. Answers are judged in `custom-auth.ts`.
 */
import { own } from '../records.js';
import { issueCode, maskEmail, maskPhoneNumber } from '../codes.js';
import type { EngineContext } from '../context.js';
import { invalidSession, serviceError } from '../errors.js';
import type {
  AuthSessionState,
  CustomAuthConfig,
  CustomChallengeDefinition,
  UserState,
} from '../state.js';
import { flowOf, resolveFlow, type AuthStepOutput, type SignInFlow } from './flow.js';
import { openAuthSession, reissueAuthSession } from './sessions.js';

/** The pool's custom-auth configuration, or the error Cognito gives without the triggers. */
export function requireCustomAuth(config: CustomAuthConfig | null | undefined): CustomAuthConfig {
  if (!config) {
    throw serviceError(
      'InvalidParameterException',
      'Custom auth lambda trigger is not configured for the user pool.',
    );
  }
  return config;
}

/** Where a code challenge's code goes: the user's e-mail address or phone number. */
function destinationOf(definition: CustomChallengeDefinition & { kind: 'code' }, user: UserState) {
  const destination =
    definition.delivery === 'EMAIL'
      ? own(user.attributes, 'email')
      : own(user.attributes, 'phone_number');
  if (!destination) {
    // What Cognito reports when the CreateAuthChallenge trigger throws.
    throw serviceError(
      'UserLambdaValidationException',
      `CreateAuthChallenge failed with error No ${definition.delivery === 'EMAIL' ? 'e-mail address' : 'phone number'} to send the code to.`,
    );
  }
  return destination;
}

/** The ChallengeParameters of a custom challenge: its public parameters, delivery, USERNAME. */
function challengeOutput(
  config: CustomAuthConfig,
  session: AuthSessionState,
  user: UserState,
): AuthStepOutput {
  const definition = config.challenges[session.custom?.step ?? -1];
  if (!definition) throw invalidSession();
  const delivery: Record<string, string> = {};
  if (definition.kind === 'code') {
    const destination = destinationOf(definition, user);
    delivery['CODE_DELIVERY_DELIVERY_MEDIUM'] = definition.delivery;
    delivery['CODE_DELIVERY_DESTINATION'] =
      definition.delivery === 'EMAIL' ? maskEmail(destination) : maskPhoneNumber(destination);
  }
  return {
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: session.id,
    ChallengeParameters: {
      ...config.publicParameters,
      ...definition.publicParameters,
      ...delivery,
      USERNAME: user.username,
    },
  };
}

/**
 * Opens custom challenge number `step` of the pool's `customAuth` for a sign-in whose earlier
 * steps passed; a code challenge sends a fresh code to the outbox.
 *
 * @example
 * return startCustomChallenge(ctx, flow, 0);
 */
export function startCustomChallenge(
  ctx: EngineContext,
  flow: SignInFlow,
  step: number,
): AuthStepOutput {
  const { pool, client, user } = resolveFlow(ctx, flow);
  const config = requireCustomAuth(pool.customAuth);
  const definition = config.challenges[step];
  if (!definition) throw invalidSession();
  let code: string | undefined;
  if (definition.kind === 'code') {
    const destination = destinationOf(definition, user);
    code = issueCode(ctx.random, ctx.clock.now(), 'mfa').code;
    ctx.outbox.send({
      poolId: pool.id,
      username: user.username,
      medium: definition.delivery,
      destination,
      purpose: 'CUSTOM_CHALLENGE',
      code,
      ...(definition.delivery === 'EMAIL' && { subject: 'Your sign-in code' }),
      message: `Your sign-in code is ${code}.`,
    });
  }
  const session = openAuthSession(ctx, client, 'CUSTOM_CHALLENGE', {
    ...flowOf(flow),
    custom: { step, failures: 0, ...(code !== undefined && { code }) },
  });
  return challengeOutput(config, session, user);
}

/**
 * Asks the same custom challenge again after a wrong answer (new Session, same code — no new
 * message), counting the failure.
 */
export function repeatCustomChallenge(
  ctx: EngineContext,
  session: AuthSessionState,
  failures: number,
): AuthStepOutput {
  const { pool, user } = resolveFlow(ctx, session);
  const config = requireCustomAuth(pool.customAuth);
  const next = reissueAuthSession(ctx, session);
  next.custom = {
    step: session.custom?.step ?? 0,
    failures,
    ...(session.custom?.code !== undefined && { code: session.custom.code }),
  };
  ctx.changed();
  return challengeOutput(config, next, user);
}
