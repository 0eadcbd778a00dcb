// Test helpers for the session storage tests (not part of the package).
import type { KeyValueStore } from './storage.js';

/**
 * A synchronous {@link KeyValueStore} over a Map, like localStorage without a browser; `map`
 * shows what was written.
 *
 * @example
 * const kv = new MapStore();
 * const store = createTokenStore(keyValueStorage(kv), 'web');
 */
export class MapStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}
