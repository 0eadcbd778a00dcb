// Fakes for the refresh scheduler's tests: deterministic timers and a session port that
// refreshes on demand (no Cognito here: the scheduler only sees this narrow interface).
import type { SchedulableSession, SchedulerTimers } from './scheduler.js';

/** Deterministic timers: `advance` fires due callbacks in order; `sleep` moves the wall clock only. */
export class FakeTimers implements SchedulerTimers {
  wall = 0;
  private monotonic = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  now = () => this.wall;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.nextId++;
    this.pending.set(id, { at: this.monotonic + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown) => void this.pending.delete(handle as number);
  get size() {
    return this.pending.size;
  }
  async advance(ms: number) {
    const end = this.monotonic + ms;
    for (;;) {
      const next = [...this.pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      this.pending.delete(next[0]);
      this.wall += next[1].at - this.monotonic;
      this.monotonic = next[1].at;
      next[1].callback();
      await flush();
    }
    this.wall += end - this.monotonic;
    this.monotonic = end;
  }
  /** A laptop sleep: the wall clock jumps, suspended timers do not advance. */
  sleep(ms: number) {
    this.wall += ms;
  }
}

export const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

export class FakeSession implements SchedulableSession {
  claims: { iat: number; exp: number } | null;
  refreshTimes: number[] = [];
  failNext: Error[] = [];
  private listeners = new Set<(s: unknown) => void>();
  constructor(
    private readonly timers: FakeTimers,
    private readonly lifetime: number,
  ) {
    this.claims = { iat: 0, exp: lifetime };
  }
  current = () => (this.claims ? { accessClaims: this.claims } : null);
  refresh = async () => {
    this.refreshTimes.push(this.timers.now());
    const failure = this.failNext.shift();
    if (failure) throw failure;
    const iat = Math.floor(this.timers.now() / 1000);
    this.claims = { iat, exp: iat + this.lifetime };
    this.emit();
  };
  onChange = (l: (s: unknown) => void) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };
  end() {
    this.claims = null;
    this.emit();
  }
  emit() {
    for (const l of this.listeners) l(this.current());
  }
}
