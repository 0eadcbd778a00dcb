/**
 * @cognito-kit/emulator — a local Amazon Cognito user-pool emulator: one runtime-agnostic
 * engine, usable in-process through `createEmulator(seed).fetch` or behind the Node server.
 */
export { createEmulator } from './engine/emulator.js';
export type { Emulator, EmulatorApi, EmulatorOptions, OutboxFilter } from './engine/emulator.js';
export { createSigningKeyCache } from './engine/model/signing-keys.js';
export type { SigningKeyCache, SigningKeyMaterial } from './engine/model/signing-keys.js';
export { SeedError, validateSeed } from './engine/seed/seed.js';
export type {
  ClientOAuthSeed,
  ClientSeed,
  CustomAuthSeed,
  CustomChallengeSeed,
  EmulatorSeed,
  GroupSeed,
  IdentityProviderSeed,
  PoolSeed,
  ResourceServerSeed,
  UpstreamAccountSeed,
  UserSeed,
} from './engine/seed/seed.js';
export type { EngineBehaviour } from './engine/context.js';
export { bigIntModExp } from './engine/crypto/mod-exp.js';
export type { ModularExponentiation } from './engine/crypto/mod-exp.js';
export type { SigV4Credentials } from './engine/crypto/sigv4.js';
export type { EmulatorState, OutboxMessage, UserState, UserStatus } from './engine/model/state.js';
