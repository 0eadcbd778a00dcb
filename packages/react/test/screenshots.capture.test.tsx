// Not a test: the first half of `scripts/screenshots.mjs`. Runs the main screens' stories against
// the emulator (their play functions reach each state), then writes each screen as a standalone
// HTML page with the stylesheet inlined, for Chromium to photograph. Skipped unless
// CK_SCREENSHOTS names the output directory.
import { composeStories } from '@storybook/react-vite';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import * as authenticator from '../src/components/Authenticator/Authenticator.stories.js';
import * as confirmSignUp from '../src/components/ConfirmSignUp/ConfirmSignUp.stories.js';
import * as forgotPassword from '../src/components/ForgotPassword/ForgotPassword.stories.js';
import * as security from '../src/components/SecuritySettings/SecuritySettings.stories.js';
import * as signIn from '../src/components/SignIn/SignIn.stories.js';
import * as signUp from '../src/components/SignUp/SignUp.stories.js';
import * as totpSetup from '../src/components/TotpSetup/TotpSetup.stories.js';
import * as theming from '../src/theme/Theming.stories.js';

const out = process.env['CK_SCREENSHOTS'];

const SIGN_IN = composeStories(signIn);
const SIGN_UP = composeStories(signUp);
const TOTP = composeStories(totpSetup);
const CONFIRM = composeStories(confirmSignUp);
const FORGOT = composeStories(forgotPassword);
const SECURITY = composeStories(security);
const AUTH = composeStories(authenticator);
const THEMING = composeStories(theming);

/** File name → the story that reaches the screen. */
const SCREENS = {
  'sign-in': SIGN_IN.Idle,
  'sign-in-wrong-password': SIGN_IN.WrongPassword,
  'sign-in-totp-code': SIGN_IN.TotpCode,
  'sign-in-remember-device': SIGN_IN.RememberThisDevice,
  'sign-in-after-sign-up': AUTH.ConfirmedSignUpLandsOnSignIn,
  'sign-up-rules-partly-met': SIGN_UP.PasswordRules,
  'sign-up-rule-broken': SIGN_UP.PasswordRuleBroken,
  'confirm-sign-up-code-resent': CONFIRM.CodeResent,
  'forgot-password-success': FORGOT.Success,
  'totp-setup': TOTP.ShowingSecret,
  'totp-setup-success': TOTP.Success,
  'security-settings': SECURITY.WrongCurrentPassword,
  'theming-forest': THEMING.Forest,
  'theming-sunset-error': THEMING.Sunset,
};

// The repository root is the working directory (scripts/screenshots.mjs runs vitest there).
const css = out ? readFileSync(path.resolve('packages/react/src/styles.css'), 'utf8') : '';

/** Typed values live in properties; attributes carry them into the serialized page. */
function freezeValues(root: HTMLElement) {
  for (const input of Array.from(root.querySelectorAll('input'))) {
    if (input.type === 'checkbox' || input.type === 'radio') {
      if (input.checked) input.setAttribute('checked', '');
      else input.removeAttribute('checked');
    } else input.setAttribute('value', input.value);
  }
}

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${css}</style>
<style>
  body { margin: 0; padding: 24px 16px; background: #eef0f3; font-family: system-ui, sans-serif; }
  @media (prefers-color-scheme: dark) { body { background: #0b0c0f; } }
  .ck-root:not(.ck-root .ck-root) { margin-inline: auto; }
</style></head><body>${body}</body></html>`;
}

describe.skipIf(!out)('screenshots: the main screens as HTML', () => {
  for (const [name, story] of Object.entries(SCREENS)) {
    it(name, async () => {
      mkdirSync(out!, { recursive: true });
      const element = document.body.appendChild(document.createElement('div'));
      try {
        await story.run({ canvasElement: element });
        // Let live regions and the QR code's dynamic import settle.
        await new Promise((resolve) => setTimeout(resolve, 200));
        freezeValues(element);
        writeFileSync(path.join(out!, `${name}.html`), page(element.outerHTML));
      } finally {
        await story.load();
        element.remove();
      }
    });
  }
});
