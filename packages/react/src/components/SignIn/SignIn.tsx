import { isCognitoError } from '@cognito-kit/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useAuth } from '../../hooks/useAuth.js';
import { useCognitoAuth } from '../../provider/context.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { LinkButton, Links, Screen } from '../../parts/index.js';
import { ChallengeStep, type ChallengeStepProps } from '../MfaChallenge/ChallengeStep.js';
import { SignInForm } from './SignInForm.js';

/** Props of {@link SignIn}. */
export interface SignInProps {
  /** Shows a "Forgot your password?" link. */
  onForgotPassword?: () => void;
  /** Shows a "Create an account" link. */
  onSignUp?: () => void;
  /** Called instead of showing an error when the account still needs confirming. */
  onUserNotConfirmed?: (username: string) => void;
  /** Called instead of showing an error when Cognito demands a password reset. */
  onPasswordResetRequired?: (username: string) => void;
  /**
   * Shows "Remember this device". Takes effect when the provider's config has
   * `rememberDevice: 'ask'` and the pool tracks devices. Default true.
   */
  showRememberDevice?: boolean;
  /**
   * Asks for the username only and signs in without a password: passwordless custom
   * authentication, which needs `authFlow: 'CUSTOM_AUTH'` in the auth config (the pool's
   * challenge triggers then ask their questions). Default false.
   */
  passwordless?: boolean;
  /** Text for CUSTOM_CHALLENGE parameters (apps define their own). */
  describeCustomChallenge?: ChallengeStepProps['describeCustomChallenge'];
  /** When a repeated CUSTOM_CHALLENGE means a refused answer; see {@link ChallengeStepProps}. */
  isCustomAnswerRefused?: ChallengeStepProps['isCustomAnswerRefused'];
  /** Shown once signed in (nothing by default). */
  children?: ReactNode;
  className?: string;
}

/**
 * The error a sign-in that ended during a challenge left behind (e.g. the last refused answer of
 * a custom challenge), so the form it returns to says why. Errors the app handles through a
 * callback are not shown.
 */
function shownSignOutError(error: unknown, props: SignInProps): unknown {
  if (isCognitoError(error, 'UserNotConfirmedException') && props.onUserNotConfirmed) return null;
  if (isCognitoError(error, 'PasswordResetRequiredException') && props.onPasswordResetRequired) {
    return null;
  }
  return error;
}

/**
 * The whole sign-in: username and password, then every challenge Cognito asks for, then the
 * remembered-device choice.
 *
 * @example
 * <SignIn onForgotPassword={() => go('/reset')} onSignUp={() => go('/sign-up')} />
 */
export function SignIn(props: SignInProps) {
  const auth = useAuth();
  const core = useCognitoAuth();
  const m = useMessages();
  const remember = useRef(false);
  const { status } = auth;
  const { passwordless = false } = props;

  // Pre-compute the SRP ephemeral while the user types, so the submit goes out at once
  // (passwordless sign-in sends no SRP value).
  useEffect(() => {
    if (status === 'signedOut' && !passwordless) core.prepareSignIn();
  }, [status, core, passwordless]);

  // The checkbox answered the question in advance; Cognito asks only after the tokens arrive.
  useEffect(() => {
    if (status === 'rememberDevice') void core.rememberDevice(remember.current).catch(() => {});
  }, [status, core]);

  const { state } = auth;
  switch (state.status) {
    case 'initializing':
    case 'signingOut':
    case 'rememberDevice':
      return <Screen title={m.signIn.title} aria-busy="true" className={props.className} />;
    case 'signedOut':
    case 'signingIn':
      return (
        <SignInForm
          className={props.className}
          error={state.status === 'signedOut' ? shownSignOutError(state.error, props) : undefined}
          passwordless={passwordless}
          showRememberDevice={props.showRememberDevice}
          onForgotPassword={props.onForgotPassword}
          onSignUp={props.onSignUp}
          onSubmit={async ({ username, password, rememberDevice }) => {
            remember.current = rememberDevice;
            try {
              await auth.signIn(passwordless ? { username } : { username, password });
            } catch (error) {
              if (isCognitoError(error, 'UserNotConfirmedException') && props.onUserNotConfirmed) {
                return props.onUserNotConfirmed(username);
              }
              if (
                isCognitoError(error, 'PasswordResetRequiredException') &&
                props.onPasswordResetRequired
              ) {
                return props.onPasswordResetRequired(username);
              }
              throw error;
            }
          }}
        />
      );
    case 'challenge':
      return (
        <ChallengeStep
          challenge={state.challenge}
          onAnswer={auth.answerChallenge}
          describeCustomChallenge={props.describeCustomChallenge}
          isCustomAnswerRefused={props.isCustomAnswerRefused}
        >
          <Links>
            <LinkButton onClick={() => void auth.signOut()}>{m.actions.backToSignIn}</LinkButton>
          </Links>
        </ChallengeStep>
      );
    case 'signedIn':
      return <>{props.children}</>;
    default:
      state satisfies never;
      return null;
  }
}
