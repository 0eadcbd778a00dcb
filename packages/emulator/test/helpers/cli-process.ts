/**
 * The `cognito-kit-emulator` command as a real process for tests: bundled from source once per
 * file, spawned, its printed lines collected.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** Bundles src/cli.ts into `dir` and returns the script path. */
export function buildCli(dir: string): string {
  const cli = join(dir, 'cli.mjs');
  buildSync({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), '../../src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    logLevel: 'silent',
  });
  return cli;
}

export interface Running {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the bundled CLI with `args`. */
export function runCli(cli: string, args: string[]): Running {
  const child = spawn(process.execPath, [cli, ...args], { stdio: 'pipe' });
  const lines: string[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}

/** Waits until a printed line matches (or the process exits). */
export async function waitForLine(running: Running, pattern: RegExp): Promise<RegExpMatchArray> {
  let exited = false;
  void running.exited.then(() => {
    exited = true;
  });
  for (;;) {
    for (const line of running.lines) {
      const match = pattern.exec(line);
      if (match) return match;
    }
    if (exited) throw new Error(`exited before printing ${pattern}: ${running.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
