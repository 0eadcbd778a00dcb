import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe on `container` and fails with the rule ids and targets of every violation.
 * `color-contrast` needs layout, which happy-dom does not do; the stories' browser run covers it.
 */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const result = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
  });
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}
