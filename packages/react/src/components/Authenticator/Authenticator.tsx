import { useState, type ReactNode } from 'react';
import { useAuth } from '../../hooks/useAuth.js';
import { ConfirmSignUp } from '../ConfirmSignUp/ConfirmSignUp.js';
import { ForgotPassword } from '../ForgotPassword/ForgotPassword.js';
import { PasswordSettings, type PasswordSettingsValue } from '../PasswordSettings.js';
import { SignIn } from '../SignIn/SignIn.js';
import type { SignInOptions } from '../SignIn/sign-in-options.js';
import { SignUpConfirmedNotice } from '../SignIn/SignUpConfirmedNotice.js';
import type { IdentityProviderChoice } from '../../federation/context.js';
import { SignUp } from '../SignUp/SignUp.js';
import { useCognitoContext } from '../../provider/context.js';

/** The screen an {@link Authenticator} shows while nobody is signed in. */
export type AuthenticatorScreen =
  | { readonly name: 'signIn'; readonly username?: string; readonly confirmed?: boolean }
  | { readonly name: 'signUp' }
  | { readonly name: 'confirmSignUp'; readonly username?: string }
  | { readonly name: 'forgotPassword'; readonly username?: string };

/** The sign-in options an {@link Authenticator} passes on; it wires the navigation itself. */
export type AuthenticatorSignInOptions = Omit<
  SignInOptions,
  | 'onForgotPassword'
  | 'onSignUp'
  | 'onUserNotConfirmed'
  | 'onPasswordResetRequired'
  | 'defaultUsername'
  | 'notice'
>;

/** Props of {@link Authenticator}. */
export interface AuthenticatorProps {
  /** Shown once signed in. */
  children?: ReactNode;
  /** Options of its {@link SignIn} (challenge texts, passwordless, device question, footer). */
  signIn?: AuthenticatorSignInOptions;
  /** How new passwords are asked for on every screen (see `PasswordSettings`). */
  password?: PasswordSettingsValue;
  /** The first screen; `signIn` by default. */
  initialScreen?: AuthenticatorScreen['name'];
  /** Attributes the sign-up form asks for; default `['email']`. */
  signUpAttributes?: readonly string[];
  /** Hide the sign-up link (pools where only administrators create users). */
  hideSignUp?: boolean;
  /**
   * "Continue with …" buttons on the sign-in screen (needs a `RedirectSignInProvider` above);
   * same as `signIn.identityProviders`.
   */
  identityProviders?: readonly IdentityProviderChoice[];
  className?: string;
}

/**
 * Every signed-out screen in one component: sign-in (with its challenges), sign-up and its
 * confirmation, and password reset, switching between them; the children once signed in. A
 * confirmed sign-up lands on sign-in with the username filled in and a note that it worked.
 *
 * @example
 * <Authenticator signIn={{ devicesTracked: true }} password={{ policy, confirm: true }}>
 *   <App />
 * </Authenticator>
 */
export function Authenticator(props: AuthenticatorProps) {
  const status = useAuth((view) => view.status);
  const [screen, setScreen] = useState<AuthenticatorScreen>(
    () => ({ name: props.initialScreen ?? 'signIn' }) as AuthenticatorScreen,
  );
  // Choice-based sign-in pools sign a confirmed user in at once (ConfirmSignUp's session).
  const choiceBased = useCognitoContext('Authenticator').auth.authFlow === 'USER_AUTH';
  const toSignIn = () => setScreen({ name: 'signIn' });
  const toConfirmedSignIn = (username: string) =>
    setScreen({ name: 'signIn', username, confirmed: true });
  if (status === 'signedIn') return <>{props.children}</>;
  // A sign-in in progress (a challenge) always wins over the other screens.
  const current: AuthenticatorScreen =
    status === 'signedOut' || status === 'initializing' ? screen : { name: 'signIn' };
  return <PasswordSettings {...props.password}>{shown(current)}</PasswordSettings>;

  function shown(current: AuthenticatorScreen): ReactNode {
    switch (current.name) {
      case 'signIn':
        return (
          <SignIn
            {...props.signIn}
            identityProviders={props.identityProviders ?? props.signIn?.identityProviders}
            className={props.className}
            defaultUsername={current.username}
            notice={current.confirmed ? <SignUpConfirmedNotice /> : undefined}
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
            onConfirmed={toConfirmedSignIn}
            autoSignIn={choiceBased}
          />
        );
      case 'confirmSignUp':
        return (
          <ConfirmSignUp
            className={props.className}
            username={current.username}
            onSignIn={toSignIn}
            onConfirmed={toConfirmedSignIn}
            autoSignIn={choiceBased}
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
}
