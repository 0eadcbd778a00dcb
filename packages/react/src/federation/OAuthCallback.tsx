'use client';
import type { RedirectCallbackResult } from '@cognito-kit/core/oauth';
import { useEffect, useState } from 'react';
import { useMessages } from '../messages/MessagesProvider.js';
import { errorText } from '../messages/error-keys.js';
import { LinkButton, Links, Screen } from '../parts/index.js';
import { useRedirectSignInContext } from './context.js';

/** Props of {@link OAuthCallback}. */
export interface OAuthCallbackProps {
  /**
   * Called once signed in, with where the sign-in started (`returnTo`, same origin) and the
   * app's `customState`. Default: `location.replace(returnTo ?? '/')`.
   */
  onSignedIn?: ((result: Omit<RedirectCallbackResult, 'state'>) => void) | undefined;
  /** The "Back to sign-in" link after a failure. Default: `location.assign('/')`. */
  onBackToSignIn?: (() => void) | undefined;
  /** The callback URL. Default: the current location. */
  url?: string | undefined;
  className?: string | undefined;
}

const currentHref = () => (typeof location === 'undefined' ? '' : location.href);

/**
 * The page Cognito redirects back to: finishes the sign-in (`handleRedirectCallback`), removes
 * the code from the address bar, and returns the user to where they started. A refused callback
 * (tampered state, a second use, the provider said no) shows why, with a way back to sign-in;
 * nothing is signed in then.
 *
 * @example
 * <Route path="/callback" element={<OAuthCallback onSignedIn={({ returnTo }) => navigate(returnTo ?? '/')} />} />
 */
export function OAuthCallback(props: OAuthCallbackProps) {
  const m = useMessages();
  const { redirect } = useRedirectSignInContext('<OAuthCallback>');
  // Read once: the address bar is cleaned right after, and a second (strict-mode) effect run must
  // ask for the same URL, which core answers with the same exchange.
  const [url] = useState(() => props.url ?? currentHref());
  const [error, setError] = useState<unknown>(null);
  const { onSignedIn } = props;

  useEffect(() => {
    let active = true;
    const run = redirect.handleRedirectCallback(url);
    if (props.url === undefined && typeof history !== 'undefined') {
      const clean = new URL(url);
      clean.search = '';
      history.replaceState(history.state, '', clean.href);
    }
    run.then(
      ({ returnTo, customState }) => {
        if (!active) return;
        if (onSignedIn) onSignedIn({ returnTo, customState });
        else location.replace(returnTo ?? '/');
      },
      (e: unknown) => {
        if (active) setError(e);
      },
    );
    return () => {
      active = false;
    };
    // The callback is finished once per URL; later prop changes do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [redirect, url]);

  if (error === null) {
    return (
      <Screen title={m.signIn.title} aria-busy="true" className={props.className}>
        <p role="status" className="ck-status">
          {m.federation.finishing}
        </p>
      </Screen>
    );
  }
  return (
    <Screen title={m.signIn.title} className={props.className}>
      <div role="alert" className="ck-form-error" data-state="visible">
        {errorText(m, error)}
      </div>
      <Links>
        <LinkButton onClick={props.onBackToSignIn ?? (() => location.assign('/'))}>
          {m.actions.backToSignIn}
        </LinkButton>
      </Links>
    </Screen>
  );
}
