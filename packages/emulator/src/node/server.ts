/**
 * The Node host: an HTTP server around the engine's `handle(Request)`, with optional
 * persistence of the state to a data directory.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createEmulator } from '../engine/emulator.js';
import type { Emulator, EmulatorOptions } from '../engine/emulator.js';
import { validateSeed } from '../engine/seed.js';
import type { EmulatorSeed } from '../engine/seed.js';
import { DEFAULT_CREDENTIALS } from '../engine/sigv4.js';
import type { SigV4Credentials } from '../engine/sigv4.js';
import type { EmulatorState } from '../engine/state.js';
import { sendFetchResponse, toFetchRequest } from './http-bridge.js';
import { createOpenSslModExp } from './openssl-mod-exp.js';
import {
  CorruptStateError,
  createStateSaver,
  loadStateFile,
  stateFilePath,
} from './persistence.js';

/** Options of {@link startEmulatorServer}. */
export interface EmulatorServerOptions {
  /** Port to listen on; default 9229, `0` picks a free one. */
  port?: number;
  /** Address to bind; default `127.0.0.1`. */
  host?: string;
  /** Seed object, or the path of a seed JSON file. Ignored when `dataDir` already holds state. */
  seed?: EmulatorSeed | string;
  /** Directory for `emulator-state.json`; the state is restored from it and saved on every change. */
  dataDir?: string;
  /** Key pair(s) admin calls must be signed with; default `local:local`. */
  credentials?: SigV4Credentials | readonly SigV4Credentials[];
  /** Do not log requests. */
  quiet?: boolean;
  /** Where request logs and persistence errors go (default `console.log` / `console.error`). */
  log?: (line: string) => void;
  /** Further engine options (clock, behaviour, issuer origin, …). */
  emulatorOptions?: Omit<EmulatorOptions, 'state' | 'onChange' | 'credentials'>;
}

/** A running emulator server. */
export interface EmulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:9229` — the `endpoint` for clients. */
  readonly url: string;
  readonly emulator: Emulator;
  /** Where the state came from at start-up. */
  readonly origin: 'seed' | 'data' | 'empty';
  /** Stops listening, waits for the last save. */
  close(): Promise<void>;
}

/** Reads and validates a seed file; errors name the file. */
export async function readSeedFile(path: string): Promise<EmulatorSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the seed file ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`The seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return validateSeed(value);
}

function checkStateShape(value: unknown, dataDir: string): EmulatorState {
  const state = value as Partial<EmulatorState>;
  if (
    state.version !== 1 ||
    typeof state.pools !== 'object' ||
    state.pools === null ||
    !Array.isArray(state.outbox)
  ) {
    throw new CorruptStateError(stateFilePath(dataDir), 'the state inside has an unexpected shape');
  }
  return { sessions: {}, srpChallenges: {}, ...state } as EmulatorState;
}

/**
 * Starts the emulator behind `node:http`.
 *
 * @throws CorruptStateError when `dataDir` holds a state file that cannot be read (never wiped)
 * @example
 * const server = await startEmulatorServer({ port: 0, seed: './seed.json', dataDir: './.emulator' });
 * console.log(server.url); // http://127.0.0.1:54321
 * await server.close();
 */
export async function startEmulatorServer(
  options: EmulatorServerOptions = {},
): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.log(line));
  const credentials =
    options.credentials === undefined
      ? [DEFAULT_CREDENTIALS]
      : Array.isArray(options.credentials)
        ? (options.credentials as readonly SigV4Credentials[])
        : [options.credentials as SigV4Credentials];

  const saved = options.dataDir === undefined ? undefined : await loadStateFile(options.dataDir);
  const state =
    saved === undefined || options.dataDir === undefined
      ? undefined
      : checkStateShape(saved, options.dataDir);
  const seed =
    state !== undefined || options.seed === undefined
      ? undefined
      : typeof options.seed === 'string'
        ? await readSeedFile(options.seed)
        : options.seed;

  let requestSave = (): void => {};
  const emulator = createEmulator(seed, {
    ...options.emulatorOptions,
    // SRP's big powers through OpenSSL unless the caller brought its own (README, Performance).
    modularExponentiation: options.emulatorOptions?.modularExponentiation ?? createOpenSslModExp(),
    credentials,
    ...(state && { state }),
    onChange: () => requestSave(),
  });
  const saver =
    options.dataDir === undefined
      ? undefined
      : createStateSaver(
          options.dataDir,
          () => emulator.api.snapshot(),
          (error) =>
            console.error(
              `cognito-kit-emulator: could not save the state: ${(error as Error).message}`,
            ),
        );
  if (saver) {
    requestSave = () => saver.request();
    saver.request();
    await saver.flush();
  }

  const server = createServer((req, res) => {
    void (async () => {
      const request = await toFetchRequest(req, `http://${host}`);
      const response = await emulator.handle(request);
      if (!options.quiet) {
        const action =
          (request.headers.get('x-amz-target') ?? '').split('.').pop() ||
          `${request.method} ${new URL(request.url).pathname}`;
        const error = response.headers.get('x-amzn-errortype');
        log(`${response.status} ${action}${error ? ` ${error}` : ''}`);
      }
      await sendFetchResponse(response, res);
    })().catch((error: unknown) => {
      console.error('cognito-kit-emulator: request failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9229, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${address.port}`,
    emulator,
    origin: state ? 'data' : seed ? 'seed' : 'empty',
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await saver?.flush();
    },
  };
}
