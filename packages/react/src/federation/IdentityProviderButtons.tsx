'use client';
import { useState, type ReactNode } from 'react';
import { useMessages } from '../messages/MessagesProvider.js';
import { errorText } from '../messages/error-keys.js';
import { Button } from '../parts/index.js';
import { useRedirectSignInContext, type IdentityProviderChoice } from './context.js';

/**
 * Google's "G": its sign-in branding guidelines ask for this mark on a "Continue with Google"
 * button. Apple, Facebook and Amazon require their own button artwork, which we do not ship:
 * those buttons are text only (pass `{ name, idp, icon }` with the asset you are licensed to use).
 */
function GoogleMark() {
  return (
    <svg
      className="ck-idp-icon"
      viewBox="0 0 48 48"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="#EA4335"
        d="M24 9.5c3.54 0 6.71 1.22 9.21 3.6l6.85-6.85C35.9 2.38 30.47 0 24 0 14.62 0 6.51 5.38 2.56 13.22l7.98 6.19C12.43 13.72 17.74 9.5 24 9.5z"
      />
      <path
        fill="#4285F4"
        d="M46.98 24.55c0-1.57-.15-3.09-.38-4.55H24v9.02h12.94c-.58 2.96-2.26 5.48-4.78 7.18l7.73 6c4.51-4.18 7.09-10.36 7.09-17.65z"
      />
      <path
        fill="#FBBC05"
        d="M10.53 28.59c-.48-1.45-.76-2.99-.76-4.59s.27-3.14.76-4.59l-7.98-6.19C.92 16.46 0 20.12 0 24c0 3.88.92 7.54 2.56 10.78l7.97-6.19z"
      />
      <path
        fill="#34A853"
        d="M24 48c6.48 0 11.93-2.13 15.89-5.81l-7.73-6c-2.15 1.45-4.92 2.3-8.16 2.3-6.26 0-11.57-4.22-13.47-9.91l-7.98 6.19C6.51 42.62 14.62 48 24 48z"
      />
    </svg>
  );
}

interface Resolved {
  readonly key: string;
  readonly name: string;
  readonly target: { provider: string } | { idpIdentifier: string };
  readonly icon: ReactNode;
}

const WELL_KNOWN: Readonly<Record<string, string>> = {
  Google: 'Google',
  SignInWithApple: 'Apple',
  Facebook: 'Facebook',
  LoginWithAmazon: 'Amazon',
};

function resolve(choice: IdentityProviderChoice): Resolved {
  if (typeof choice === 'string') {
    return {
      key: choice,
      name: WELL_KNOWN[choice] ?? choice,
      target: { provider: choice },
      icon: choice === 'Google' ? <GoogleMark /> : null,
    };
  }
  if ('idp' in choice) {
    return {
      key: `idp:${choice.idp}`,
      name: choice.name,
      target: { provider: choice.idp },
      icon: choice.icon ?? null,
    };
  }
  return {
    key: `id:${choice.idpIdentifier}`,
    name: choice.name,
    target: { idpIdentifier: choice.idpIdentifier },
    icon: choice.icon ?? null,
  };
}

/** Props of {@link IdentityProviderButtons}. */
export interface IdentityProviderButtonsProps {
  providers: readonly IdentityProviderChoice[];
  /** Where to come back after the sign-in (same origin). Default: the current page. */
  returnTo?: string | undefined;
  className?: string | undefined;
}

/**
 * "Continue with …" buttons, one per identity provider, each starting a redirect sign-in
 * (`signInWithRedirect`) that comes back to the current page. A labelled group after an "or"
 * divider; while the browser leaves, the buttons stay focusable but inert.
 *
 * @example
 * <IdentityProviderButtons providers={['Google', { name: 'Acme SSO', idp: 'AcmeOIDC' }]} />
 */
export function IdentityProviderButtons(props: IdentityProviderButtonsProps) {
  const m = useMessages();
  const { redirect } = useRedirectSignInContext('<IdentityProviderButtons>');
  const [leaving, setLeaving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const choices = props.providers.map(resolve);

  async function go(choice: Resolved) {
    if (leaving !== null) return;
    setLeaving(choice.key);
    setError(null);
    try {
      const returnTo =
        props.returnTo ?? (typeof location === 'undefined' ? undefined : location.href);
      await redirect.signInWithRedirect({ ...choice.target, returnTo });
    } catch (e) {
      setLeaving(null);
      setError(e);
    }
  }

  return (
    <div className={props.className ? `ck-idp ${props.className}` : 'ck-idp'}>
      <p className="ck-divider" aria-hidden="true">
        <span>{m.federation.divider}</span>
      </p>
      <div role="group" aria-label={m.federation.providers} className="ck-idp-buttons">
        {choices.map((choice) => (
          <Button
            key={choice.key}
            className="ck-idp-button"
            data-provider={choice.key}
            aria-disabled={leaving !== null || undefined}
            data-state={leaving === choice.key ? 'pending' : 'idle'}
            onClick={() => void go(choice)}
          >
            {choice.icon}
            <span>{m.federation.continueWith(choice.name)}</span>
          </Button>
        ))}
      </div>
      <div role="alert" className="ck-form-error" data-state={error ? 'visible' : 'hidden'}>
        {error ? errorText(m, error) : null}
      </div>
    </div>
  );
}
