import { useAuth } from '@cognito-kit/react';

/** Landing page once signed in: who you are and what the session holds. */
export function HomePage() {
  const state = useAuth((view) => view.state);
  if (state.status !== 'signedIn') return null;
  const { user } = state;
  const claims = user.claims;
  const groups = Array.isArray(claims['cognito:groups'])
    ? (claims['cognito:groups'] as string[])
    : [];
  return (
    <section aria-labelledby="home-title" className="demo-page">
      <h1 id="home-title">
        Welcome back{claims['given_name'] ? `, ${String(claims['given_name'])}` : ''}
      </h1>
      <p className="demo-lead">
        You are signed in. Tokens refresh on their own shortly before they expire.
      </p>
      <dl className="demo-facts">
        <div>
          <dt>Username</dt>
          <dd>{user.username}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{String(claims['email'] ?? '—')}</dd>
        </div>
        <div>
          <dt>Groups</dt>
          <dd>{groups.length ? groups.join(', ') : 'none'}</dd>
        </div>
        <div>
          <dt>Access token valid until</dt>
          <dd data-testid="expires-at">{new Date(user.expiresAt).toLocaleTimeString()}</dd>
        </div>
        <div>
          <dt>Device</dt>
          <dd>{user.deviceKey ? 'known to Cognito' : 'not tracked'}</dd>
        </div>
      </dl>
      <div className="demo-cards">
        <a className="demo-card" href="#/profile">
          <strong>Profile</strong>
          <span>Name and e-mail, e-mail verification</span>
        </a>
        <a className="demo-card" href="#/security">
          <strong>Security</strong>
          <span>Authenticator app, devices, password</span>
        </a>
        <a className="demo-card" href="#/api">
          <strong>Protected API</strong>
          <span>A server that checks your access token</span>
        </a>
      </div>
    </section>
  );
}
