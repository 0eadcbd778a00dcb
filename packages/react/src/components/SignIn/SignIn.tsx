import { isCognitoError } from '@cognito-kit/core';
import { useContext, useEffect, useState, type ReactNode } from 'react';
import type { ChallengeAnswer } from '@cognito-kit/core';
import { RedirectSignInContext } from '../../federation/context.js';
import { useAuth } from '../../hooks/useAuth.js';
import { useCognitoContext } from '../../provider/context.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { LinkButton, Links, Screen, ScreenFooter } from '../../parts/index.js';
import { ConfirmSignUp } from '../ConfirmSignUp/ConfirmSignUp.js';
import { ChallengeStep } from './ChallengeStep.js';
import { RememberDeviceStep } from './RememberDeviceStep.js';
import { ChallengeOptionsProvider, type SignInOptions } from './sign-in-options.js';
import { SignInForm } from './SignInForm.js';
import { SignUpConfirmedNotice } from './SignUpConfirmedNotice.js';

/** Props of {@link SignIn}: its {@link SignInOptions}, the signed-in content and a class. */
export interface SignInProps extends SignInOptions {
  /** Shown once signed in (nothing by default). */
  children?: ReactNode;
  className?: string | undefined;
}

/** Steps of a chosen first factor, from which "Use another way" leads back to the choice. */
const FIRST_FACTOR_STEPS: ReadonlySet<string> = new Set(['EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN']);

/**
 * The error a sign-in that ended during a challenge left behind (e.g. the last refused answer of
 * a custom challenge), so the form it returns to says why. Errors the app handles through a
 * callback are not shown.
 */
function shownSignOutError(error: unknown, options: SignInOptions): unknown {
  // Handled by the callback or by the built-in confirmation step.
  if (isCognitoError(error, 'UserNotConfirmedException')) return null;
  if (isCognitoError(error, 'PasswordResetRequiredException') && options.onPasswordResetRequired) {
    return null;
  }
  return error;
}

function federationOrThrow<T>(value: T | null): T {
  if (value === null) {
    throw new Error(
      '<SignIn identityProviders> needs <RedirectSignInProvider redirect={…}> around it ' +
        '(createRedirectSignIn from @cognito-kit/core/oauth).',
    );
  }
  return value;
}

/**
 * The whole sign-in: username and password, then every challenge Cognito asks for, then the
 * remembered-device question. Each step is a `Screen` inside one `ScreenFooter`, so the `footer`
 * option (and "Back to sign in" during a challenge) reaches every step, present and future, and
 * the challenge options reach each challenge through context rather than props.
 *
 * @example
 * <SignIn onForgotPassword={() => go('/reset')} onSignUp={() => go('/sign-up')} />
 */
export function SignIn({ children, className, ...options }: SignInProps) {
  const auth = useAuth();
  const m = useMessages();
  // The form's checkbox answer, when the form asked in advance (`devicesTracked`).
  const [rememberAnswer, setRememberAnswer] = useState<boolean | null>(null);
  // Without `onUserNotConfirmed`, an unconfirmed account is confirmed here, then signs in.
  const [confirming, setConfirming] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const { status } = auth;
  const { devicesTracked = false } = options;
  // Choice-based sign-in (USER_AUTH) asks for the username first, then offers the user's factors.
  const choiceBased = useCognitoContext('SignIn').auth.authFlow === 'USER_AUTH';
  const passwordless = (options.passwordless ?? false) || choiceBased;
  // The passkey was just chosen: its step opens the browser's prompt without a second click.
  const [passkeyChosen, setPasskeyChosen] = useState(false);
  const answer = (a: ChallengeAnswer) => {
    setPasskeyChosen(a.name === 'SELECT_CHALLENGE' && a.factor === 'WEB_AUTHN');
    return auth.answerChallenge(a);
  };

  // Pre-compute the SRP ephemeral while the user types, so the submit goes out at once
  // (passwordless sign-in sends no SRP value).
  const { prepareSignIn, rememberDevice } = auth;
  useEffect(() => {
    if (status === 'signedOut' && !passwordless) prepareSignIn();
  }, [status, prepareSignIn, passwordless]);

  // Cognito asks only after the tokens arrive; a checkbox on the form answered in advance.
  useEffect(() => {
    if (status !== 'rememberDevice' || rememberAnswer === null) return;
    void rememberDevice(rememberAnswer).catch(() => {});
  }, [status, rememberDevice, rememberAnswer]);

  // The provider buttons come from the RedirectSignInProvider, so this module never imports them.
  const federation = useContext(RedirectSignInContext);
  const providers = options.identityProviders?.length
    ? federationOrThrow(federation).renderButtons(options.identityProviders)
    : null;

  const { state } = auth;
  const step = (content: ReactNode, footer: ReactNode = options.footer) => (
    <ChallengeOptionsProvider
      value={{
        describeCustomChallenge: options.describeCustomChallenge,
        isCustomAnswerRefused: options.isCustomAnswerRefused,
      }}
    >
      <ScreenFooter content={footer}>{content}</ScreenFooter>
    </ChallengeOptionsProvider>
  );
  switch (state.status) {
    case 'initializing':
    case 'signingOut':
      return <Screen title={m.signIn.title} aria-busy="true" className={className} />;
    case 'rememberDevice':
      return rememberAnswer === null ? (
        step(<RememberDeviceStep className={className} onAnswer={auth.rememberDevice} />)
      ) : (
        <Screen title={m.signIn.title} aria-busy="true" className={className} />
      );
    case 'signedOut':
    case 'signingIn':
      if (confirming !== null) {
        return step(
          <ConfirmSignUp
            className={className}
            username={confirming}
            onSignIn={() => setConfirming(null)}
            onConfirmed={(username) => {
              setConfirming(null);
              setConfirmed(username);
            }}
          />,
        );
      }
      return step(
        <SignInForm
          // A fresh form after the confirmation, so the username is filled in and focused past.
          key={confirmed ?? ''}
          className={className}
          error={state.status === 'signedOut' ? shownSignOutError(state.error, options) : undefined}
          passwordless={passwordless}
          showRememberDevice={devicesTracked}
          defaultUsername={confirmed ?? options.defaultUsername}
          notice={confirmed !== null ? <SignUpConfirmedNotice /> : options.notice}
          onForgotPassword={options.onForgotPassword}
          onSignUp={options.onSignUp}
          providers={providers}
          onSubmit={async ({ username, password, rememberDevice: remember }) => {
            setRememberAnswer(devicesTracked ? remember : null);
            try {
              await auth.signIn(passwordless ? { username } : { username, password });
            } catch (error) {
              if (isCognitoError(error, 'UserNotConfirmedException')) {
                if (options.onUserNotConfirmed) return options.onUserNotConfirmed(username);
                return setConfirming(username);
              }
              if (
                isCognitoError(error, 'PasswordResetRequiredException') &&
                options.onPasswordResetRequired
              ) {
                return options.onPasswordResetRequired(username);
              }
              throw error;
            }
          }}
        />,
      );
    case 'challenge':
      return step(
        <ChallengeStep
          challenge={state.challenge}
          onAnswer={answer}
          autoStartPasskey={passkeyChosen}
        />,
        <>
          <Links>
            {choiceBased && FIRST_FACTOR_STEPS.has(state.challenge.name) ? (
              // A new sign-in with the same name: Cognito offers the choice again.
              <LinkButton
                onClick={() => void auth.signIn({ username: state.username }).catch(() => {})}
              >
                {m.passwordless.useAnotherWay}
              </LinkButton>
            ) : null}
            <LinkButton onClick={() => void auth.signOut()}>{m.actions.backToSignIn}</LinkButton>
          </Links>
          {options.footer}
        </>,
      );
    case 'signedIn':
      return <>{children}</>;
    default:
      state satisfies never;
      return null;
  }
}
