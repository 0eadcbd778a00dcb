import { seed, user } from '../lib/env.mjs';
import { check, expectSignedIn, expectSignedOut, navigate, submitSignIn } from '../lib/steps.mjs';

/** Reads the protected API's answer shown on the page. */
async function apiAnswer(page) {
  await page.getByRole('button', { name: 'Call the API' }).click();
  const result = page.getByTestId('api-result');
  await result
    .getByText(/Hello, |The API refused/)
    .first()
    .waitFor();
  return result.innerText();
}

/**
 * 9. Signing out in one tab signs out the other; a global sign-out makes the API reject the old
 * access token (the API checks revocation with Cognito, the signature alone still verifies).
 */
export const twoTabsSignOut = {
  name: 'sign-out-tabs',
  seed: seed({ users: [user('olga')] }),
  async run(env) {
    const first = await env.open();
    await submitSignIn(first, 'olga');
    await expectSignedIn(first);
    const second = await env.open();
    await expectSignedIn(second);

    await first.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expectSignedOut(first);
    await expectSignedOut(second);

    await submitSignIn(first, 'olga');
    await expectSignedIn(first);
    await expectSignedIn(second);
    // The token the page itself sends to the API, as any eavesdropper would have kept it.
    const sent = first.waitForRequest((r) => r.url().endsWith('/api/hello'));
    await navigate(first, 'Protected API');
    const accessToken = /^Bearer (.+)$/.exec((await sent).headers()['authorization'] ?? '')?.[1];
    check(accessToken !== undefined, 'the page sent no bearer token');
    check((await apiAnswer(first)).includes('Hello, olga'), 'the API did not accept the token');
    await env.screen(first, 'protected-api');

    await navigate(second, 'Security');
    await second.getByRole('button', { name: 'Sign out of all devices' }).click();
    await expectSignedOut(second);
    await expectSignedOut(first);

    const response = await fetch(`${env.demo.url}/api/hello`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const body = await response.json();
    check(response.status === 401, `the API answered ${response.status} to the revoked token`);
    check(body.reason === 'token revoked', `the API rejected it for "${body.reason}"`);
  },
};
