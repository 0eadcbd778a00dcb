import { isCognitoError } from '@cognito-kit/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useDemoAuth } from '../auth-context.js';

const PROFILE_KEY = ['demo', 'profile'] as const;

function problem(error: unknown): string {
  return isCognitoError(error) ? error.message : 'Something went wrong. Try again.';
}

/** Profile: the user's attributes (edit name and e-mail) and e-mail verification. */
export function ProfilePage() {
  const auth = useDemoAuth();
  const queryClient = useQueryClient();
  const profile = useQuery({
    queryKey: PROFILE_KEY,
    queryFn: () => auth.account.getUserAttributes(),
  });
  const save = useMutation({
    mutationFn: (attributes: Record<string, string>) =>
      auth.account.updateUserAttributes({ attributes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROFILE_KEY }),
  });
  const ids = { given: useId(), family: useId(), email: useId() };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const attributes: Record<string, string> = {};
    for (const name of ['given_name', 'family_name', 'email']) {
      const value = String(data.get(name) ?? '').trim();
      if (value !== (profile.data?.attributes[name] ?? '')) attributes[name] = value;
    }
    if (Object.keys(attributes).length) save.mutate(attributes);
  }

  if (profile.isPending) return <p className="demo-page">Loading your profile…</p>;
  if (profile.isError)
    return (
      <p className="demo-page demo-error" role="alert">
        {problem(profile.error)}
      </p>
    );
  const a = profile.data.attributes;
  return (
    <div className="demo-page">
      <h1>Profile</h1>
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
          <button type="submit" className="demo-primary" disabled={save.isPending}>
            Save
          </button>
          <span aria-live="polite">
            {save.isSuccess && <span className="demo-ok">Saved.</span>}
          </span>
        </div>
        {save.isError && (
          <p className="demo-error" role="alert">
            {problem(save.error)}
          </p>
        )}
      </form>
      <EmailVerification email={a['email']} verified={a['email_verified'] === 'true'} />
    </div>
  );
}

function EmailVerification({ email, verified }: { email?: string | undefined; verified: boolean }) {
  const auth = useDemoAuth();
  const queryClient = useQueryClient();
  const codeId = useId();
  const [sent, setSent] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => auth.account.sendAttributeVerificationCode({ attributeName: 'email' }),
    onSuccess: () => setSent(email ?? ''),
  });
  const verify = useMutation({
    mutationFn: (code: string) =>
      auth.account.verifyUserAttribute({ attributeName: 'email', code }),
    onSuccess: async () => {
      setSent(null);
      await queryClient.invalidateQueries({ queryKey: PROFILE_KEY });
    },
  });
  if (!email) return null;
  return (
    <section className="demo-panel" aria-labelledby="verify-title">
      <h2 id="verify-title">E-mail verification</h2>
      {verified ? (
        <p className="demo-ok">
          <span aria-hidden="true">✓</span> {email} is verified.
        </p>
      ) : sent === null ? (
        <>
          <p>{email} is not verified yet. Verified addresses can sign in and reset passwords.</p>
          <button
            type="button"
            className="demo-primary"
            onClick={() => send.mutate()}
            disabled={send.isPending}
          >
            Send a verification code
          </button>
        </>
      ) : (
        <form
          className="demo-form"
          onSubmit={(event) => {
            event.preventDefault();
            verify.mutate(String(new FormData(event.currentTarget).get('code') ?? '').trim());
          }}
        >
          <p>We sent a code to {sent}.</p>
          <label htmlFor={codeId}>Verification code</label>
          <input
            id={codeId}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
          />
          <div className="demo-row">
            <button type="submit" className="demo-primary" disabled={verify.isPending}>
              Verify
            </button>
          </div>
        </form>
      )}
      {(send.isError || verify.isError) && (
        <p className="demo-error" role="alert">
          {problem(send.error ?? verify.error)}
        </p>
      )}
    </section>
  );
}
