/**
 * Command-line parsing for `cognito-kit-emulator`, kept pure so it is testable without a process.
 */

import { parseFaultSpec, type FaultRule } from '../engine/faults.js';
import { normaliseOrigin } from '../engine/origin-policy.js';
import { parseCredentials } from '../engine/sigv4.js';
import type { SigV4Credentials } from '../engine/sigv4.js';

/** What the command line asked for. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'serve';
      readonly port: number;
      readonly host: string;
      readonly seedFile?: string;
      readonly dataDir?: string;
      readonly credentials?: SigV4Credentials;
      readonly quiet: boolean;
      /** Browser origins allowed besides loopback ones (`--cors-origin`, repeatable). */
      readonly corsOrigins: readonly string[];
      /** Faults active from the start (`--fault`, repeatable). */
      readonly faults: readonly FaultRule[];
    };

/** Text printed by `--help`. */
export const USAGE = `Usage: cognito-kit-emulator [options]

A local Amazon Cognito user-pool emulator.

Options:
  --port <n>               port to listen on (default 9229; 0 picks a free port)
  --host <address>         address to bind (default 127.0.0.1)
  --seed <file>            seed JSON file with pools, clients and users
  --data <dir>             keep state in <dir>/emulator-state.json across restarts
  --credentials <K:S>      access key and secret admin calls must be signed with (default local:local)
  --cors-origin <origin>   also answer browser pages from this origin (repeatable; default:
                           http(s)://localhost, 127.0.0.1 and [::1] on any port only)
  --fault <spec>           inject a fault, ACTION[:TIMES]:TYPE[:ARG] (repeatable), e.g.
                           InitiateAuth:2:error:TooManyRequestsException, JWKS:status:503,
                           GetUser:drop, RespondToAuthChallenge:1:delay:1500
  --quiet                  do not log requests
  -h, --help               show this help
  -v, --version            show the version
`;

/** Thrown for a command line that cannot be run; the message names the fix. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

const VALUE_OPTIONS = new Set(['--port', '--host', '--seed', '--data', '--credentials']);
/** Options that may be given more than once; every value is kept. */
const REPEATED_OPTIONS = new Set(['--cors-origin', '--fault']);

/**
 * Parses `process.argv.slice(2)`. Accepts `--opt value` and `--opt=value`.
 *
 * @example
 * parseCliArgs(['--port', '0', '--seed', 'seed.json']); // { kind: 'serve', port: 0, … }
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const values = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '-v' || arg === '--version') return { kind: 'version' };
    if (arg === '--quiet') {
      quiet = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.has(name) && !REPEATED_OPTIONS.has(name))
      throw new CliUsageError(`Unknown option ${arg}. Run with --help to see the options.`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '')
      throw new CliUsageError(`Option ${name} needs a value.`);
    if (REPEATED_OPTIONS.has(name)) repeated.set(name, [...(repeated.get(name) ?? []), value]);
    else values.set(name, value);
  }
  const portText = values.get('--port') ?? '9229';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new CliUsageError(`--port must be a number from 0 to 65535, not "${portText}".`);
  }
  const credentialText = values.get('--credentials');
  let credentials: SigV4Credentials | undefined;
  if (credentialText !== undefined) {
    try {
      credentials = parseCredentials(credentialText);
    } catch (error) {
      throw new CliUsageError(`--credentials: ${(error as Error).message}`);
    }
  }
  return {
    kind: 'serve',
    port,
    host: values.get('--host') ?? '127.0.0.1',
    quiet,
    corsOrigins: (repeated.get('--cors-origin') ?? []).map((o) =>
      usage('--cors-origin', normaliseOrigin, o),
    ),
    faults: (repeated.get('--fault') ?? []).map((f) => usage('--fault', parseFaultSpec, f)),
    ...(values.has('--seed') ? { seedFile: values.get('--seed') } : {}),
    ...(values.has('--data') ? { dataDir: values.get('--data') } : {}),
    ...(credentials ? { credentials } : {}),
  };
}

/** Runs a parser of one option value, turning its TypeError into a usage error naming the option. */
function usage<T>(option: string, parse: (text: string) => T, text: string): T {
  try {
    return parse(text);
  } catch (error) {
    throw new CliUsageError(`${option}: ${(error as Error).message}`);
  }
}
