import {
  Authenticator,
  OAuthCallback,
  RequireAuth,
  selectGroups,
  useAuth,
  useCognitoAuth,
  useRedirectSignIn,
  type IdentityProviderChoice,
} from '@cognito-kit/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { HomePage } from './pages/HomePage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { ApiPage } from './pages/ApiPage.js';
import { SecurityPage } from './pages/SecurityPage.js';
import { applyTheme, initialTheme, type Theme } from './theme.js';

/**
 * The demo pool's password policy (the emulator's default for a pool seeded without one, which
 * is Cognito's default: 8 characters, lower and upper case, a number and a symbol). Browsers
 * cannot read a pool's policy, so the app states it.
 */
const DEMO_PASSWORD_POLICY = {
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
} as const;

// The admin screens load only when an admin opens them: other users never download them.
const AdminPage = lazy(() => import('./pages/AdminPage.js'));

/** The pages of the signed-in app, addressed by the URL hash; `admins` pages for that group only. */
const PAGES = [
  { path: '#/', label: 'Home' },
  { path: '#/profile', label: 'Profile' },
  { path: '#/security', label: 'Security' },
  { path: '#/api', label: 'Protected API' },
  { path: '#/admin', label: 'Admin', group: 'admins' },
] as const;
type PagePath = (typeof PAGES)[number]['path'];

function currentPath(): PagePath {
  const hash = location.hash || '#/';
  return PAGES.find((p) => p.path === hash)?.path ?? '#/';
}

function useHashPath(): PagePath {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

function Page({ path }: { path: PagePath }) {
  switch (path) {
    case '#/':
      return <HomePage />;
    case '#/profile':
      return <ProfilePage />;
    case '#/security':
      return <SecurityPage />;
    case '#/api':
      return <ApiPage />;
    case '#/admin':
      return (
        <RequireAuth
          groups={['admins']}
          forbidden={
            <>
              <h1>Admin</h1>
              <p role="alert">This page is for admins.</p>
            </>
          }
        >
          <Suspense fallback={<p role="status">Loading…</p>}>
            <AdminPage />
          </Suspense>
        </RequireAuth>
      );
    default:
      path satisfies never;
      return null;
  }
}

function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="demo-ghost"
      onClick={() => {
        applyTheme(next, true);
        setTheme(next);
      }}
    >
      {theme === 'dark' ? 'Light theme' : 'Dark theme'}
    </button>
  );
}

/** Sign-out; after a redirect sign-in it also ends the hosted session (Cognito's /logout). */
function HostedSignOutButton() {
  const redirect = useRedirectSignIn();
  const auth = useCognitoAuth();
  // Tokens from the OAuth endpoints carry `openid`; a password sign-in's only the admin scope.
  const viaRedirect = (auth.getSession()?.accessClaims.scope ?? '').split(' ').includes('openid');
  return (
    <button
      type="button"
      className="demo-ghost"
      onClick={() =>
        void (viaRedirect ? redirect.signOut({ endHostedSession: true }) : auth.signOut())
      }
    >
      Sign out
    </button>
  );
}

/** Signs in on Cognito's hosted page (managed login) instead of the form above. */
function HostedPageButton() {
  const redirect = useRedirectSignIn();
  return (
    <button
      type="button"
      className="demo-ghost"
      onClick={() => void redirect.signInWithRedirect({ returnTo: location.href })}
    >
      Use the hosted sign-in page
    </button>
  );
}

function SignedInShell({ redirect }: { redirect: boolean }) {
  const path = useHashPath();
  const auth = useAuth();
  const groups = useAuth(selectGroups);
  const pages = PAGES.filter((p) => !('group' in p) || groups.includes(p.group));
  const user = auth.state.status === 'signedIn' ? auth.state.user : undefined;
  const name = String(user?.claims['given_name'] ?? user?.claims['email'] ?? user?.username ?? '');
  const title = PAGES.find((p) => p.path === path)?.label ?? 'Home';
  useEffect(() => {
    document.title = `${title} — Acme Notes`;
  }, [title]);
  return (
    <div className="demo-shell">
      <header className="demo-header">
        <a className="demo-brand" href="#/">
          <span aria-hidden="true" className="demo-logo">
            ◆
          </span>{' '}
          Acme Notes
        </a>
        <nav aria-label="Main">
          <ul className="demo-nav">
            {pages.map((p) => (
              <li key={p.path}>
                <a href={p.path} aria-current={p.path === path ? 'page' : undefined}>
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="demo-account">
          <span className="demo-user" data-testid="signed-in-user">
            {name}
          </span>
          <ThemeToggle />
          {redirect ? (
            <HostedSignOutButton />
          ) : (
            <button type="button" className="demo-ghost" onClick={() => void auth.signOut()}>
              Sign out
            </button>
          )}
        </div>
      </header>
      <main className="demo-main" id="main">
        <Page path={path} />
      </main>
    </div>
  );
}

/** Props of {@link App}. */
export interface AppProps {
  /** Provider buttons; given only when redirect sign-in is on (a `RedirectSignInProvider` above). */
  identityProviders?: readonly IdentityProviderChoice[] | undefined;
}

/**
 * The whole app: the Authenticator while signed out, the shell once signed in, and `/callback`
 * (where Cognito sends the browser back) finishing a redirect sign-in.
 */
export function App({ identityProviders }: AppProps) {
  const status = useAuth((view) => view.status);
  // Read once: the callback page cleans its own URL, and stays until it has sent the user on.
  const [callback] = useState(() => identityProviders && location.pathname === '/callback');
  const redirect = identityProviders !== undefined;
  if (status === 'signedIn' && !callback) return <SignedInShell redirect={redirect} />;
  return (
    <div className="demo-signed-out">
      <header className="demo-hero">
        <h1 className="demo-brand">
          <span aria-hidden="true" className="demo-logo">
            ◆
          </span>{' '}
          Acme Notes
        </h1>
        <p className="demo-tagline">Your notes, behind a Cognito user pool.</p>
      </header>
      <main className="demo-auth" id="main">
        {callback ? (
          <OAuthCallback
            className="demo-auth-card"
            onSignedIn={({ returnTo }) => location.replace(returnTo ?? '/')}
            onBackToSignIn={() => location.assign('/')}
          />
        ) : (
          <Authenticator
            className="demo-auth-card"
            signUpAttributes={['email', 'given_name']}
            // The demo pool tracks devices on opt-in, so the form can ask in advance.
            signIn={{ devicesTracked: true }}
            password={{ policy: DEMO_PASSWORD_POLICY }}
            {...(identityProviders ? { identityProviders } : {})}
          />
        )}
        {redirect && !callback ? <HostedPageButton /> : null}
      </main>
      <footer className="demo-footer">
        <ThemeToggle />
      </footer>
    </div>
  );
}
