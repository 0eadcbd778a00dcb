/**
 * `@cognito-kit/emulator/node` — the Node HTTP host and persistence.
 */
export { readSeedFile, startEmulatorServer } from './server.js';
export type { EmulatorServer, EmulatorServerOptions } from './server.js';
export { CorruptStateError, STATE_FILE_NAME, stateFilePath } from './persistence.js';
export { demoSeed, DEMO } from './demo-seed.js';
export { createOpenSslModExp } from './openssl-mod-exp.js';
