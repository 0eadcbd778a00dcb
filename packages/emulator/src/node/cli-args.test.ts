import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('uses the documented defaults', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'serve',
      port: 9229,
      host: '127.0.0.1',
      quiet: false,
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
      ]),
    ).toEqual({
      kind: 'serve',
      port: 0,
      host: '0.0.0.0',
      seedFile: 's.json',
      dataDir: './d',
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SE' },
      quiet: true,
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
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
