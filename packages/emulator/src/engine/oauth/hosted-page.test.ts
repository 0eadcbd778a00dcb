// @vitest-environment happy-dom
/**
 * The hosted pages under axe (WCAG rules; `color-contrast` needs layout, which happy-dom lacks —
 * the demo's Chromium scenario covers it) and their escaping of everything they echo.
 */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { challengePage, errorPage, signInPage, signedOutPage } from './hosted-page.js';
import { accountPage } from './upstream-idp.js';

async function violations(html: string): Promise<string[]> {
  document.open();
  document.write(html);
  document.close();
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const query = 'response_type=code&client_id=web&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&state=x';

describe('hosted pages', () => {
  it('pass axe: sign-in with providers and an error, each challenge, the error and signed-out pages, the account picker', async () => {
    const pages = [
      signInPage({
        appName: 'Web',
        query,
        csrf: 'c'.repeat(32),
        passwordForm: true,
        providers: [
          { name: 'Google', label: 'Continue with Google' },
          { name: 'Apple', label: 'Sign in with Apple' },
        ],
        error: 'Incorrect username or password.',
        username: 'alice',
      }),
      signInPage({
        appName: 'Web',
        query,
        csrf: 'c',
        passwordForm: false,
        providers: [{ name: 'Acme', label: 'Continue with Acme' }],
      }),
      ...(['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP', 'NEW_PASSWORD_REQUIRED'] as const).map(
        (challenge) =>
          challengePage({
            appName: 'Web',
            challenge,
            query,
            csrf: 'c',
            session: 's',
            username: 'alice',
            destination: '+*******0100',
            error: 'Wrong code.',
          }),
      ),
      errorPage('redirect_mismatch', 'redirect_mismatch'),
      signedOutPage(),
      accountPage(
        [
          { sub: 'a', claims: { name: 'Ada', email: 'ada@example.com' } },
          { sub: 'b', claims: {} },
        ],
        new URLSearchParams(query),
      ),
    ];
    for (const page of pages) expect(await violations(page)).toEqual([]);
  });

  it('would notice a violation (the harness really checks the written document)', async () => {
    const unlabelled = signInPage({
      appName: 'Web',
      query,
      csrf: 'c',
      passwordForm: true,
      providers: [],
    }).replace(/<label for="password">Password<\/label>/, '');
    expect(await violations(unlabelled)).toEqual([expect.stringMatching(/^label: /)]);
  });

  it('escapes what it echoes', () => {
    const page = signInPage({
      appName: '<script>alert(1)</script>',
      query: 'state="><img src=x onerror=alert(1)>',
      csrf: 'c',
      passwordForm: true,
      providers: [],
      username: '"><b>',
    });
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('"><b>');
    expect(page).toContain('&lt;script&gt;');
  });
});
