/**
 * The hosted pages as HTML text: the sign-in form, a challenge step (TOTP, SMS or e-mail code,
 * new password), and the error page. Plain HTML forms that work without JavaScript: every field
 * has a visible label, errors are announced (`role="alert"`) and tied to the fields they concern,
 * and the document has a language, a title, one main landmark and one heading. Pure functions:
 * data in, text out.
 */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#16191f}
main{max-width:24rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin-top:0}
label{display:block;font-weight:600;margin-top:1rem}
input[type=text],input[type=password]{display:block;width:100%;box-sizing:border-box;padding:.6rem;margin-top:.3rem;border:1px solid #5f6b7a;border-radius:4px;font-size:1rem}
button{display:block;width:100%;margin-top:1.2rem;padding:.7rem;font-size:1rem;border-radius:4px;border:1px solid #033160;background:#0a5eb8;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#033160}
button:focus-visible,input:focus-visible{outline:3px solid #ff9900;outline-offset:2px}
.error{color:#a4161a;background:#fdecea;padding:.6rem;border-radius:4px}
.divider{text-align:center;margin:1.5rem 0 0;color:#414d5c}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

function errorBlock(error: string | undefined): string {
  return error === undefined
    ? ''
    : `<p id="form-error" class="error" role="alert">${escapeHtml(error)}</p>`;
}

function described(error: string | undefined): string {
  return error === undefined ? '' : ' aria-describedby="form-error" aria-invalid="true"';
}

/** One identity-provider button of the sign-in page. */
export interface ProviderButton {
  /** The provider name sent as `identity_provider`. */
  name: string;
  /** The visible text, e.g. `Continue with Google`. */
  label: string;
}

/** Data of {@link signInPage}. */
export interface SignInPageData {
  /** Heading, e.g. the app client's name. */
  appName: string;
  /** The authorization request's query, carried through the form. */
  query: string;
  csrf: string;
  /** Show the username and password form (the client supports `COGNITO`). */
  passwordForm: boolean;
  providers: ProviderButton[];
  username?: string;
  error?: string;
}

/** The hosted sign-in page. */
export function signInPage(data: SignInPageData): string {
  const params = new URLSearchParams(data.query);
  params.delete('identity_provider');
  params.delete('idp_identifier');
  const carried = [...params].map(([name, value]) => hidden(name, value)).join('\n');
  const buttons = data.providers
    .map(
      (p) => `<form method="get" action="/oauth2/authorize">
${carried}
${hidden('identity_provider', p.name)}
<button type="submit" class="secondary">${escapeHtml(p.label)}</button>
</form>`,
    )
    .join('\n');
  const form = data.passwordForm
    ? `<form method="post" action="/login">
${hidden('query', data.query)}
${hidden('_csrf', data.csrf)}
<label for="username">Username</label>
<input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(data.username ?? '')}"${described(data.error)}>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required${described(data.error)}>
<button type="submit">Sign in</button>
</form>`
    : '';
  const divider = data.passwordForm && data.providers.length > 0 ? '<p class="divider">or</p>' : '';
  return page(
    `Sign in – ${data.appName}`,
    `<h1>Sign in to ${escapeHtml(data.appName)}</h1>
${errorBlock(data.error)}
${form}
${divider}
${buttons}`,
  );
}

/** A step after the password that the hosted page can ask for. */
export type HostedChallenge =
  'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP' | 'NEW_PASSWORD_REQUIRED';

const CHALLENGE_TEXT: Record<
  HostedChallenge,
  { heading: string; label: string; hint: string; type: 'text' | 'password'; autocomplete: string }
> = {
  SOFTWARE_TOKEN_MFA: {
    heading: 'Enter your authenticator code',
    label: 'Code from your authenticator app',
    hint: 'The 6-digit code your authenticator app shows now.',
    type: 'text',
    autocomplete: 'one-time-code',
  },
  SMS_MFA: {
    heading: 'Enter the code we texted you',
    label: 'Code from the text message',
    hint: 'We sent a 6-digit code to your phone.',
    type: 'text',
    autocomplete: 'one-time-code',
  },
  EMAIL_OTP: {
    heading: 'Enter the code we e-mailed you',
    label: 'Code from the e-mail',
    hint: 'We sent a code to your e-mail address.',
    type: 'text',
    autocomplete: 'one-time-code',
  },
  NEW_PASSWORD_REQUIRED: {
    heading: 'Choose a new password',
    label: 'New password',
    hint: 'Your temporary password must be replaced before you continue.',
    type: 'password',
    autocomplete: 'new-password',
  },
};

/** Data of {@link challengePage}. */
export interface ChallengePageData {
  appName: string;
  challenge: HostedChallenge;
  query: string;
  csrf: string;
  /** The engine's challenge `Session`. */
  session: string;
  username: string;
  /** Where the code went (masked), when the engine said. */
  destination?: string;
  error?: string;
}

/** The challenge step of the hosted page. */
export function challengePage(data: ChallengePageData): string {
  const text = CHALLENGE_TEXT[data.challenge];
  const numeric = text.type === 'text' ? ' inputmode="numeric" pattern="[0-9]*"' : '';
  const hint = data.destination === undefined ? text.hint : `${text.hint} (${data.destination})`;
  const describedBy = data.error === undefined ? 'answer-hint' : 'answer-hint form-error';
  return page(
    `${text.heading} – ${data.appName}`,
    `<h1>${escapeHtml(text.heading)}</h1>
${errorBlock(data.error)}
<form method="post" action="/login/challenge">
${hidden('query', data.query)}
${hidden('_csrf', data.csrf)}
${hidden('session', data.session)}
${hidden('username', data.username)}
${hidden('challenge', data.challenge)}
<label for="answer">${escapeHtml(text.label)}</label>
<p id="answer-hint">${escapeHtml(hint)}</p>
<input type="${text.type}" id="answer" name="answer" autocomplete="${text.autocomplete}" required${numeric} aria-describedby="${describedBy}"${data.error === undefined ? '' : ' aria-invalid="true"'}>
<button type="submit">Continue</button>
</form>`,
  );
}

/** The error page shown when the client cannot be redirected to. */
export function errorPage(error: string, description: string): string {
  return page(
    'Sign-in error',
    `<h1>Something went wrong</h1>
<p class="error" role="alert">${escapeHtml(description)}</p>
<p>Error code: <code>${escapeHtml(error)}</code></p>`,
  );
}

/** The page after `/logout` when there is nowhere to send the user. */
export function signedOutPage(): string {
  return page('Signed out', '<h1>You are signed out</h1>');
}
