import type { Messages } from '../messages/types.js';

/**
 * Where Cognito sent a code; structurally core's `CodeDelivery`, so its results pass straight in.
 */
export interface CodeDelivery {
  readonly destination?: string | undefined;
  readonly deliveryMedium?: 'EMAIL' | 'SMS' | undefined;
}

/** "We sent a code by email to a***@e***", or `fallback` when Cognito did not say where. */
export function deliveryText(m: Messages, delivery: CodeDelivery | undefined, fallback?: string) {
  return delivery?.destination && delivery.deliveryMedium
    ? m.confirmSignUp.codeSent(delivery.deliveryMedium, delivery.destination)
    : fallback;
}
