/**
 * How the Node host computes SRP's powers by default: OpenSSL on the main thread.
 *
 * Chosen by the load bench (README, "Performance"): TODO figures.
 */
import type { ModularExponentiation } from '../engine/crypto/mod-exp.js';
import { createOpenSslModExp } from './openssl-mod-exp.js';

/** A {@link ModularExponentiation} the host owns and closes when it stops. */
export interface HostModExp extends ModularExponentiation {
  close(): Promise<void>;
}

/** The Node server's SRP powers (see the module comment for why this one). */
export function createHostModExp(): HostModExp {
  const modExp = createOpenSslModExp();
  return { ...modExp, close: () => Promise.resolve() };
}
