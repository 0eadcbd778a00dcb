/**
 * The signed-in user's profile: GetUser, UpdateUserAttributes, DeleteUserAttributes,
 * GetUserAttributeVerificationCode, VerifyUserAttribute (COGNITO-PROTOCOL §3, §7).
 */
import { own } from '../records.js';
import { sendAttributeCode } from '../code-purposes.js';
import type { ActionMap } from '../action.js';
import { consumeCode, type CodeDeliveryDetails } from '../codes.js';
import { serviceError } from '../errors.js';
import { assertDeletable } from '../required-attributes.js';
import type { UserState, VerifiableAttribute } from '../state.js';
import { authenticateAccessToken } from '../tokens.js';
import { attributeList, readInput, rules, str, stringList, stringMap } from '../validate.js';
import {
  checkWritableAttributes,
  isImmutableAttribute,
  isSchemaAttribute,
  markVerified,
  readableAttributes,
} from './user-common.js';

const accessToken = { AccessToken: str({ required: true, ...rules.token }) };

function isVerifiable(name: string): name is VerifiableAttribute {
  return name === 'email' || name === 'phone_number';
}

/** `UserMFASettingList` / `PreferredMfaSetting` / `MFAOptions` members of GetUser. */
export function mfaMembers(user: UserState): Record<string, unknown> {
  const list: string[] = [];
  if (user.mfa.smsEnabled) list.push('SMS_MFA');
  if (user.mfa.totpEnabled) list.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa.emailEnabled) list.push('EMAIL_OTP');
  return {
    ...(list.length > 0 && { UserMFASettingList: list }),
    ...(user.mfa.preferred !== null && { PreferredMfaSetting: user.mfa.preferred }),
    // Legacy member: describes SMS MFA only.
    ...(user.mfa.smsEnabled && {
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
    }),
  };
}

/** GetUser and the attribute actions. */
export const attributeActions: ActionMap = {
  async GetUser(ctx, input) {
    const req = readInput(input, accessToken);
    const { pool, user, claims } = await authenticateAccessToken(ctx, req.AccessToken);
    return {
      Username: user.username,
      UserAttributes: readableAttributes(user, own(pool.clients, claims.client_id)),
      ...mfaMembers(user),
    };
  },

  async UpdateUserAttributes(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      UserAttributes: attributeList({ required: true }),
      ClientMetadata: stringMap(),
    });
    const { pool, user, claims } = await authenticateAccessToken(ctx, req.AccessToken);
    const attributes = req.UserAttributes ?? [];
    checkWritableAttributes(pool, own(pool.clients, claims.client_id), attributes);
    for (const { Name } of attributes) {
      if (isImmutableAttribute(pool, Name) && own(user.attributes, Name) !== undefined) {
        throw serviceError(
          'InvalidParameterException',
          `Cannot modify an already provided immutable attribute: ${Name}`,
        );
      }
    }
    for (const { Name, Value } of attributes) {
      // In pools that sign in with e-mail / phone those values identify one user each.
      if (isVerifiable(Name) && pool.usernameAttributes.includes(Name)) {
        const clash = Object.values(pool.users).some(
          (other) =>
            other !== user &&
            (Name === 'email'
              ? own(other.attributes, Name)?.toLowerCase() === Value.toLowerCase()
              : own(other.attributes, Name) === Value),
        );
        if (clash) {
          throw serviceError(
            'AliasExistsException',
            `An account with the given ${Name} already exists.`,
          );
        }
      }
    }
    const changedVerifiable: VerifiableAttribute[] = [];
    for (const { Name, Value } of attributes) {
      if (isVerifiable(Name) && own(user.attributes, Name) !== Value) {
        changedVerifiable.push(Name);
        // A new address is unverified until the user proves it.
        user.attributes[`${Name}_verified`] = 'false';
      }
      user.attributes[Name] = Value;
    }
    user.lastModifiedAt = ctx.clock.now();
    ctx.changed();
    const deliveries: CodeDeliveryDetails[] = changedVerifiable
      .filter((name) => pool.autoVerifiedAttributes.includes(name))
      .map((name) => sendAttributeCode(ctx, pool, user, name));
    return deliveries.length > 0 ? { CodeDeliveryDetailsList: deliveries } : {};
  },

  async DeleteUserAttributes(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      UserAttributeNames: stringList({ required: true, item: rules.attributeName }),
    });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    const names = req.UserAttributeNames ?? [];
    for (const name of names) {
      if (!isSchemaAttribute(pool, name)) {
        throw serviceError(
          'InvalidParameterException',
          `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`,
        );
      }
      if (name === 'sub' || isImmutableAttribute(pool, name)) {
        throw serviceError(
          'InvalidParameterException',
          `Cannot modify an already provided immutable attribute: ${name}`,
        );
      }
    }
    assertDeletable(pool, user.attributes, names);
    for (const name of names) {
      delete user.attributes[name];
      if (isVerifiable(name)) {
        delete user.attributes[`${name}_verified`];
        delete user.codes[`attribute:${name}`];
      }
    }
    user.lastModifiedAt = ctx.clock.now();
    ctx.changed();
    return {};
  },

  async GetUserAttributeVerificationCode(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      AttributeName: str({ required: true, ...rules.attributeName }),
      ClientMetadata: stringMap(),
    });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    const name = req.AttributeName;
    if (!isVerifiable(name)) {
      throw serviceError('InvalidParameterException', `Invalid attribute name: ${name}`);
    }
    if (!own(user.attributes, name)) {
      throw serviceError(
        'InvalidParameterException',
        `User does not have a value for the attribute: ${name}`,
      );
    }
    const details = sendAttributeCode(ctx, pool, user, name);
    return { CodeDeliveryDetails: details };
  },

  async VerifyUserAttribute(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      AttributeName: str({ required: true, ...rules.attributeName }),
      Code: str({ required: true, ...rules.confirmationCode }),
    });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    const name = req.AttributeName;
    if (!isVerifiable(name)) {
      throw serviceError('InvalidParameterException', `Invalid attribute name: ${name}`);
    }
    consumeCode(ctx, user, `attribute:${name}`, req.Code);
    markVerified(pool, user, name);
    user.lastModifiedAt = ctx.clock.now();
    ctx.changed();
    return {};
  },
};
