import { afterEach, it } from 'vitest';
import { expectNoAxeViolations } from './axe.js';

/** The part of a composed story these tests use. */
interface RunnableStory {
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
  load(): Promise<void>;
}

const mounted: Array<{ story: RunnableStory; element: HTMLElement }> = [];

afterEach(async () => {
  // `load()` runs the previous render's cleanups (unmount, provider disposal) before reloading.
  for (const { story, element } of mounted.splice(0)) {
    await story.load();
    element.remove();
  }
});

/**
 * One test per story: render it against its emulator, run its play function (the story's own
 * assertions), then check the resulting state with axe.
 */
export function testStories(stories: Record<string, RunnableStory>): void {
  for (const [name, story] of Object.entries(stories)) {
    it(name, async () => {
      const element = document.body.appendChild(document.createElement('div'));
      mounted.push({ story, element });
      await story.run({ canvasElement: element });
      await expectNoAxeViolations(element);
    });
  }
}
