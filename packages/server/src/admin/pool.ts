/** The user pool itself: its description and its MFA configuration. */
import type { CallOptions } from '../low-level.js';
import type { AdminCaller } from './caller.js';
import { requireString, toDate } from './convert.js';
import type { WireMfaConfig } from './wire-types.js';

export type MfaMode = 'OFF' | 'ON' | 'OPTIONAL';

export interface UserPoolDescription {
  readonly id: string;
  readonly name: string | undefined;
  readonly mfa: MfaMode | undefined;
  readonly createdAt: Date | undefined;
  readonly lastModifiedAt: Date | undefined;
  /** Every member of `UserPoolType` as Cognito sent it (policies, schema, …). */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface MfaConfig {
  mode: MfaMode;
  /** Authenticator apps (TOTP) allowed. */
  totp: boolean;
  /** SMS allowed, with its message template (`{####}` is the code). */
  sms?: { message?: string };
  /** E-mail codes allowed (needs SES e-mail in Cognito), with their message and subject. */
  email?: { message?: string; subject?: string };
}

export interface AdminPool {
  /** DescribeUserPool. */
  describe(call?: CallOptions): Promise<UserPoolDescription>;
  /** GetUserPoolMfaConfig. */
  getMfaConfig(call?: CallOptions): Promise<MfaConfig>;
  /** SetUserPoolMfaConfig; returns the configuration now in force. */
  setMfaConfig(config: MfaConfig, call?: CallOptions): Promise<MfaConfig>;
}

function fromWireMfa(wire: WireMfaConfig): MfaConfig {
  return {
    mode: wire.MfaConfiguration ?? 'OFF',
    totp: wire.SoftwareTokenMfaConfiguration?.Enabled === true,
    ...(wire.SmsMfaConfiguration && {
      sms: {
        ...(wire.SmsMfaConfiguration.SmsAuthenticationMessage !== undefined && {
          message: wire.SmsMfaConfiguration.SmsAuthenticationMessage,
        }),
      },
    }),
    ...(wire.EmailMfaConfiguration && {
      email: {
        ...(wire.EmailMfaConfiguration.Message !== undefined && {
          message: wire.EmailMfaConfiguration.Message,
        }),
        ...(wire.EmailMfaConfiguration.Subject !== undefined && {
          subject: wire.EmailMfaConfiguration.Subject,
        }),
      },
    }),
  };
}

export function adminPool(caller: AdminCaller): AdminPool {
  return {
    async describe(c) {
      const pool = (await caller.call('DescribeUserPool', {}, c)).UserPool ?? {};
      return {
        id: requireString(pool['Id'], 'DescribeUserPool.UserPool.Id'),
        name: typeof pool['Name'] === 'string' ? pool['Name'] : undefined,
        mfa: pool['MfaConfiguration'] as MfaMode | undefined,
        createdAt: toDate(pool['CreationDate'], 'UserPool.CreationDate'),
        lastModifiedAt: toDate(pool['LastModifiedDate'], 'UserPool.LastModifiedDate'),
        details: pool,
      };
    },
    async getMfaConfig(c) {
      return fromWireMfa(await caller.call('GetUserPoolMfaConfig', {}, c));
    },
    async setMfaConfig(config, c) {
      const answer = await caller.call(
        'SetUserPoolMfaConfig',
        {
          MfaConfiguration: config.mode,
          SoftwareTokenMfaConfiguration: { Enabled: config.totp },
          ...(config.sms && {
            SmsMfaConfiguration: {
              ...(config.sms.message !== undefined && {
                SmsAuthenticationMessage: config.sms.message,
              }),
            },
          }),
          ...(config.email && {
            EmailMfaConfiguration: {
              ...(config.email.message !== undefined && { Message: config.email.message }),
              ...(config.email.subject !== undefined && { Subject: config.email.subject }),
            },
          }),
        },
        c,
      );
      return fromWireMfa(answer);
    },
  };
}
