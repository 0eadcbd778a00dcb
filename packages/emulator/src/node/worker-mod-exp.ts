/**
 * SRP's modular exponentiation on a small pool of worker threads, each running OpenSSL.
 *
 * The engine stays on the main thread and single-threaded: it hands a worker nothing but two
 * numbers and awaits one number back, so no engine state is ever shared or raced on. What moves
 * off the main thread is the pure big-number work (about three 3072-bit powers per SRP sign-in),
 * leaving the main thread for HTTP, JSON, hashing and token signing.
 *
 * The workers run {@link openSslRegularPower} from its source text (`eval` workers), so the pool
 * needs no separate worker file and behaves the same from the TypeScript sources (tests) and from
 * the bundle. Workers are `unref`'d while idle, so a pool never keeps a process alive; one that
 * dies is replaced, and its unanswered powers are computed on the main thread instead.
 */
import { createDiffieHellman } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { N, type ModularExponentiation } from '../engine/crypto/mod-exp.js';
import { openSslRegularPower, powerThroughOpenSsl, type RegularPower } from './openssl-mod-exp.js';

/** A {@link ModularExponentiation} backed by threads, which {@link WorkerModExp.close} stops. */
export interface WorkerModExp extends ModularExponentiation {
  /** Number of worker threads. */
  readonly threads: number;
  /** Stops the workers; powers asked for afterwards are computed on the calling thread. */
  close(): Promise<void>;
}

/** Options of {@link createWorkerModExp}. */
export interface WorkerModExpOptions {
  /** Worker threads; default `os.availableParallelism()` (at least 1). */
  threads?: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createDiffieHellman } = require('node:crypto');
const power = (${openSslRegularPower.toString()})(createDiffieHellman, workerData.prime);
parentPort.on('message', ({ id, base, exponent }) => {
  try {
    parentPort.postMessage({ id, value: power(base, exponent) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message) });
  }
});
`;

type Reply = { id: number; value: bigint } | { id: number; error: string };

interface Pending {
  resolve(value: bigint): void;
  reject(error: Error): void;
}

/** One worker and the powers it still owes. */
class PowerWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #dead = false;

  constructor(onDeath: (worker: PowerWorker) => void) {
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { prime: N } });
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if ('value' in reply) pending.resolve(reply.value);
      else pending.reject(new Error(reply.error));
    });
    const die = (error: Error): void => {
      if (this.#dead) return;
      this.#dead = true;
      this.#failAll(error);
      onDeath(this);
    };
    this.#worker.on('error', die);
    this.#worker.on('exit', (code) => die(new Error(`mod-exp worker exited (code ${code})`)));
  }

  get load(): number {
    return this.#pending.size;
  }

  power(id: number, base: bigint, exponent: bigint): Promise<bigint> {
    return new Promise((resolve, reject) => {
      // Referenced while it owes an answer, so the process waits for it.
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, base, exponent });
    });
  }

  async stop(): Promise<void> {
    this.#dead = true;
    this.#failAll(new Error('mod-exp worker pool closed'));
    await this.#worker.terminate();
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/**
 * Starts a pool of OpenSSL worker threads for SRP's powers.
 *
 * @example
 * const modExp = createWorkerModExp();
 * const emulator = createEmulator(seed, { modularExponentiation: modExp });
 * // …
 * await modExp.close();
 */
export function createWorkerModExp(options: WorkerModExpOptions = {}): WorkerModExp {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  let closed = false;
  let nextId = 0;
  const workers: PowerWorker[] = [];
  const replace = (dead: PowerWorker): void => {
    const at = workers.indexOf(dead);
    if (at >= 0 && !closed) workers[at] = new PowerWorker(replace);
  };
  for (let i = 0; i < threads; i += 1) workers.push(new PowerWorker(replace));

  let here: RegularPower | undefined;
  /** The least busy worker takes the power; after close the calling thread does. */
  const regular = (base: bigint, exponent: bigint): bigint | Promise<bigint> => {
    if (closed) {
      here ??= openSslRegularPower(createDiffieHellman, N);
      return here(base, exponent);
    }
    let chosen = workers[0];
    for (const worker of workers) if (chosen && worker.load < chosen.load) chosen = worker;
    nextId = (nextId + 1) % Number.MAX_SAFE_INTEGER;
    return chosen ? chosen.power(nextId, base, exponent) : Promise.reject(new Error('no worker'));
  };

  return {
    name: `OpenSSL on ${threads} worker thread${threads === 1 ? '' : 's'}`,
    threads,
    power: (base, exponent) => powerThroughOpenSsl(base, exponent, regular),
    async close() {
      closed = true;
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}
