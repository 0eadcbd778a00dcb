import { CognitoError } from '@cognito-kit/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.js';
import { ConfirmSignUpForm } from './ConfirmSignUp/ConfirmSignUpForm.js';
import { ConfirmResetForm, RequestResetForm } from './ForgotPassword/ForgotPasswordForms.js';
import { CustomChallengeForm } from './MfaChallenge/CustomChallengeForm.js';
import { MfaCodeForm } from './MfaChallenge/MfaCodeForm.js';
import { MfaSetupForm } from './MfaChallenge/MfaSetupForm.js';
import { SelectMfaForm } from './MfaChallenge/SelectMfaForm.js';
import { NewPasswordForm } from './NewPassword/NewPasswordForm.js';
import { ChangePasswordForm } from './SecuritySettings/ChangePasswordForm.js';
import { DeviceList } from './SecuritySettings/DeviceList.js';
import { MfaPreferenceForm } from './SecuritySettings/MfaPreferenceForm.js';
import { SignInForm } from './SignIn/SignInForm.js';
import { SignUpForm } from './SignUp/SignUpForm.js';
import { TotpSetupView } from './TotpSetup/TotpSetupView.js';

// These views take plain callbacks; the connected components' tests drive them against the emulator.
const views: Array<[string, ReactElement]> = [
  [
    'SignInForm',
    <SignInForm onSubmit={() => {}} onForgotPassword={() => {}} onSignUp={() => {}} />,
  ],
  [
    'NewPasswordForm',
    <NewPasswordForm
      requiredAttributes={['given_name', 'email']}
      userAttributes={{ email: 'a@example.com' }}
      onSubmit={() => {}}
    />,
  ],
  [
    'MfaCodeForm (SMS)',
    <MfaCodeForm
      challenge={{ name: 'SMS_MFA', medium: 'SMS', destination: '+*******1234' }}
      onSubmit={() => {}}
    />,
  ],
  [
    'MfaCodeForm (TOTP)',
    <MfaCodeForm challenge={{ name: 'SOFTWARE_TOKEN_MFA' }} onSubmit={() => {}} />,
  ],
  [
    'SelectMfaForm',
    <SelectMfaForm options={['SMS_MFA', 'SOFTWARE_TOKEN_MFA']} onSubmit={() => {}} />,
  ],
  [
    'MfaSetupForm',
    <MfaSetupForm options={['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']} onSubmit={() => {}} />,
  ],
  [
    'CustomChallengeForm',
    <CustomChallengeForm
      parameters={{ question: '2+2?' }}
      describe={(p) => p['question']}
      onSubmit={() => {}}
    />,
  ],
  [
    'TotpSetupView',
    <TotpSetupView
      secretCode="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
      uri="otpauth://totp/Demo:alice?secret=JBSWY3DPEHPK3PXP&issuer=Demo"
      onVerify={() => {}}
    />,
  ],
  ['SignUpForm', <SignUpForm onSubmit={() => {}} onSignIn={() => {}} />],
  [
    'ConfirmSignUpForm',
    <ConfirmSignUpForm
      username="alice"
      delivery={{ deliveryMedium: 'EMAIL', destination: 'a***@e***' }}
      onSubmit={() => {}}
      onResend={() => {}}
      onSignIn={() => {}}
    />,
  ],
  ['RequestResetForm', <RequestResetForm onSubmit={() => {}} onSignIn={() => {}} />],
  ['ConfirmResetForm', <ConfirmResetForm onSubmit={() => {}} onResend={() => {}} />],
  ['ChangePasswordForm', <ChangePasswordForm onSubmit={() => {}} />],
  [
    'MfaPreferenceForm',
    <MfaPreferenceForm
      available={['SMS_MFA', 'SOFTWARE_TOKEN_MFA']}
      preferred="SOFTWARE_TOKEN_MFA"
      onSubmit={() => {}}
    />,
  ],
  [
    'DeviceList',
    <main>
      <DeviceList
        devices={[
          { deviceKey: 'd1', name: 'Laptop', lastAuthenticatedAt: new Date(0) },
          { deviceKey: 'd2' },
        ]}
        onForget={() => {}}
      />
    </main>,
  ],
];

describe('step views', () => {
  it.each(views)('%s has no axe violations', async (_name, element) => {
    const { container } = render(element);
    await expectNoAxeViolations(container);
  });

  it('SignInForm: submits trimmed username, raw password and the remember choice', async () => {
    const user = userEvent.setup();
    const got: unknown[] = [];
    render(<SignInForm showRememberDevice onSubmit={(v) => got.push(v)} />);
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
    await user.keyboard(' alice ');
    await user.tab();
    await user.keyboard(' pw ');
    await user.tab(); // the show / hide toggle comes right after the password
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show password' }));
    await user.tab();
    await user.keyboard(' ');
    await user.keyboard('{Enter}');
    expect(got).toEqual([{ username: 'alice', password: ' pw ', rememberDevice: true }]);
  });

  it('NewPasswordForm asks only for required attributes without a value', async () => {
    const user = userEvent.setup();
    const got: unknown[] = [];
    render(
      <NewPasswordForm
        requiredAttributes={['given_name', 'email']}
        userAttributes={{ email: 'a@example.com' }}
        onSubmit={(v) => got.push(v)}
      />,
    );
    expect(screen.queryByLabelText('Email')).toBeNull();
    await user.type(screen.getByLabelText('New password'), 'N3w-passw0rd');
    await user.type(screen.getByLabelText('First name'), 'Alice');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(got).toEqual([{ newPassword: 'N3w-passw0rd', attributes: { given_name: 'Alice' } }]);
  });

  it('a wrong code marks the code field invalid and points it at the alert', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <MfaCodeForm
        challenge={{ name: 'SOFTWARE_TOKEN_MFA' }}
        onSubmit={() => {
          throw new CognitoError({ code: 'CodeMismatchException', message: 'x' });
        }}
      />,
    );
    await user.keyboard('123456{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/not right/);
    const input = screen.getByLabelText('Code');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    await expectNoAxeViolations(container);
  });

  it('MfaSetupForm asks for an address only when e-mail is chosen', async () => {
    const user = userEvent.setup();
    const got: unknown[] = [];
    render(
      <MfaSetupForm options={['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']} onSubmit={(v) => got.push(v)} />,
    );
    expect(screen.queryByLabelText('Email', { selector: 'input[type=email]' })).toBeNull();
    await user.click(screen.getByLabelText('Email'));
    await user.type(
      screen.getByLabelText('Email', { selector: 'input[type=email]' }),
      'a@example.com',
    );
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(got).toEqual([{ setup: 'EMAIL_OTP', email: 'a@example.com' }]);
  });

  it('TotpSetupView shows the key as text, and success after the code verifies', async () => {
    const user = userEvent.setup();
    const codes: string[] = [];
    const { container } = render(
      <TotpSetupView
        secretCode="ABCDEFGHIJKL"
        uri="otpauth://totp/x?secret=ABCDEFGHIJKL"
        onVerify={(c) => codes.push(c)}
      />,
    );
    expect(container.querySelector('code')?.textContent).toBe('ABCD EFGH IJKL');
    await user.click(screen.getByRole('button', { name: /Copy/ }));
    expect(await navigator.clipboard.readText()).toBe('ABCDEFGHIJKL');
    await user.type(screen.getByLabelText('Code'), '654321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(codes).toEqual(['654321']);
    expect(container.querySelector('section')?.getAttribute('data-state')).toBe('success');
    expect(screen.getByText('Your authenticator app is set up.')).toBeTruthy();
  });

  it('MfaPreferenceForm with no method to prefer and MFA off says how to get one', () => {
    render(<MfaPreferenceForm available={[]} preferred={null} onSubmit={() => {}} />);
    expect(screen.getByText(/Set up a second step/)).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('MfaPreferenceForm turns MFA off with null', async () => {
    const user = userEvent.setup();
    const got: unknown[] = [];
    render(
      <MfaPreferenceForm
        available={['SOFTWARE_TOKEN_MFA']}
        preferred="SOFTWARE_TOKEN_MFA"
        onSubmit={(v) => got.push(v)}
      />,
    );
    await user.click(screen.getByLabelText('Off'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(got).toEqual([null]);
    expect(await screen.findByText(/is saved/)).toBeTruthy();
  });
});
