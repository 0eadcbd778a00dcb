/**
 * The Node host: an HTTP server around the engine's `handle(Request)`, with optional durable
 * persistence of the state to a data directory (every answer waits until the changes made so far
 * are on disk, see durable-store.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createEmulator } from '../engine/emulator.js';
import type { Emulator, EmulatorOptions } from '../engine/emulator.js';
import { validateSeed } from '../engine/seed.js';
import type { EmulatorSeed } from '../engine/seed.js';
import { DroppedConnectionError, type FaultRule } from '../engine/faults.js';
import { DEFAULT_CREDENTIALS } from '../engine/sigv4.js';
import type { SigV4Credentials } from '../engine/sigv4.js';
import type { EmulatorState } from '../engine/state.js';
import { createOpenSslModExp } from './openssl-mod-exp.js';
import {
  loadDurableState,
  openDurableStore,
  type DurableStore,
  type DurableStoreStats,
} from './durable-store.js';
import { exposureWarning } from './exposure.js';
import { sendFetchResponse, toFetchRequest } from './http-bridge.js';
import { CorruptStateError, stateFilePath } from './persistence.js';
import { createStateTracker } from './state-tracker.js';

/** Options of {@link startEmulatorServer}. */
export interface EmulatorServerOptions {
  /** Port to listen on; default 9229, `0` picks a free one. */
  port?: number;
  /** Address to bind; default `127.0.0.1`. */
  host?: string;
  /** Seed object, or the path of a seed JSON file. Ignored when `dataDir` already holds state. */
  seed?: EmulatorSeed | string;
  /**
   * Directory for the state (`emulator-state.json` and `emulator-journal.ndjson`); the state is
   * restored from it, and every answer waits until the changes made so far are on disk.
   */
  dataDir?: string;
  /** Journal size that triggers compaction into a new snapshot, at least (default 1 MiB). */
  compactMinBytes?: number;
  /** Browser origins allowed besides the loopback ones (`--cors-origin`); `'*'` allows all. */
  corsOrigins?: readonly string[];
  /** Fault rules active from the start (`--fault`). */
  faults?: readonly FaultRule[];
  /** Key pair(s) admin calls must be signed with; default `local:local`. */
  credentials?: SigV4Credentials | readonly SigV4Credentials[];
  /** Do not log requests. */
  quiet?: boolean;
  /** Where request logs go (default `console.log`). */
  log?: (line: string) => void;
  /** Where warnings and persistence errors go (default `console.error`, i.e. stderr). */
  warn?: (text: string) => void;
  /** Further engine options (clock, behaviour, issuer origin, …). */
  emulatorOptions?: Omit<
    EmulatorOptions,
    'state' | 'onChange' | 'credentials' | 'trackState' | 'corsOrigins' | 'faults'
  >;
}

/** A running emulator server. */
export interface EmulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:9229` — the `endpoint` for clients. */
  readonly url: string;
  readonly emulator: Emulator;
  /** Where the state came from at start-up. */
  readonly origin: 'seed' | 'data' | 'empty';
  /** Write figures of the data directory, when there is one. */
  persistenceStats(): DurableStoreStats | undefined;
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
 * The answer when a change could not be written: a 500, so the client knows it may be lost. The
 * CORS and request-id headers of the answer it replaces are kept, so a browser can read it.
 */
function unsavedAnswer(replaced: Headers): Response {
  const message = 'The emulator could not save this change to its data directory.';
  const headers = new Headers(replaced);
  headers.set('Content-Type', 'application/x-amz-json-1.1');
  headers.set('x-amzn-ErrorType', 'InternalErrorException');
  headers.set('x-amzn-ErrorMessage', message);
  return new Response(JSON.stringify({ __type: 'InternalErrorException', message }), {
    status: 500,
    headers,
  });
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
  const warn = options.warn ?? ((text: string) => console.error(text));
  const credentials =
    options.credentials === undefined
      ? [DEFAULT_CREDENTIALS]
      : Array.isArray(options.credentials)
        ? (options.credentials as readonly SigV4Credentials[])
        : [options.credentials as SigV4Credentials];
  const exposure = exposureWarning(host, credentials);
  if (exposure !== undefined) warn(exposure);

  const loaded =
    options.dataDir === undefined ? undefined : await loadDurableState(options.dataDir);
  const state =
    loaded?.state === undefined || options.dataDir === undefined
      ? undefined
      : checkStateShape(loaded.state, options.dataDir);
  const seed =
    state !== undefined || options.seed === undefined
      ? undefined
      : typeof options.seed === 'string'
        ? await readSeedFile(options.seed)
        : options.seed;

  const tracker = options.dataDir === undefined ? undefined : createStateTracker();
  const emulator = createEmulator(seed, {
    ...options.emulatorOptions,
    // SRP's big powers through OpenSSL unless the caller brought its own (README, Performance).
    modularExponentiation: options.emulatorOptions?.modularExponentiation ?? createOpenSslModExp(),
    credentials,
    ...(state && { state }),
    ...(tracker && { trackState: (s: EmulatorState) => tracker.wrap(s) }),
    ...(options.corsOrigins && { corsOrigins: options.corsOrigins }),
    ...(options.faults && { faults: options.faults }),
  });
  const store: DurableStore | undefined =
    tracker && options.dataDir !== undefined && loaded
      ? await openDurableStore(options.dataDir, tracker, {
          seq: loaded.seq,
          ...(options.compactMinBytes !== undefined && {
            compactMinBytes: options.compactMinBytes,
          }),
          onError: (error) =>
            warn(`cognito-kit-emulator: could not save the state: ${(error as Error).message}`),
        })
      : undefined;

  const server = createServer((req, res) => {
    void (async () => {
      const request = await toFetchRequest(req, `http://${host}`);
      let response = await emulator.handle(request);
      // Answer only what is on disk: a reply sent before the fsync could be lost by a crash.
      if (store) {
        const answered = response;
        response = await store.durable().then(
          () => answered,
          () => unsavedAnswer(answered.headers),
        );
      }
      if (!options.quiet) {
        const action =
          (request.headers.get('x-amz-target') ?? '').split('.').pop() ||
          `${request.method} ${new URL(request.url).pathname}`;
        const error = response.headers.get('x-amzn-errortype');
        log(`${response.status} ${action}${error ? ` ${error}` : ''}`);
      }
      await sendFetchResponse(response, res);
    })().catch((error: unknown) => {
      if (error instanceof DroppedConnectionError) {
        req.socket.destroy();
        return;
      }
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
    persistenceStats: () => store?.stats(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store?.close();
    },
  };
}
