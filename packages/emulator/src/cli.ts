#!/usr/bin/env node
/**
 * `cognito-kit-emulator` — runs the emulator as an HTTP server.
 *
 * Prints the URL, the pools, app clients and users it serves (passwords only for users defined
 * in a seed the caller wrote, or the public demo user), and stops cleanly on SIGINT / SIGTERM.
 */
import packageJson from '../package.json' with { type: 'json' };
import { SeedError } from './engine/seed.js';
import type { EmulatorSeed } from './engine/seed.js';
import type { EmulatorState } from './engine/state.js';
import { CliUsageError, parseCliArgs, USAGE } from './node/cli-args.js';
import { demoSeed } from './node/demo-seed.js';
import { CorruptStateError, stateFilePath } from './node/persistence.js';
import { readSeedFile, startEmulatorServer } from './node/server.js';

const MAX_USERS_LISTED = 20;

/** Start-up summary lines: endpoint, credentials, data file, then every pool. */
function describeServer(
  url: string,
  state: EmulatorState,
  options: {
    accessKeyId: string;
    dataFile?: string;
    origin: string;
    seed?: EmulatorSeed;
    corsOrigins: readonly string[];
    faults: number;
  },
): string[] {
  const lines = [
    `cognito-kit emulator ${packageJson.version} listening on ${url}`,
    `  admin API: SigV4 with access key "${options.accessKeyId}" (service cognito-idp, any region)`,
    `  outbox:    GET ${url}/_emulator/outbox?poolId=<id>&username=<name>`,
    `  browsers:  ${options.corsOrigins.length > 0 ? `loopback pages and ${options.corsOrigins.join(', ')}` : 'loopback pages only (add others with --cors-origin)'}`,
  ];
  if (options.faults > 0)
    lines.push(`  faults:    ${options.faults} injected (see GET ${url}/_emulator/faults)`);
  if (options.dataFile)
    lines.push(
      `  data:      ${options.dataFile} (${options.origin === 'data' ? 'restored' : 'new'})`,
    );
  // Passwords appear only for users of a seed given at this start (never from saved state).
  const seededPasswords = new Map<string, string>();
  for (const pool of options.seed?.pools ?? []) {
    for (const user of pool.users ?? []) {
      if (user.password !== undefined)
        seededPasswords.set(`${pool.id}/${user.username}`, user.password);
    }
  }
  const pools = Object.values(state.pools);
  if (pools.length === 0) lines.push('  no pools yet (create one with CreateUserPool)');
  for (const pool of pools) {
    lines.push(`pool ${pool.id} "${pool.name}"  issuer ${url}/${pool.id}`);
    for (const client of Object.values(pool.clients)) {
      const kind = client.clientSecret === undefined ? 'public' : 'confidential';
      lines.push(
        `  client ${client.clientId} "${client.clientName}" (${kind}) ${client.explicitAuthFlows.join(',')}`,
      );
    }
    const users = Object.values(pool.users);
    for (const user of users.slice(0, MAX_USERS_LISTED)) {
      const login = user.attributes['email'] ?? user.username;
      const seeded =
        seededPasswords.get(`${pool.id}/${user.username}`) ??
        seededPasswords.get(`${pool.id}/${login}`);
      lines.push(
        `  user ${user.username}${login !== user.username ? ` <${login}>` : ''} ${user.status}${seeded ? ` password ${seeded}` : ''}`,
      );
    }
    if (users.length > MAX_USERS_LISTED)
      lines.push(`  … and ${users.length - MAX_USERS_LISTED} more users`);
  }
  return lines;
}

async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  let seed: EmulatorSeed | undefined;
  try {
    seed = command.seedFile === undefined ? demoSeed : await readSeedFile(command.seedFile);
    const server = await startEmulatorServer({
      port: command.port,
      host: command.host,
      seed,
      quiet: command.quiet,
      corsOrigins: command.corsOrigins,
      faults: command.faults,
      ...(command.dataDir !== undefined && { dataDir: command.dataDir }),
      ...(command.credentials && { credentials: command.credentials }),
    });
    const lines = describeServer(server.url, server.emulator.api.snapshot(), {
      accessKeyId: command.credentials?.accessKeyId ?? 'local',
      origin: server.origin,
      corsOrigins: command.corsOrigins,
      faults: command.faults.length,
      ...(command.dataDir !== undefined && { dataFile: stateFilePath(command.dataDir) }),
      ...(server.origin === 'seed' && { seed }),
    });
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`${signal} received, stopping\n`);
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Stopping failed: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    // Only now announce readiness: whoever waits for "listening on" may signal us at once, and a
    // signal before the handlers would kill the process uncleanly (exit by signal, no close).
    process.stdout.write(`${lines.join('\n')}\n`);
    return -1;
  } catch (error) {
    if (error instanceof CorruptStateError || error instanceof SeedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      process.stderr.write(
        `Cannot listen on ${command.host}:${command.port} (${code}). Choose another --port.\n`,
      );
      return 1;
    }
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: the server runs until a signal arrives.
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
