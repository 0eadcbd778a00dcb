import { describe, expect, it } from 'vitest';
import { createSubscribable } from './subscribable.js';

describe('createSubscribable', () => {
  it('notifies in order, unsubscribes, and clears', () => {
    const changes = createSubscribable<[number]>();
    const seen: string[] = [];
    const stopA = changes.subscribe((n) => seen.push(`a${n}`));
    changes.subscribe((n) => seen.push(`b${n}`));
    changes.notify(1);
    stopA();
    changes.notify(2);
    changes.clear();
    changes.notify(3);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
  });

  it('reports a throwing listener and still notifies the others', () => {
    const errors: unknown[] = [];
    const changes = createSubscribable<[]>((e) => errors.push(e));
    const seen: string[] = [];
    changes.subscribe(() => {
      throw new Error('faulty');
    });
    changes.subscribe(() => seen.push('after'));
    changes.notify();
    expect(seen).toEqual(['after']);
    expect(errors).toEqual([new Error('faulty')]);
  });

  it('without a reporter, rethrows a listener error in a microtask, after the notification', async () => {
    const changes = createSubscribable<[]>();
    const seen: string[] = [];
    const original = globalThis.queueMicrotask;
    const queued: (() => void)[] = [];
    globalThis.queueMicrotask = (task) => void queued.push(task);
    try {
      changes.subscribe(() => {
        throw new Error('faulty');
      });
      changes.subscribe(() => seen.push('after'));
      changes.notify();
    } finally {
      globalThis.queueMicrotask = original;
    }
    expect(seen).toEqual(['after']);
    expect(queued).toHaveLength(1);
    expect(() => queued[0]?.()).toThrow('faulty');
  });

  it('lets a listener unsubscribe itself during a notification without skipping others', () => {
    const changes = createSubscribable<[]>();
    const seen: string[] = [];
    const stop = changes.subscribe(() => {
      seen.push('once');
      stop();
    });
    changes.subscribe(() => seen.push('always'));
    changes.notify();
    changes.notify();
    expect(seen).toEqual(['once', 'always', 'always']);
  });
});
