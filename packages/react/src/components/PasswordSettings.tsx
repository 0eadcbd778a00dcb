import { createContext, useContext, type ReactNode } from 'react';
import type { PasswordPolicy } from '@cognito-kit/core';
import { CognitoContext } from '../provider/context.js';

/** How the screens below ask for a new password (sign-up, new password, reset, change). */
export interface PasswordSettingsValue {
  /**
   * The pool's password policy (its `Policies.PasswordPolicy` from DescribeUserPool, which
   * browser clients cannot read themselves). With it, every new-password field lists the rules,
   * checks them as the user types, and refuses to send a password that breaks one. Default: the
   * auth object's `passwordPolicy` (`createCognitoAuth({ passwordPolicy })`).
   */
  readonly policy?: PasswordPolicy | undefined;
  /** Ask for the new password twice (a confirm-password field). Default false. */
  readonly confirm?: boolean | undefined;
}

const Context = createContext<PasswordSettingsValue>({});

/** Props of {@link PasswordSettings}. */
export interface PasswordSettingsProps extends PasswordSettingsValue {
  children?: ReactNode;
}

/**
 * Sets, once for every screen below, how a new password is asked for: the pool's password policy
 * and whether to ask for it twice.
 *
 * @example
 * <PasswordSettings policy={{ minimumLength: 12, requireNumbers: true }} confirm>
 *   <Authenticator><App /></Authenticator>
 * </PasswordSettings>
 */
export function PasswordSettings({ policy, confirm, children }: PasswordSettingsProps) {
  const parent = useContext(Context);
  const value = { policy: policy ?? parent.policy, confirm: confirm ?? parent.confirm };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/**
 * The {@link PasswordSettings} in effect; the policy defaults to the auth config's
 * `passwordPolicy` (no policy and asked once outside both).
 */
export function usePasswordSettings(): PasswordSettingsValue {
  const settings = useContext(Context);
  const configured = useContext(CognitoContext)?.auth.passwordPolicy;
  return settings.policy || !configured ? settings : { ...settings, policy: configured };
}
