/**
 * The codes sent for one purpose each, with the slot, purpose and label every sender of that
 * purpose must agree on (so the checking side finds the code where the sending side put it).
 */
import { sendCode, type CodeDeliveryDetails } from './codes.js';
import type { EngineContext } from '../context.js';
import type { PoolState, UserState, VerifiableAttribute } from './state.js';

/** Sends the code VerifyUserAttribute checks for `attributeName` (slot `attribute:<name>`). */
export function sendAttributeCode(
  ctx: EngineContext,
  pool: PoolState,
  user: UserState,
  attributeName: VerifiableAttribute,
): CodeDeliveryDetails {
  return sendCode(ctx, {
    pool,
    user,
    slot: `attribute:${attributeName}`,
    purpose: 'attribute',
    label: 'VERIFY_ATTRIBUTE',
    attributeName,
  });
}

/** Sends the code ConfirmForgotPassword checks (ForgotPassword, AdminResetUserPassword). */
export function sendPasswordResetCode(
  ctx: EngineContext,
  pool: PoolState,
  user: UserState,
  attributeName: VerifiableAttribute,
): CodeDeliveryDetails {
  return sendCode(ctx, {
    pool,
    user,
    slot: 'forgotPassword',
    purpose: 'forgotPassword',
    label: 'FORGOT_PASSWORD',
    attributeName,
  });
}
