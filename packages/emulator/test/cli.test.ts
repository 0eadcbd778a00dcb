/**
 * Smoke test of the `cognito-kit-emulator` command: bundled from source, spawned as a real
 * process, its printed lines read, then stopped with SIGTERM / SIGINT.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli, waitForLine, type Running } from './helpers/cli-process.js';

let dir: string;
let cli: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ck-cli-'));
  cli = buildCli(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]): Running => runCli(cli, args);

describe('cognito-kit-emulator', () => {
  it('prints help and refuses unknown options', async () => {
    const help = run(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.lines.join('\n')).toContain('Usage: cognito-kit-emulator');
    const bad = run(['--bogus']);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain('Unknown option --bogus');
  });

  it('serves the demo seed, persists to --data, restarts from it and stops on signals', async () => {
    const data = join(dir, 'data');
    const first = run(['--port', '0', '--data', data, '--quiet']);
    const [, url] = await waitForLine(first, /listening on (http:\/\/\S+)/);
    expect(first.lines.join('\n')).toMatch(/pool us-east-1_DemoPool1 "Demo"/);
    // The demo user's password is public; it is printed because it came from the demo seed.
    expect(first.lines.some((l) => /user demo .*CONFIRMED password Passw0rd!/.test(l))).toBe(true);
    expect(first.lines.join('\n')).toContain('(new)');

    const outbox = await fetch(`${url}/_emulator/outbox`);
    expect(outbox.status).toBe(200);
    const unsigned = await fetch(url!, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.Nope',
      },
      body: '{}',
    });
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.lines).toContain('SIGTERM received, stopping');
    const saved = JSON.parse(await readFile(join(data, 'emulator-state.json'), 'utf8')) as {
      state: { pools: Record<string, unknown> };
    };
    expect(Object.keys(saved.state.pools)).toEqual(['us-east-1_DemoPool1']);

    const second = run(['--port', '0', '--data', data]);
    await waitForLine(second, /listening on/);
    expect(second.lines.join('\n')).toContain('(restored)');
    // Restored state: the password is not printed (it may have changed since).
    expect(second.lines.some((l) => /user demo .*CONFIRMED$/.test(l))).toBe(true);
    expect(second.lines.join('\n')).not.toContain('Passw0rd!');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('starts with the faults given by --fault and the origins given by --cors-origin', async () => {
    const running = run([
      '--port',
      '0',
      '--quiet',
      '--fault',
      'JWKS:2:status:503',
      '--cors-origin',
      'https://app.example.test',
    ]);
    const [, url] = await waitForLine(running, /listening on (http:\/\/\S+)/);
    expect(running.lines.join('\n')).toContain('faults:    1 injected');
    const jwks = `${url}/us-east-1_DemoPool1/.well-known/jwks.json`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(jwks)).status);
    expect(statuses).toEqual([503, 503, 200]);
    const page = await fetch(jwks, { headers: { origin: 'https://app.example.test' } });
    expect(page.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('refuses to start on a corrupt data file and leaves it untouched', async () => {
    const data = join(dir, 'corrupt');
    const file = join(data, 'emulator-state.json');
    await mkdir(data, { recursive: true });
    await writeFile(
      file,
      '{"format":"cognito-kit-emulator-state","formatVersion":1,"state":{"pools"',
    );
    const running = run(['--port', '0', '--data', data]);
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toContain(
      `The emulator data file ${file} cannot be read (it is not valid JSON)`,
    );
    expect(await readFile(file, 'utf8')).toBe(
      '{"format":"cognito-kit-emulator-state","formatVersion":1,"state":{"pools"',
    );
  });

  it('reports seed problems with their path', async () => {
    const seedFile = join(dir, 'seed.json');
    await writeFile(seedFile, JSON.stringify({ pools: [{ id: 'not-a-pool-id' }] }));
    const running = run(['--port', '0', '--seed', seedFile]);
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toContain('pools[0].id');
  });

  it('prints passwords of a user-written seed and lists its clients', async () => {
    const seedFile = join(dir, 'seed-ok.json');
    await writeFile(
      seedFile,
      JSON.stringify({
        pools: [
          {
            id: 'eu-west-2_CliSeed1',
            name: 'Cli',
            clients: [{ id: 'cliClient', secret: 'shh' }],
            users: [
              { username: 'zoe', password: 'Zoe-Passw0rd' },
              { username: 'nopass', status: 'FORCE_CHANGE_PASSWORD' },
            ],
          },
        ],
      }),
    );
    const running = run(['--port', '0', '--seed', seedFile, '--credentials', 'AKIDCLI:cli-secret']);
    await waitForLine(running, /listening on/);
    const text = running.lines.join('\n');
    expect(text).toContain('access key "AKIDCLI"');
    expect(text).not.toContain('cli-secret');
    expect(text).toMatch(/client cliClient "cliClient" \(confidential\)/);
    expect(text).not.toContain('shh');
    expect(text).toMatch(/user zoe CONFIRMED password Zoe-Passw0rd/);
    expect(text).toMatch(/user nopass FORCE_CHANGE_PASSWORD$/m);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });
});
