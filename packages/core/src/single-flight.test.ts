import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './single-flight.js';

describe('createSingleFlight', () => {
  it('shares one running task among callers, then starts a new one', async () => {
    const flight = createSingleFlight<number>();
    let starts = 0;
    let release!: (n: number) => void;
    const start = () => {
      starts += 1;
      return new Promise<number>((r) => (release = r));
    };
    const callers = Array.from({ length: 100 }, () => flight.run(start));
    expect(starts).toBe(1);
    release(7);
    expect(await Promise.all(callers)).toEqual(Array(100).fill(7));
    expect(flight.pending).toBeNull();
    const next = flight.run(start);
    expect(starts).toBe(2);
    release(8);
    expect(await next).toBe(8);
  });

  it('shares a failure too, and lets the next call retry', async () => {
    const flight = createSingleFlight<number>();
    const boom = new Error('boom');
    const a = flight.run(() => Promise.reject(boom));
    const b = flight.run(() => Promise.resolve(1));
    await expect(a).rejects.toBe(boom);
    await expect(b).rejects.toBe(boom);
    expect(await flight.run(() => Promise.resolve(2))).toBe(2);
  });
});
