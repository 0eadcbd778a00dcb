/** The problems validateSeed reports for a seed, as a list to compare (empty when it is valid). */
import { SeedError, validateSeed } from '../../src/engine/seed/seed.js';

export function seedProblems(seed: unknown): readonly string[] {
  try {
    validateSeed(seed);
  } catch (error) {
    // Only a SeedError carries problems; anything else is a bug the test must show.
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  return [];
}
