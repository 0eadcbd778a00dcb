import { isCognitoError } from '@cognito-kit/core';
import { useAuth, useUser } from '@cognito-kit/react';
import { useId, useState, type FormEvent } from 'react';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

function problem(error: unknown): string {
  return isCognitoError(error) ? error.message : 'Something went wrong. Try again.';
}

/** Runs `action`, reporting progress and the outcome through `set`. */
async function track(set: (o: Outcome) => void, action: () => Promise<unknown>, done: string) {
  set({ kind: 'busy' });
  try {
    await action();
    set({ kind: 'done', text: done });
  } catch (error) {
    set({ kind: 'failed', text: problem(error) });
  }
}

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  return (
    <p aria-live="polite" className={outcome.kind === 'failed' ? 'demo-error' : 'demo-ok'}>
      {outcome.kind === 'done' || outcome.kind === 'failed' ? outcome.text : ''}
    </p>
  );
}

/** One entry of the ID token's `identities` claim (a federated or linked user). */
interface Identity {
  providerName?: unknown;
  userId?: unknown;
}

/** "Signed in through Google (ada)": the identity providers the user came through. */
function Identities() {
  const claims = useAuth((view) =>
    view.state.status === 'signedIn' ? view.state.user.claims : undefined,
  );
  const identities = Array.isArray(claims?.['identities'])
    ? (claims['identities'] as Identity[])
    : [];
  if (identities.length === 0) return null;
  return (
    <section className="demo-panel" aria-labelledby="identities-title">
      <h2 id="identities-title">Linked sign-in</h2>
      <ul data-testid="identities">
        {identities.map((identity) => (
          <li key={`${String(identity.providerName)}:${String(identity.userId)}`}>
            {String(identity.providerName)} ({String(identity.userId)})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Profile: the user's attributes through `useUser` (edit name and e-mail, verify e-mail). */
export function ProfilePage() {
  const user = useUser();
  const ids = { given: useId(), family: useId(), email: useId() };
  const [saved, setSaved] = useState<Outcome>({ kind: 'idle' });

  if (user.error) {
    return (
      <p className="demo-page demo-error" role="alert">
        {problem(user.error)}
      </p>
    );
  }
  const a = user.attributes;
  if (!a) return <p className="demo-page">Loading your profile…</p>;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const changed: Record<string, string> = {};
    for (const name of ['given_name', 'family_name', 'email']) {
      const value = String(data.get(name) ?? '').trim();
      if (value !== (a?.[name] ?? '')) changed[name] = value;
    }
    if (Object.keys(changed).length === 0)
      return setSaved({ kind: 'done', text: 'Nothing to save.' });
    void track(setSaved, () => user.update(changed), 'Saved.');
  }

  return (
    <div className="demo-page demo-profile">
      <h1>Profile</h1>
      <p className="demo-lead">Signed in as {user.username}.</p>
      <Identities />
      <form className="demo-panel demo-form" onSubmit={onSubmit} aria-labelledby="details-title">
        <h2 id="details-title">Your details</h2>
        <label htmlFor={ids.given}>Given name</label>
        <input
          id={ids.given}
          name="given_name"
          autoComplete="given-name"
          defaultValue={a['given_name'] ?? ''}
        />
        <label htmlFor={ids.family}>Family name</label>
        <input
          id={ids.family}
          name="family_name"
          autoComplete="family-name"
          defaultValue={a['family_name'] ?? ''}
        />
        <label htmlFor={ids.email}>E-mail</label>
        <input
          id={ids.email}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={a['email'] ?? ''}
        />
        <div className="demo-row">
          <button type="submit" className="demo-primary" disabled={saved.kind === 'busy'}>
            Save
          </button>
        </div>
        <OutcomeLine outcome={saved} />
      </form>
      <EmailVerification email={a['email']} verified={a['email_verified'] === 'true'} />
    </div>
  );
}

function EmailVerification({ email, verified }: { email?: string | undefined; verified: boolean }) {
  const user = useUser();
  const codeId = useId();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  if (!email) return null;
  return (
    <section className="demo-panel" aria-labelledby="verify-title">
      <h2 id="verify-title">E-mail verification</h2>
      {verified ? (
        <p className="demo-ok">
          <span aria-hidden="true">✓</span> {email} is verified.
        </p>
      ) : sentTo === null ? (
        <>
          <p>{email} is not verified yet. Verified addresses can sign in and reset passwords.</p>
          <button
            type="button"
            className="demo-primary"
            disabled={outcome.kind === 'busy'}
            onClick={() =>
              void track(
                setOutcome,
                async () => {
                  await user.sendVerificationCode('email');
                  setSentTo(email);
                },
                '',
              )
            }
          >
            Send a verification code
          </button>
        </>
      ) : (
        <form
          className="demo-form"
          onSubmit={(event) => {
            event.preventDefault();
            const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
            void track(
              setOutcome,
              async () => {
                await user.verify({ attributeName: 'email', code });
                setSentTo(null);
              },
              'Your e-mail address is verified.',
            );
          }}
        >
          <p>We sent a code to {sentTo}.</p>
          <label htmlFor={codeId}>Verification code</label>
          <input
            id={codeId}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
          />
          <div className="demo-row">
            <button type="submit" className="demo-primary" disabled={outcome.kind === 'busy'}>
              Verify
            </button>
          </div>
        </form>
      )}
      <OutcomeLine outcome={outcome} />
    </section>
  );
}
