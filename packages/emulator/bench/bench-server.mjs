/**
 * The server side of the load bench, run as a child process so the emulator has a process of
 * its own (as with the CLI) and its resident memory can be read apart from the client's.
 *
 *   node bench-server.mjs <dist dir> <seed file> <modexp: default | bigint | openssl>
 *
 * Sends `{ url }` over IPC once listening; answers `'rss'` with `{ rss }` (bytes) and `'cpu'` with
 * `{ cpu }` (µs of CPU used so far by all its threads); stops on `'close'`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [distDir, seedFile, modExpName = 'default'] = process.argv.slice(2);
const dist = (file) => import(pathToFileURL(path.join(distDir, file)).href);
const host = await dist('node/index.js');

async function chooseModExp() {
  if (modExpName === 'default') return undefined;
  if (modExpName === 'bigint') return (await dist('index.js')).bigIntModExp;
  if (modExpName === 'openssl') return host.createOpenSslModExp();
  throw new Error(`unknown modexp ${modExpName}`);
}

const modExp = await chooseModExp();
const server = await host.startEmulatorServer({
  port: 0,
  host: '127.0.0.1',
  quiet: true,
  seed: seedFile,
  ...(modExp && { emulatorOptions: { modularExponentiation: modExp } }),
});
process.send({ url: server.url });
process.on('message', (message) => {
  if (message === 'rss') process.send({ rss: process.memoryUsage().rss });
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ cpu: user + system });
  }
  if (message === 'close') {
    void server.close().finally(() => process.exit(0));
  }
});
// The bench going away (crash, Ctrl-C) takes the server with it.
process.on('disconnect', () => process.exit(0));
