/**
 * Refusals the components find out themselves because Cognito reports them without an error.
 * {@link errorText} gives them their own message key.
 */

/**
 * A custom challenge's answer was not accepted: Cognito answered it with the same
 * CUSTOM_CHALLENGE again. DefineAuthChallenge triggers that allow another try do this with
 * HTTP 200 and a new Session, so there is no Cognito error to show; `ChallengeStep` throws this
 * from the answer's submit so the form shows `messages.errors.answerNotAccepted`.
 *
 * @example
 * if (error instanceof AnswerNotAcceptedError) focusAnswerField();
 */
export class AnswerNotAcceptedError extends Error {
  constructor() {
    super('The custom challenge was asked again after the answer.');
    this.name = 'AnswerNotAcceptedError';
  }
}
