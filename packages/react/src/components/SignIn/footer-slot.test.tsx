// The sign-in footer is a slot every step's Screen renders, so no step can leave it out: checked
// for every challenge Cognito can ask (the table is keyed by challenge name, so a new challenge
// fails to compile until it is listed here), for the form and for the device question.
import type { Challenge, ChallengeName } from '@cognito-kit/core';
import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.js';
import { Screen, ScreenFooter } from '../../parts/index.js';
import { ChallengeStep } from './ChallengeStep.js';
import { RememberDeviceStep } from './RememberDeviceStep.js';
import { SignInForm } from './SignInForm.js';

const EVERY_CHALLENGE: {
  readonly [N in ChallengeName]: ReadonlyArray<Extract<Challenge, { name: N }>>;
} = {
  NEW_PASSWORD_REQUIRED: [
    { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['name'], userAttributes: {} },
  ],
  SMS_MFA: [{ name: 'SMS_MFA', destination: '+*******0123', medium: 'SMS' }],
  EMAIL_OTP: [{ name: 'EMAIL_OTP', destination: 'e***@e***', medium: 'EMAIL' }],
  SOFTWARE_TOKEN_MFA: [{ name: 'SOFTWARE_TOKEN_MFA' }],
  SELECT_MFA_TYPE: [{ name: 'SELECT_MFA_TYPE', options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] }],
  MFA_SETUP: [
    { name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
    {
      name: 'MFA_SETUP',
      options: ['SOFTWARE_TOKEN_MFA'],
      totp: {
        secretCode: 'JBSWY3DPEHPK3PXP',
        uri: 'otpauth://totp/Demo:a?secret=JBSWY3DPEHPK3PXP',
      },
    },
  ],
  CUSTOM_CHALLENGE: [{ name: 'CUSTOM_CHALLENGE', parameters: { question: 'Colour?' } }],
  SELECT_CHALLENGE: [
    { name: 'SELECT_CHALLENGE', options: ['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP', 'PASSWORD'] },
    { name: 'SELECT_CHALLENGE', options: ['EMAIL_OTP'] },
  ],
  SMS_OTP: [{ name: 'SMS_OTP', destination: '+*******0123', medium: 'SMS' }],
  WEB_AUTHN: [
    { name: 'WEB_AUTHN', requestOptions: { challenge: 'Y2hhbGxlbmdl', rpId: 'localhost' } },
  ],
};

const FOOTER = 'Need help? Call 0800 123 456.';

const steps: Array<[string, ReactElement]> = [
  ...Object.values(EVERY_CHALLENGE)
    .flat()
    .map((challenge): [string, ReactElement] => [
      `${challenge.name}${'totp' in challenge && challenge.totp ? ' (authenticator app)' : ''}`,
      <ChallengeStep challenge={challenge} onAnswer={() => {}} />,
    ]),
  ['the sign-in form', <SignInForm onSubmit={() => {}} />],
  ['the device question', <RememberDeviceStep onAnswer={() => {}} />],
];

describe('the sign-in footer slot', () => {
  it.each(steps)('reaches %s, inside its screen, once', async (_name, step) => {
    const { container } = render(<ScreenFooter content={<p>{FOOTER}</p>}>{step}</ScreenFooter>);
    const region = screen.getByRole('region');
    expect(within(region).getAllByText(FOOTER)).toHaveLength(1);
    // Last in the screen, after the form.
    expect(region.lastElementChild?.textContent).toBe(FOOTER);
    await expectNoAxeViolations(container);
  });

  it('is not repeated by a screen nested in another (a settings section)', () => {
    render(
      <ScreenFooter content={<p>{FOOTER}</p>}>
        <Screen title="Security">
          <Screen title="Authenticator app" level={3} />
        </Screen>
      </ScreenFooter>,
    );
    expect(screen.getAllByText(FOOTER)).toHaveLength(1);
    const outer = screen.getByRole('region', { name: 'Security' });
    expect(outer.lastElementChild?.textContent).toBe(FOOTER);
  });
});
