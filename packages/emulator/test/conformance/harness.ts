/**
 * Shared set-up of the conformance suites: an emulator HTTP host on an ephemeral 127.0.0.1 port
 * with a frozen clock (so TOTP codes can be computed and stepped deterministically), and helpers
 * that read the outbox over HTTP, as an outside client would.
 */
import { afterAll, beforeAll } from 'vitest';
import * as OTPAuth from 'otpauth';
import { startEmulatorServer } from '../../src/node/server.js';
import type { EmulatorServer } from '../../src/node/server.js';
import type { EmulatorSeed } from '../../src/index.js';

/** Start of the frozen emulator clock: 2024-03-05T04:05:06Z. */
export const T0 = Date.UTC(2024, 2, 5, 4, 5, 6);

/** The key pair admin calls are signed with (`--credentials`). */
export const CREDENTIALS = {
  accessKeyId: 'AKIDCONFORMANCE',
  secretAccessKey: 'conformance-secret',
};

/** One outbox message as `GET /_emulator/outbox` returns it. */
export interface OutboxEntry {
  username: string;
  medium: string;
  destination: string;
  purpose: string;
  code?: string;
  message: string;
}

/** A running host plus helpers; valid only inside tests (after `beforeAll`). */
export interface ConformanceHost {
  readonly server: EmulatorServer;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Messages for `username` in `poolId`, oldest first, read over HTTP. */
  outbox(poolId: string, username: string): Promise<OutboxEntry[]>;
  /** The code of the newest message for `username`; fails the test when there is none. */
  lastCode(poolId: string, username: string): Promise<string>;
  /** Moves the frozen clock forward (e.g. to the next TOTP step). */
  advance(ms: number): void;
  /** The TOTP code an authenticator holding `secret` shows at the emulator's current time. */
  totp(secret: string): string;
}

/**
 * Registers beforeAll / afterAll that start the HTTP host with `seed` on port 0 and stop it. The
 * emulator clock starts frozen at {@link T0} unless `frozenClock` is false.
 *
 * @example
 * const host = useConformanceHost({ pools: [{ id: 'eu-west-1_Conf1', clients: [{ id: 'web' }] }] });
 * it('…', async () => { const code = await host.lastCode('eu-west-1_Conf1', 'bob'); });
 */
export function useConformanceHost(
  seed: EmulatorSeed,
  options: { frozenClock?: boolean } = {},
): ConformanceHost {
  let server: EmulatorServer | undefined;
  const running = (): EmulatorServer => {
    if (!server) throw new Error('conformance host not started');
    return server;
  };
  const host: ConformanceHost = {
    get server() {
      return running();
    },
    get url() {
      return running().url;
    },
    async outbox(poolId, username) {
      const query = new URLSearchParams({ poolId, username });
      const res = await fetch(`${running().url}/_emulator/outbox?${query.toString()}`);
      if (res.status !== 200) throw new Error(`outbox answered ${res.status}`);
      return ((await res.json()) as { messages: OutboxEntry[] }).messages;
    },
    async lastCode(poolId, username) {
      const code = (await host.outbox(poolId, username)).at(-1)?.code;
      if (!code) throw new Error(`no code in the outbox for ${username}`);
      return code;
    },
    advance(ms) {
      running().emulator.api.clock.advance(ms);
    },
    totp(secret) {
      // otpauth, not the emulator's own TOTP module: the code must come from an independent
      // implementation of RFC 6238.
      const totp = new OTPAuth.TOTP({
        secret: OTPAuth.Secret.fromBase32(secret),
        digits: 6,
        period: 30,
      });
      return totp.generate({ timestamp: running().emulator.api.clock.now() });
    },
  };
  // The reference clients stamp SRP claims with the real clock, which a frozen emulator clock
  // is years away from: pools of frozen hosts skip the TIMESTAMP skew check unless they set it.
  const hostSeed: EmulatorSeed =
    options.frozenClock === false
      ? seed
      : {
          pools: (seed.pools ?? []).map((pool) => ({
            ...pool,
            timestampToleranceSeconds:
              pool.timestampToleranceSeconds === undefined ? null : pool.timestampToleranceSeconds,
          })),
        };
  beforeAll(async () => {
    server = await startEmulatorServer({
      port: 0,
      host: '127.0.0.1',
      quiet: true,
      seed: hostSeed,
      credentials: CREDENTIALS,
      // Frozen by default (TOTP steps under control). SigV4 checks the signing time against this
      // clock, so suites that sign admin calls with the SDK's real clock pass `frozenClock: false`.
      emulatorOptions: options.frozenClock === false ? {} : { now: T0 },
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  return host;
}

/** Runs `promise`, expecting it to fail; resolves with the error's name, code and message. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; code: string | undefined; message: string; error: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    return { name: e.name ?? '', code: e.code, message: e.message ?? '', error };
  }
  throw new Error('expected the call to fail');
}

/** Decodes a JWT's claims (signatures are checked by the token tests, not here). */
export function claims(jwt: string | undefined): Record<string, unknown> {
  const payload = (jwt ?? '').split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
