/**
 * Self-service sign-up: SignUp, ConfirmSignUp and ResendConfirmationCode (COGNITO-PROTOCOL §7).
 */
import { own } from '../model/records.js';
import type { ActionMap } from '../protocol/action.js';
import {
  consumeCode,
  sendCode,
  simulatedDelivery,
  type CodeDeliveryDetails,
} from '../model/codes.js';
import { serviceError } from '../protocol/errors.js';
import { assertPasswordConforms } from '../model/password-policy.js';
import type { PoolState, VerifiableAttribute } from '../model/state.js';
import { assertRequiredAttributes } from '../model/required-attributes.js';
import { getUser, newUser, putUser } from '../model/users.js';
import { confirmUser, markVerified } from '../model/user-changes.js';
import { attributeList, bool, readInput, rules, str, stringMap } from '../protocol/validate.js';
import { openSignUpSession } from '../auth/user-auth.js';
import { allowedFirstAuthFactors } from '../model/sign-in-policy.js';
import {
  checkWritableAttributes,
  clientIdentity,
  findUserOrHide,
  resolveClientCall,
  signUpCodeTarget,
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

/**
 * A sign-up without a password is only allowed when the pool lets users sign in with a code
 * (service model, `SignUpRequest.Password`).
 */
function assertPasswordless(pool: PoolState): void {
  const factors = allowedFirstAuthFactors(pool);
  if (!factors.includes('EMAIL_OTP') && !factors.includes('SMS_OTP')) {
    throw serviceError(
      'InvalidParameterException',
      'Password is required unless the user pool allows sign-in with EMAIL_OTP or SMS_OTP.',
    );
  }
}

/** SignUp, ConfirmSignUp, ResendConfirmationCode. */
export const signUpActions: ActionMap = {
  async SignUp(ctx, raw) {
    // A blank Password means "no password", like an absent one (service model, SignUp.Password).
    const input = raw['Password'] === '' ? { ...raw, Password: undefined } : raw;
    const req = readInput(input, {
      ...clientIdentity,
      // SignUp's own lower bound (6) is checked before the pool's policy. Optional since
      // choice-based sign-in: users of pools with code sign-in may have no password.
      Password: str({ ...rules.password, min: 6 }),
      UserAttributes: attributeList(),
      ValidationData: attributeList(),
      ClientMetadata: stringMap(),
    });
    const { pool, client } = await resolveClientCall(ctx, req);
    const attributes = req.UserAttributes ?? [];
    checkWritableAttributes(pool, client, attributes);
    assertUsernameFree(pool, req.Username);
    if (req.Password === undefined) assertPasswordless(pool);
    else assertPasswordConforms(pool.passwordPolicy, req.Password);

    const user = newUser(ctx, pool, {
      username: req.Username,
      password: req.Password ?? null,
      status: 'UNCONFIRMED',
      attributes: Object.fromEntries(attributes.map((a) => [a.Name, a.Value])),
    });
    assertRequiredAttributes(pool, user.attributes);
    putUser(pool, user);

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
      // SignUp's Session: accepted, not needed (the confirmation code identifies the sign-up).
      Session: str(rules.session),
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
    confirmUser(user, ctx.clock.now());
    // For clients that allow USER_AUTH: a Session that signs the user in without asking again.
    const session = openSignUpSession(ctx, pool, client.clientId, user);
    return session === undefined ? {} : { Session: session };
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
