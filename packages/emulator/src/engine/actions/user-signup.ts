/**
 * Self-service sign-up: SignUp, ConfirmSignUp and ResendConfirmationCode (COGNITO-PROTOCOL §7).
 */
import { own } from '../records.js';
import type { ActionMap } from '../action.js';
import { consumeCode, sendCode, type CodeDeliveryDetails } from '../codes.js';
import { serviceError } from '../errors.js';
import { assertPasswordConforms } from '../password-policy.js';
import type { PoolState, VerifiableAttribute } from '../state.js';
import { assertRequiredAttributes } from '../required-attributes.js';
import { getUser, newUser, putUser } from '../users.js';
import { attributeList, bool, readInput, rules, str, stringMap } from '../validate.js';
import {
  checkWritableAttributes,
  clientIdentity,
  findUserOrHide,
  markVerified,
  resolveClientCall,
  signUpCodeTarget,
  simulatedDelivery,
} from './user-common.js';

/**
 * In pools that sign in with e-mail or phone, the Username must be one of those; returns the
 * attribute it stands for.
 */
function usernameAttributeOf(pool: PoolState, username: string): VerifiableAttribute | undefined {
  if (pool.usernameAttributes.length === 0) return undefined;
  if (username.includes('@') && pool.usernameAttributes.includes('email')) return 'email';
  if (/^\+[0-9]+$/.test(username) && pool.usernameAttributes.includes('phone_number')) {
    return 'phone_number';
  }
  const text =
    pool.usernameAttributes.length === 2
      ? 'Username should be either an email or a phone number.'
      : pool.usernameAttributes[0] === 'email'
        ? 'Username should be an email.'
        : 'Username should be a phone number.';
  throw serviceError('InvalidParameterException', text);
}

function assertUsernameFree(pool: PoolState, username: string): void {
  const attribute = usernameAttributeOf(pool, username);
  if (attribute === undefined) {
    if (getUser(pool, username))
      throw serviceError('UsernameExistsException', 'User already exists');
    return;
  }
  const taken = Object.values(pool.users).some((u) => {
    const value = own(u.attributes, attribute);
    return attribute === 'email'
      ? value?.toLowerCase() === username.toLowerCase()
      : value === username;
  });
  if (taken) {
    throw serviceError(
      'UsernameExistsException',
      `An account with the given ${attribute} already exists.`,
    );
  }
}

/** SignUp, ConfirmSignUp, ResendConfirmationCode. */
export const signUpActions: ActionMap = {
  async SignUp(ctx, input) {
    const req = readInput(input, {
      ...clientIdentity,
      // SignUp's own lower bound (6) is checked before the pool's policy.
      Password: str({ required: true, ...rules.password, min: 6 }),
      UserAttributes: attributeList(),
      ValidationData: attributeList(),
      ClientMetadata: stringMap(),
    });
    const { pool, client } = await resolveClientCall(ctx, req);
    const attributes = req.UserAttributes ?? [];
    checkWritableAttributes(pool, client, attributes);
    assertUsernameFree(pool, req.Username);
    assertPasswordConforms(pool.passwordPolicy, req.Password);

    const user = newUser(ctx, pool, {
      username: req.Username,
      password: req.Password,
      status: 'UNCONFIRMED',
      attributes: Object.fromEntries(attributes.map((a) => [a.Name, a.Value])),
    });
    assertRequiredAttributes(pool, user.attributes);
    putUser(pool, user);
    ctx.changed();

    const target = signUpCodeTarget(pool, user);
    const output: Record<string, unknown> = { UserConfirmed: false, UserSub: user.sub };
    if (target !== undefined) {
      output['CodeDeliveryDetails'] = sendCode(ctx, {
        pool,
        user,
        slot: 'signUp',
        purpose: 'signUp',
        label: 'SIGN_UP',
        attributeName: target,
      });
    }
    return output;
  },

  async ConfirmSignUp(ctx, input) {
    const req = readInput(input, {
      ...clientIdentity,
      ConfirmationCode: str({ required: true, ...rules.confirmationCode }),
      ForceAliasCreation: bool(),
      ClientMetadata: stringMap(),
    });
    const { pool, client } = await resolveClientCall(ctx, req);
    const user = findUserOrHide(pool, client, req.Username);
    if (!user) {
      throw serviceError(
        'CodeMismatchException',
        'Invalid verification code provided, please try again.',
      );
    }
    if (user.status !== 'UNCONFIRMED') {
      throw serviceError(
        'NotAuthorizedException',
        `User cannot be confirmed. Current status is ${user.status}`,
      );
    }
    const code = consumeCode(ctx, user, 'signUp', req.ConfirmationCode);
    const attribute = code.attributeName;
    if (attribute === 'email' || attribute === 'phone_number') {
      markVerified(pool, user, attribute, req.ForceAliasCreation ?? false);
    }
    user.status = 'CONFIRMED';
    user.lastModifiedAt = ctx.clock.now();
    ctx.changed();
    return {};
  },

  async ResendConfirmationCode(ctx, input) {
    const req = readInput(input, { ...clientIdentity, ClientMetadata: stringMap() });
    const { pool, client } = await resolveClientCall(ctx, req);
    const user = findUserOrHide(pool, client, req.Username);
    if (!user) return { CodeDeliveryDetails: simulatedDelivery(pool, req.Username) };
    if (user.status !== 'UNCONFIRMED') {
      throw serviceError('InvalidParameterException', 'User is already confirmed.');
    }
    const target = signUpCodeTarget(pool, user);
    if (target === undefined) {
      throw serviceError(
        'InvalidParameterException',
        'Cannot resend codes. Auto verification not turned on.',
      );
    }
    const details: CodeDeliveryDetails = sendCode(ctx, {
      pool,
      user,
      slot: 'signUp',
      purpose: 'signUp',
      label: 'SIGN_UP',
      attributeName: target,
    });
    return { CodeDeliveryDetails: details };
  },
};
