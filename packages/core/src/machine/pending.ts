import { isRecord } from '../cognito/guards.js';
import type { TokenStorage } from '../session/storage.js';
import type { PendingSignInStore } from './ports.js';
import type { MachineState, PendingSignIn } from './state.js';

/** What is stored: the pending sign-in and when Cognito's session for it runs out (epoch ms). */
export type PendingRecord = PendingSignIn & { readonly expiresAt: number };

/** Default lifetime of a kept challenge: Cognito's default `AuthSessionValidity` (3 minutes). */
export const DEFAULT_PENDING_TTL_MS = 180_000;

/**
 * The sign-in to keep across a reload, or null when there is none worth keeping: the machine
 * rests in a challenge. A TOTP secret shown during MFA setup is not written to storage; that
 * step starts over instead.
 */
export function pendingSignInOf(machine: MachineState): PendingSignIn | null {
  const { state, flow } = machine;
  if (state.status !== 'challenge' || state.submitting || !flow || !flow.session) return null;
  if (state.challenge.name === 'MFA_SETUP' && state.challenge.totp) return null;
  // Only what the next answer needs: the device secrets are looked up again, results discarded.
  const { newDevice: _newDevice, ...kept } = flow;
  return { flow: kept, username: state.username, challenge: state.challenge };
}

const VERSION = 1;

/**
 * A {@link PendingSignInStore} in `storage` (session storage in a browser: per tab, gone when
 * the tab closes) under one key per app client. What was stored is checked on the way back in;
 * anything unexpected is dropped.
 */
export function storagePendingSignIn(storage: TokenStorage, clientId: string): PendingSignInStore {
  const key = `cognito-kit.${clientId}.pendingSignIn`;
  return {
    async load() {
      const text = await storage.get(key);
      if (text === null) return null;
      try {
        const value = JSON.parse(text) as unknown;
        return isPendingRecord(value) ? value.record : null;
      } catch {
        return null;
      }
    },
    save: (record) => storage.set(key, JSON.stringify({ v: VERSION, record })),
    clear: () => storage.remove(key),
  };
}

function isPendingRecord(value: unknown): value is { v: number; record: PendingRecord } {
  if (!isRecord(value) || value['v'] !== VERSION || !isRecord(value['record'])) return false;
  const record = value['record'];
  const flow = record['flow'];
  const challenge = record['challenge'];
  return (
    typeof record['expiresAt'] === 'number' &&
    typeof record['username'] === 'string' &&
    isRecord(flow) &&
    typeof flow['session'] === 'string' &&
    typeof flow['username'] === 'string' &&
    typeof flow['typedUsername'] === 'string' &&
    typeof flow['authFlow'] === 'string' &&
    isRecord(challenge) &&
    typeof challenge['name'] === 'string'
  );
}
