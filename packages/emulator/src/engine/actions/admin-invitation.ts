/**
 * The AdminCreateUser invitation: Cognito's default message carrying the temporary password,
 * recorded in the outbox.
 */
import { own } from '../records.js';
import type { EngineContext } from '../context.js';
import type { PoolState, UserState } from '../state.js';

/**
 * Sends the invitation over the requested mediums (Cognito's default is SMS). A medium whose
 * attribute the user lacks is skipped; when the caller named no medium and the user has no
 * phone number, the e-mail address is used, so a typical "create with email" call is visible.
 */
export function sendInvitation(
  ctx: EngineContext,
  pool: PoolState,
  user: UserState,
  temporaryPassword: string,
  desired: readonly string[] | undefined,
): void {
  const email = own(user.attributes, 'email');
  const phone = own(user.attributes, 'phone_number');
  const mediums = new Set(desired ?? (phone === undefined ? ['EMAIL'] : ['SMS']));
  const login =
    pool.usernameAttributes.length > 0 ? (email ?? phone ?? user.username) : user.username;
  const message = `Your username is ${login} and temporary password is ${temporaryPassword}.`;
  if (mediums.has('EMAIL') && email !== undefined) {
    ctx.outbox.send({
      poolId: pool.id,
      username: user.username,
      medium: 'EMAIL',
      destination: email,
      purpose: 'ADMIN_CREATE_USER',
      code: temporaryPassword,
      subject: 'Your temporary password',
      message,
    });
  }
  if (mediums.has('SMS') && phone !== undefined) {
    ctx.outbox.send({
      poolId: pool.id,
      username: user.username,
      medium: 'SMS',
      destination: phone,
      purpose: 'ADMIN_CREATE_USER',
      code: temporaryPassword,
      message,
    });
  }
}
