import { chromiumPath, freshContext } from '../lib/browser.mjs';
import { POOL_ID, seed, user } from '../lib/env.mjs';
import {
  check,
  expectHeading,
  expectSignedIn,
  expectSignedOut,
  navigate,
  signOut,
  submitSignIn,
} from '../lib/steps.mjs';

const TEMPORARY = 'Temp-Passw0rd-1!';
const CHOSEN = 'Chosen-Passw0rd-2!';

/** The e2e pool plus an `admins` group, its member `ada`, and the users the admin works on. */
function adminSeed() {
  const value = seed({
    users: [
      user('ada', { groups: ['admins'] }),
      user('bert'),
      user('cleo'),
      user('dina'),
      ...['amos', 'beth', 'cyrus'].map((name) => user(name)),
    ],
  });
  const pool = value.pools[0];
  pool.groups = [{ name: 'admins', precedence: 0 }, { name: 'editors' }];
  // LEGACY: a user whose password was reset is told so (PasswordResetRequiredException) rather
  // than "incorrect password", so the sign-in screen can lead them into the reset flow.
  pool.clients[0].preventUserExistenceErrors = 'LEGACY';
  return value;
}

/** Opens a user of the admin table found by a prefix of their e-mail. */
async function openUser(page, emailPrefix, username) {
  await page.getByLabel('Starts with').fill(emailPrefix);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Open ${username}` }).click();
  await page.getByRole('heading', { name: username, level: 2 }).waitFor();
}

/** Runs a user action of the detail screen, confirming it in its dialog (which names the user). */
async function act(page, username, action, question) {
  await page.getByRole('button', { name: action, exact: true }).click();
  if (question) {
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(question).waitFor();
    await dialog.getByRole('button', { name: action, exact: true }).click();
  }
  await page.getByText(`Done: ${username} updated.`).waitFor();
}

/**
 * Issue 11: an admin manages users from the demo's Admin page — finds a user by e-mail prefix,
 * disables them (their next sign-in is refused), resets a password (the user meets the reset
 * flow, code from the outbox), invites a user (who signs in with the temporary password and sets
 * a new one), adds a user to `admins` (the next token's cognito:groups shows the Admin page),
 * re-enables; a non-admin's call to the handler is refused with 403. Axe on every admin screen.
 */
export const admin = {
  name: 'admin',
  seed: adminSeed(),
  async run(env) {
    // bert is signed in in his own browser while the admin works.
    const other = await freshContext(chromiumPath());
    try {
      const bertPage = await other.context.newPage();
      bertPage.setDefaultTimeout(10_000);
      await bertPage.goto(env.demo.url);
      await submitSignIn(bertPage, 'bert');
      await expectSignedIn(bertPage);
      await manage(env, bertPage);
    } finally {
      await other.close();
    }
  },
};

async function manage(env, bertPage) {
  const page = await env.open();
  await submitSignIn(page, 'ada');
  await expectSignedIn(page);
  await navigate(page, 'Admin');
  await expectHeading(page, 'Users');
  await page.getByRole('button', { name: 'Open amos' }).waitFor();
  await env.screen(page, 'admin-users');

  // Find bert by e-mail prefix and disable him.
  await openUser(page, 'ber', 'bert');
  await env.screen(page, 'admin-user-detail');
  await page.getByRole('button', { name: 'Disable', exact: true }).click();
  await page.getByRole('alertdialog').getByText('Disable bert?').waitFor();
  await env.screen(page, 'admin-confirm');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await act(page, 'bert', 'Disable', 'Disable bert?');
  check(env.api.getUser(POOL_ID, 'bert')?.enabled === false, 'bert is still enabled');
  // bert's open session ends at its next refresh: the API finds his token revoked (401),
  // authFetch refreshes, Cognito refuses the disabled user, and the session signs out.
  await navigate(bertPage, 'Protected API');
  await expectSignedOut(bertPage);
  await page.getByRole('button', { name: 'Back to users' }).click();

  // Reset cleo's password.
  await openUser(page, 'cle', 'cleo');
  await act(page, 'cleo', 'Reset password', 'Reset the password of cleo?');
  check(env.api.getUser(POOL_ID, 'cleo')?.status === 'RESET_REQUIRED', 'cleo not RESET_REQUIRED');
  await page.getByRole('button', { name: 'Back to users' }).click();

  // Put dina into admins.
  await openUser(page, 'din', 'dina');
  await page.getByLabel('Group', { exact: true }).selectOption('admins');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText('Done: dina updated.').waitFor();
  await page.getByRole('button', { name: 'Remove from admins' }).waitFor();
  await page.getByRole('button', { name: 'Back to users' }).click();

  // Invite newt with a temporary password (the invitation goes to the outbox).
  await page.getByRole('button', { name: 'Invite a user' }).click();
  const invite = page.getByRole('region', { name: 'Invite a user' });
  await invite.getByLabel('Username', { exact: true }).fill('newt');
  await invite.getByLabel('Email', { exact: true }).fill('newt@example.com');
  await invite.getByLabel('First name', { exact: true }).fill('Newt');
  await invite.getByLabel('Temporary password').fill(TEMPORARY);
  await invite.getByRole('button', { name: 'Invite', exact: true }).click();
  await page.getByText('newt was invited.').waitFor();
  check(env.api.outbox.list({ username: 'newt' }).length === 1, 'no invitation for newt');
  await env.screen(page, 'admin-invite-and-groups');
  await signOut(page);

  // bert's next sign-in is refused.
  await submitSignIn(page, 'bert');
  await page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor();
  check(!(await page.getByRole('navigation', { name: 'Main' }).isVisible()), 'bert signed in');

  // cleo meets the reset flow; the code comes from the outbox.
  await page.goto(env.demo.url);
  await submitSignIn(page, 'cleo');
  await expectHeading(page, 'Reset your password');
  const send = page.getByRole('button', { name: 'Send code' });
  if (await send.isVisible()) await send.click();
  await page.getByLabel('New password', { exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Code' }).fill(env.code('cleo'));
  await page.getByLabel('New password', { exact: true }).fill(CHOSEN);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await page.getByText('Your password has been reset').waitFor();
  await page.getByRole('button', { name: 'Sign in' }).first().click();
  await submitSignIn(page, 'cleo', CHOSEN);
  await expectSignedIn(page);
  await signOut(page);

  // newt signs in with the temporary password and chooses a new one.
  await submitSignIn(page, 'newt', TEMPORARY);
  await expectHeading(page, 'Choose a new password');
  await page.getByLabel('New password', { exact: true }).fill(CHOSEN);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(page);
  await signOut(page);

  // dina's new token carries cognito:groups ["admins"]: the Admin page is hers now.
  await submitSignIn(page, 'dina');
  await expectSignedIn(page);
  await navigate(page, 'Admin');
  await expectHeading(page, 'Users');
  await signOut(page);

  // ada re-enables bert, who can sign in again.
  await submitSignIn(page, 'ada');
  await expectSignedIn(page);
  await navigate(page, 'Admin');
  await openUser(page, 'ber', 'bert');
  await act(page, 'bert', 'Enable');
  await signOut(page);
  await submitSignIn(page, 'bert');
  await expectSignedIn(page);

  // bert is no admin: no Admin link, the page refuses, and so does the handler (403).
  check(
    (await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .count()) === 0,
    'bert sees the Admin link',
  );
  const hello = page.waitForRequest((r) => r.url().endsWith('/api/hello'));
  await navigate(page, 'Protected API');
  const authorization = (await hello).headers()['authorization'];
  check(authorization?.startsWith('Bearer '), 'no bearer token seen');
  const refused = await fetch(`${env.demo.url}/api/admin/listUsers`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: '{}',
  });
  check(refused.status === 403, `the handler answered ${refused.status}, not 403`);
  check((await refused.text()) === '{"error":"forbidden"}', 'the 403 says more than forbidden');
  await page.goto(`${env.demo.url}/#/admin`);
  await page.getByText('This page is for admins.').waitFor();
  await env.screen(page, 'admin-forbidden');
}
