import { createContext, useContext, type ReactNode } from 'react';
import type { IdentityProviderChoice } from '../../federation/context.js';
import {
  sameCustomChallenge,
  type CustomAnswerRefusedTest,
  type CustomChallengeParameters,
} from '../MfaChallenge/custom-answer.js';

/** How the challenge steps of a sign-in behave; shared with each step through context. */
export interface ChallengeOptions {
  /** Text for CUSTOM_CHALLENGE parameters (apps define their own), e.g. `(p) => p.question`. */
  describeCustomChallenge?:
    ((parameters: CustomChallengeParameters) => string | undefined) | undefined;
  /**
   * Whether the CUSTOM_CHALLENGE that came back after an answer means the answer was refused
   * (Cognito sends no error then). Default: the same public parameters again
   * ({@link sameCustomChallenge}); a refusal keeps the form and shows
   * `messages.errors.answerNotAccepted`, anything else is the next question on a fresh form.
   */
  isCustomAnswerRefused?: CustomAnswerRefusedTest | undefined;
}

/** Everything {@link SignIn} can be told; `Authenticator` takes the same as its `signIn` option. */
export interface SignInOptions extends ChallengeOptions {
  /** Shows a "Forgot your password?" link. */
  onForgotPassword?: (() => void) | undefined;
  /** Shows a "Create an account" link. */
  onSignUp?: (() => void) | undefined;
  /**
   * Called when the account still needs confirming (Cognito's UserNotConfirmedException). Without
   * it the sign-in confirms the account itself: a code step for that username (with "Send a new
   * code"), then the sign-in form again with the username filled in and "Account confirmed".
   */
  onUserNotConfirmed?: ((username: string) => void) | undefined;
  /** Called instead of showing an error when Cognito demands a password reset. */
  onPasswordResetRequired?: ((username: string) => void) | undefined;
  /**
   * The app knows its pool tracks devices (with `rememberDevice: 'ask'` in the auth config): the
   * sign-in form shows "Remember this device" and answers Cognito's question in advance. Without
   * it the question is a step of its own, shown only when Cognito's answer says it tracks this
   * device (a new device key in the tokens' `NewDeviceMetadata`). Default false.
   */
  devicesTracked?: boolean | undefined;
  /**
   * Asks for the username only and signs in without a password: passwordless custom
   * authentication, which needs `authFlow: 'CUSTOM_AUTH'` in the auth config (the pool's
   * challenge triggers then ask their questions). Default false.
   */
  passwordless?: boolean | undefined;
  /** The username the form starts with (e.g. the one just signed up). */
  defaultUsername?: string | undefined;
  /** Good news shown on the sign-in form (e.g. "Your account is confirmed"), announced politely. */
  notice?: ReactNode;
  /** Shown at the end of every step of the sign-in: the form, each challenge, the device question. */
  footer?: ReactNode;
  /**
   * "Continue with …" buttons under the form, one per identity provider (redirect sign-in);
   * needs a `RedirectSignInProvider` above. E.g. `['Google', { name: 'Acme SSO', idp: 'AcmeOIDC' }]`.
   */
  identityProviders?: readonly IdentityProviderChoice[] | undefined;
}

const Context = createContext<ChallengeOptions>({});

/** Provides the challenge options to the steps below. */
export const ChallengeOptionsProvider = Context.Provider;

/** The challenge options in effect, with their defaults. */
export function useChallengeOptions(): Required<Pick<ChallengeOptions, 'isCustomAnswerRefused'>> &
  ChallengeOptions {
  const options = useContext(Context);
  return {
    ...options,
    isCustomAnswerRefused: options.isCustomAnswerRefused ?? sameCustomChallenge,
  };
}
