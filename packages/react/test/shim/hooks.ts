/** TEST-ONLY stand-ins for R1's account hooks (see provider.tsx). */
import {
  associateTotp,
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  forgetDevice,
  forgotPassword,
  getUserAttributes,
  listAllDevices,
  resendSignUpCode,
  setMfaPreference,
  signUp,
  verifyTotp,
  type Device,
} from '@cognito-kit/core';
import { useCallback, useEffect, useState } from 'react';
import { useCognitoAuth } from '../../src/provider/context.js';

export function useSignUp() {
  const auth = useCognitoAuth();
  return {
    signUp: (input: Parameters<typeof signUp>[1]) => signUp(auth.client, input),
    confirm: (input: { username: string; code: string }) => confirmSignUp(auth.client, input),
    resendCode: (username: string) => resendSignUpCode(auth.client, { username }),
  };
}

export function usePasswordReset() {
  const auth = useCognitoAuth();
  return {
    request: (username: string) => forgotPassword(auth.client, { username }),
    confirm: (input: { username: string; code: string; newPassword: string }) =>
      confirmForgotPassword(auth.client, input),
  };
}

export function useChangePassword() {
  const auth = useCognitoAuth();
  const token = () => auth.getAccessToken();
  return {
    changePassword: (v: { currentPassword: string; newPassword: string }) =>
      changePassword(auth.client, token, {
        oldPassword: v.currentPassword,
        newPassword: v.newPassword,
      }),
  };
}

type Method = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
const TO_CORE = { SMS_MFA: 'sms', SOFTWARE_TOKEN_MFA: 'totp', EMAIL_OTP: 'email' } as const;

export function useMfa() {
  const auth = useCognitoAuth();
  const token = useCallback(() => auth.getAccessToken(), [auth]);
  const [profile, setProfile] = useState<{ enabled: Method[]; preferred: Method | null } | null>(
    null,
  );
  const load = useCallback(async () => {
    const p = await getUserAttributes(auth.client, token);
    setProfile({
      enabled: p.mfaEnabled as Method[],
      preferred: (p.preferredMfa as Method | undefined) ?? null,
    });
  }, [auth, token]);
  useEffect(() => {
    void load();
  }, [load]);
  return {
    isLoading: profile === null,
    available: profile?.enabled ?? [],
    preferred: profile?.preferred ?? null,
    setPreferred: async (m: Method | null) => {
      if (m) await setMfaPreference(auth.client, token, { preferred: TO_CORE[m] });
      else
        await setMfaPreference(auth.client, token, {
          ...Object.fromEntries((profile?.enabled ?? []).map((e) => [TO_CORE[e], false])),
        });
      await load();
    },
    setupTotp: async () => {
      const setup = await associateTotp(auth.client, token);
      return {
        secretCode: setup.secretCode,
        uri: setup.uri({ issuer: 'demo', accountName: 'user' }),
      };
    },
    verifyTotp: async (code: string) => {
      await verifyTotp(auth.client, token, { code });
      await setMfaPreference(auth.client, token, { totp: true, preferred: 'totp' });
      await load();
    },
  };
}

export function useDevices() {
  const auth = useCognitoAuth();
  const token = useCallback(() => auth.getAccessToken(), [auth]);
  const [devices, setDevices] = useState<Device[] | undefined>();
  const load = useCallback(
    async () => setDevices(await listAllDevices(auth.client, token)),
    [auth, token],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return {
    isLoading: devices === undefined,
    devices,
    forget: async (key: string) => {
      await forgetDevice(auth.client, token, key);
      await load();
    },
  };
}
