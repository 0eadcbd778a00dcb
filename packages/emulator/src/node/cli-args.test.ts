import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('uses the documented defaults', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'serve',
      port: 9229,
      host: '127.0.0.1',
      quiet: false,
      corsOrigins: [],
      faults: [],
    });
  });

  it('reads every option in both spellings', () => {
    expect(
      parseCliArgs([
        '--port',
        '0',
        '--host=0.0.0.0',
        '--seed',
        's.json',
        '--data=./d',
        '--credentials',
        'AK:SE',
        '--quiet',
        '--cors-origin',
        'https://app.example.test/',
        '--cors-origin=http://10.0.0.5:8080',
        '--fault',
        'InitiateAuth:2:error:TooManyRequestsException',
        '--fault=JWKS:status:503',
      ]),
    ).toEqual({
      kind: 'serve',
      port: 0,
      host: '0.0.0.0',
      seedFile: 's.json',
      dataDir: './d',
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SE' },
      quiet: true,
      corsOrigins: ['https://app.example.test', 'http://10.0.0.5:8080'],
      faults: [
        {
          action: 'InitiateAuth',
          times: 2,
          fault: { type: 'error', code: 'TooManyRequestsException' },
        },
        { action: 'JWKS', times: 1, fault: { type: 'status', status: 503 } },
      ],
    });
  });

  it('answers help and version', () => {
    expect(parseCliArgs(['--port', '1', '-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['--nope'], /Unknown option --nope/],
    [['--port'], /--port needs a value/],
    [['--port', 'abc'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--credentials', 'justakey'], /--credentials: .*KEY:SECRET/],
    [['--cors-origin', 'https://x.test/path'], /--cors-origin: .*not an origin/],
    [['--fault', 'InitiateAuth:explode'], /--fault: .*error, status, drop or delay/],
    [['--fault', 'GetUser:status:200'], /--fault: .*400 to 599/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
