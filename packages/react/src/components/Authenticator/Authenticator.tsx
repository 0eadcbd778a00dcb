import { useState, type ReactNode } from 'react';
import { useAuth } from '../../hooks/useAuth.js';
import { ConfirmSignUp } from '../ConfirmSignUp/ConfirmSignUp.js';
import { ForgotPassword } from '../ForgotPassword/ForgotPassword.js';
import { SignIn, type SignInProps } from '../SignIn/SignIn.js';
import { SignUp } from '../SignUp/SignUp.js';

/** The screen an {@link Authenticator} shows while nobody is signed in. */
export type AuthenticatorScreen =
  | { readonly name: 'signIn' }
  | { readonly name: 'signUp' }
  | { readonly name: 'confirmSignUp'; readonly username?: string }
  | { readonly name: 'forgotPassword'; readonly username?: string };

/** Props of {@link Authenticator}; the sign-in ones are passed on to its {@link SignIn}. */
export interface AuthenticatorProps extends Pick<
  SignInProps,
  'describeCustomChallenge' | 'passwordless' | 'isCustomAnswerRefused'
> {
  /** Shown once signed in. */
  children?: ReactNode;
  /** The first screen; `signIn` by default. */
  initialScreen?: AuthenticatorScreen['name'];
  /** Attributes the sign-up form asks for; default `['email']`. */
  signUpAttributes?: readonly string[];
  /** Hide the sign-up link (pools where only administrators create users). */
  hideSignUp?: boolean;
  className?: string;
}

function initialScreen(name: AuthenticatorScreen['name'] = 'signIn'): AuthenticatorScreen {
  return { name } as AuthenticatorScreen;
}

/**
 * Every signed-out screen in one component: sign-in (with its challenges), sign-up and its
 * confirmation, and password reset, switching between them; the children once signed in.
 *
 * @example
 * <Authenticator><App /></Authenticator>
 */
export function Authenticator(props: AuthenticatorProps) {
  const status = useAuth((view) => view.status);
  const [screen, setScreen] = useState<AuthenticatorScreen>(() =>
    initialScreen(props.initialScreen),
  );
  const toSignIn = () => setScreen({ name: 'signIn' });
  if (status === 'signedIn') return <>{props.children}</>;
  // A sign-in in progress (a challenge) always wins over the other screens.
  const current: AuthenticatorScreen =
    status === 'signedOut' || status === 'initializing' ? screen : { name: 'signIn' };
  switch (current.name) {
    case 'signIn':
      return (
        <SignIn
          className={props.className}
          describeCustomChallenge={props.describeCustomChallenge}
          passwordless={props.passwordless}
          isCustomAnswerRefused={props.isCustomAnswerRefused}
          onForgotPassword={() => setScreen({ name: 'forgotPassword' })}
          onSignUp={props.hideSignUp ? undefined : () => setScreen({ name: 'signUp' })}
          onUserNotConfirmed={(username) => setScreen({ name: 'confirmSignUp', username })}
          onPasswordResetRequired={(username) => setScreen({ name: 'forgotPassword', username })}
        />
      );
    case 'signUp':
      return (
        <SignUp
          className={props.className}
          attributes={props.signUpAttributes}
          onSignIn={toSignIn}
          onConfirmed={toSignIn}
        />
      );
    case 'confirmSignUp':
      return (
        <ConfirmSignUp
          className={props.className}
          username={current.username}
          onSignIn={toSignIn}
        />
      );
    case 'forgotPassword':
      return (
        <ForgotPassword
          className={props.className}
          defaultUsername={current.username}
          onSignIn={toSignIn}
        />
      );
    default:
      current satisfies never;
      return null;
  }
}
