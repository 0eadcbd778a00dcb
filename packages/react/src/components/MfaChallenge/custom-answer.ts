/**
 * How a CUSTOM_CHALLENGE step tells a refused answer from the next question. Cognito has no error
 * for a wrong custom answer when the DefineAuthChallenge trigger allows another try: it answers
 * with another CUSTOM_CHALLENGE (HTTP 200, new Session), just as it does for the next question of
 * a chain. Only the public parameters can tell them apart.
 */

/** The public parameters of a CUSTOM_CHALLENGE (plus Cognito's `USERNAME`). */
export type CustomChallengeParameters = Readonly<Record<string, string>>;

/**
 * Decides whether the CUSTOM_CHALLENGE that followed an answer means the answer was refused.
 * `asked` are the parameters the answer was given to, `next` those of the challenge after it.
 */
export type CustomAnswerRefusedTest = (
  asked: CustomChallengeParameters,
  next: CustomChallengeParameters,
) => boolean;

/**
 * The default {@link CustomAnswerRefusedTest}: the same public parameters again mean the same
 * question again, so the answer was refused. Triggers whose chained questions carry identical
 * parameters, or that count attempts in a parameter, need their own test.
 *
 * @example
 * sameCustomChallenge({ question: 'Colour?' }, { question: 'Colour?' }); // true
 */
export const sameCustomChallenge: CustomAnswerRefusedTest = (asked, next) => {
  const keys = Object.keys(asked);
  return (
    keys.length === Object.keys(next).length &&
    keys.every((key) => Object.hasOwn(next, key) && next[key] === asked[key])
  );
};

/**
 * The parameters of the CUSTOM_CHALLENGE an answer resolved with, or `null` when the sign-in went
 * elsewhere (signed in, another kind of challenge) or the callback did not return the auth state.
 */
export function nextCustomChallenge(result: unknown): CustomChallengeParameters | null {
  if (typeof result !== 'object' || result === null) return null;
  const state = result as { status?: unknown; challenge?: unknown };
  if (state.status !== 'challenge' || typeof state.challenge !== 'object' || !state.challenge) {
    return null;
  }
  const challenge = state.challenge as { name?: unknown; parameters?: unknown };
  if (challenge.name !== 'CUSTOM_CHALLENGE' || typeof challenge.parameters !== 'object') {
    return null;
  }
  return challenge.parameters as CustomChallengeParameters;
}
