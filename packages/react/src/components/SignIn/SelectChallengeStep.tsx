import type { FirstFactor } from '@cognito-kit/core';
import { useMessages } from '../../messages/MessagesProvider.js';
import {
  ActionButton,
  Form,
  FormError,
  Screen,
  SubmitButton,
  fieldText,
} from '../../parts/index.js';
import { PasswordField } from '../fields.js';
import { usePasskeySupport } from './passkey-support.js';

/** Props of {@link SelectChallengeStep}. */
export interface SelectChallengeStepProps {
  /** What Cognito offers this user (SELECT_CHALLENGE). */
  options: readonly FirstFactor[];
  /** A passwordless first factor was chosen. */
  onSelect: (factor: Exclude<FirstFactor, 'PASSWORD'>) => unknown;
  /** The password was entered. */
  onPassword: (password: string) => unknown;
  error?: unknown;
  className?: string;
}

/**
 * Choice-based sign-in's first step after the username: one button per first factor the pool
 * and the user allow (the passkey only where the browser supports passkeys), and the password
 * field when a password is one of them.
 */
export function SelectChallengeStep(props: SelectChallengeStepProps) {
  const m = useMessages();
  const passkeys = usePasskeySupport();
  const buttons = props.options.filter(
    (o): o is Exclude<FirstFactor, 'PASSWORD'> =>
      o !== 'PASSWORD' && (o !== 'WEB_AUTHN' || passkeys),
  );
  return (
    <Screen
      title={m.passwordless.chooseTitle}
      description={m.passwordless.chooseDescription}
      className={props.className}
      data-step="select-challenge"
    >
      {buttons.length > 0 ? (
        <div className="ck-choices">
          {buttons.map((factor) => (
            <ActionButton key={factor} data-factor={factor} action={() => props.onSelect(factor)}>
              {m.passwordless.factors[factor]}
            </ActionButton>
          ))}
        </div>
      ) : null}
      {props.options.includes('PASSWORD') ? (
        <Form
          aria-label={m.passwordless.passwordTitle}
          error={props.error}
          onSubmit={(data) => props.onPassword(fieldText(data, 'password', { trim: false }))}
        >
          <PasswordField
            name="password"
            label={m.fields.password}
            autoComplete="current-password"
          />
          <FormError />
          <SubmitButton>{m.passwordless.factors.PASSWORD}</SubmitButton>
        </Form>
      ) : null}
    </Screen>
  );
}
