/**
 * Whether this page can use passkeys: a browser with WebAuthn (`PublicKeyCredential`,
 * `navigator.credentials`) in a secure context. It does not say whether the user has one: the
 * sign-in offers WEB_AUTHN only when Cognito lists it. A few bytes, so UIs can call it without
 * loading the ceremony code.
 */
export function isPasskeySupported(): boolean {
  const g = globalThis as {
    PublicKeyCredential?: unknown;
    isSecureContext?: boolean;
    navigator?: { credentials?: { get?: unknown } };
  };
  return (
    typeof g.PublicKeyCredential === 'function' &&
    g.isSecureContext !== false &&
    typeof g.navigator?.credentials?.get === 'function'
  );
}
