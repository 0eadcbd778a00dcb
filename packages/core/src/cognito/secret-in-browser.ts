/**
 * A client secret configured in a web page is public: anyone can read it from the bundle and
 * sign in as the app client. Confidential app clients belong on servers. This warns once per
 * page load, without printing the secret, so the mistake shows up in development.
 */
let warned = false;

/** A web page: `window` with a `document` (Node, workers and React Native have none). */
function inWebPage(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window === 'object' && g.window !== null && typeof g.document === 'object';
}

/** Warns (console.warn, once) when a client secret is configured in a web page. */
export function warnIfClientSecretInBrowser(): void {
  if (warned || !inWebPage()) return;
  warned = true;
  console.warn(
    'cognito-kit: a clientSecret is configured in a web page, where anyone can read it. Use an ' +
      'app client without a secret in browsers; keep confidential clients on servers.',
  );
}
