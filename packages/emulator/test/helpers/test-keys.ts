/**
 * One signing-key cache per test file (Vitest isolates files, so this module is per file): every
 * emulator a test creates reuses the same RSA pairs instead of generating two per pool. Keys stay
 * distinct between the pools of one emulator (see `SigningKeyCache`).
 */
import { createSigningKeyCache } from '../../src/index.js';

export const testSigningKeys = createSigningKeyCache();
