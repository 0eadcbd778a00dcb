/**
 * Choice-based sign-in (USER_AUTH) in the demo: passkeys through Chromium's virtual
 * authenticator (DevTools `WebAuthn.addVirtualAuthenticator`, real keys and signatures that the
 * emulator verifies), an e-mailed code from the outbox, and a sign-up that ends signed in.
 */
import { PASSWORD, seed, user } from '../lib/env.mjs';
import { check, expectHeading, expectSignedIn, expectSignedOut } from '../lib/steps.mjs';

/** The e2e pool with choice-based sign-in and passkeys for pages on localhost. */
function passwordlessSeed(users = []) {
  const value = seed({ users });
  const pool = value.pools[0];
  pool.allowedFirstAuthFactors = ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'];
  pool.webAuthn = { relyingPartyId: 'localhost' };
  pool.clients[0].explicitAuthFlows = [
    'ALLOW_USER_AUTH',
    'ALLOW_USER_SRP_AUTH',
    'ALLOW_REFRESH_TOKEN_AUTH',
  ];
  return value;
}

const demoConfig = { authFlow: 'USER_AUTH' };

/** Opens the demo on http://localhost (a passkey's relying party is a domain, never an IP). */
async function openOnLocalhost(env) {
  const page = await env.open();
  await page.goto(env.demo.url.replace('127.0.0.1', 'localhost'));
  return page;
}

/** A platform authenticator with user verification that answers without a prompt. */
async function addVirtualAuthenticator(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** Username first, then the choice of first factors. */
async function startSignIn(page, username) {
  await expectHeading(page, 'Sign in');
  check(
    (await page.getByLabel('Password', { exact: true }).count()) === 0,
    'a password field on the first step',
  );
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Choose how to sign in');
}

/** Signs in with the password, registers a passkey on the security page, signs out. */
async function registerPasskey(env, page, username) {
  await startSignIn(page, username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Use my password' }).click();
  await expectSignedIn(page);
  await page.getByRole('link', { name: 'Security' }).first().click();
  await expectHeading(page, 'Passkeys');
  await page.getByText('No passkeys yet.').waitFor();
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await page.getByText('Your passkey is added.').waitFor();
  await page.getByRole('button', { name: /^Remove: / }).waitFor();
  await env.screen(page, 'passkey-added');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expectSignedOut(page);
}

/** Register a passkey on the security page, sign out, sign in with it. */
export const passkeySignIn = {
  name: 'passkey-sign-in',
  seed: passwordlessSeed([user('pia')]),
  demoConfig,
  async run(env) {
    const page = await openOnLocalhost(env);
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    await registerPasskey(env, page, 'pia');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    check(
      credentials.length === 1,
      `expected 1 passkey in the authenticator, got ${credentials.length}`,
    );

    await startSignIn(page, 'pia');
    await env.screen(page, 'choose-with-passkey');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expectSignedIn(page);
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    check(after.credentials[0].signCount > credentials[0].signCount, 'the passkey was not used');
  },
};

/** A dismissed passkey prompt shows why, and the other ways still work. */
export const passkeyCancelled = {
  name: 'passkey-cancelled',
  seed: passwordlessSeed([user('pete')]),
  demoConfig,
  async run(env) {
    const page = await openOnLocalhost(env);
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    await registerPasskey(env, page, 'pete');
    // The authenticator no longer holds the key: the browser answers NotAllowedError, as for a
    // dismissed prompt.
    await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
    await startSignIn(page, 'pete');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('alert').filter({ hasText: 'cancelled or timed out' }).first().waitFor();
    await env.screen(page, 'passkey-cancelled');
    await page.getByRole('button', { name: 'Use another way' }).click();
    await expectHeading(page, 'Choose how to sign in');
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await expectHeading(page, 'Enter your code');
    await page.getByRole('textbox', { name: 'Code' }).fill(env.code('pete'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expectSignedIn(page);
  },
};

/** Sign in with the code e-mailed to the user (read from the emulator's outbox). */
export const emailCodeSignIn = {
  name: 'email-code-sign-in',
  seed: passwordlessSeed([user('eli')]),
  demoConfig,
  async run(env) {
    const page = await openOnLocalhost(env);
    await startSignIn(page, 'eli');
    await env.screen(page, 'choose-first-factor');
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await expectHeading(page, 'Enter your code');
    const field = page.getByRole('textbox', { name: 'Code' });
    check(
      (await field.getAttribute('autocomplete')) === 'one-time-code',
      'no one-time-code autocomplete',
    );
    await env.screen(page, 'email-code');
    await field.fill(env.code('eli'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expectSignedIn(page);
  },
};

/** The user reloads while reading the e-mailed code: the page comes back to the code step. */
export const emailCodeAfterReload = {
  name: 'email-code-after-reload',
  seed: passwordlessSeed([user('rae')]),
  demoConfig,
  async run(env) {
    const page = await openOnLocalhost(env);
    await startSignIn(page, 'rae');
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await expectHeading(page, 'Enter your code');
    await page.reload();
    await expectHeading(page, 'Enter your code');
    await env.screen(page, 'code-after-reload');
    await page.getByRole('textbox', { name: 'Code' }).fill(env.code('rae'));
    await page.getByRole('button', { name: 'Verify' }).click();
    // The form's in-advance answer did not survive the reload, so the question comes now.
    await expectHeading(page, 'Remember this device?');
    await page.getByRole('button', { name: 'Not now' }).click();
    await expectSignedIn(page);
    const kept = await page.evaluate(() => Object.keys(sessionStorage).join(','));
    check(!kept.includes('pendingSignIn'), `the pending sign-in was not cleared: ${kept}`);
  },
};

/** Sign up, confirm with the e-mailed code, and land signed in (no second sign-in). */
export const signUpSignedIn = {
  name: 'sign-up-signed-in',
  seed: passwordlessSeed(),
  demoConfig,
  async run(env) {
    const page = await openOnLocalhost(env);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await expectHeading(page, 'Create an account');
    await page.getByLabel('Username').fill('sky');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Email').fill('sky@example.com');
    await page.getByLabel('First name').fill('Sky');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expectHeading(page, 'Confirm your account');
    await page.getByRole('textbox', { name: 'Code' }).fill(env.code('sky'));
    await page.getByRole('button', { name: 'Verify' }).click();
    // Signed in already: the pool tracks devices on opt-in, so it asks about this one.
    await expectHeading(page, 'Remember this device?');
    await env.screen(page, 'signed-up-remember-device');
    await page.getByRole('button', { name: 'Not now' }).click();
    await expectSignedIn(page);
    check(
      (await page.getByTestId('signed-in-user').textContent()) === 'Sky',
      'not signed in as Sky',
    );
  },
};
