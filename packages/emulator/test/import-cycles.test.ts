/**
 * The emulator's modules form no import cycle, type-only imports included: a cycle means two
 * modules that cannot be understood (or moved) one without the other, which is what the folder
 * layout of `src/engine/` (model → seed / crypto / protocol → auth → actions) is meant to rule out.
 *
 * The graph comes from dpdm, which parses with the TypeScript compiler the project already uses
 * (so `.js` specifiers resolve to `.ts` sources exactly as `tsc` resolves them) and reports every
 * cycle with its path.
 */
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

async function cyclesIn(glob: string): Promise<{ files: number; cycles: string[] }> {
  const tree = await parseDependencyTree(glob, {
    context: packageDir,
    cwd: packageDir,
    tsconfig: `${packageDir}/tsconfig.json`,
    // Keep `import type`: a type-only cycle still ties two modules together.
    transform: false,
    skipDynamicImports: false,
  });
  const cycles = parseCircular(tree, false).map((cycle) => cycle.join(' -> '));
  return { files: Object.keys(tree).length, cycles };
}

describe('import cycles', () => {
  it('finds none in the emulator sources', async () => {
    const { files, cycles } = await cyclesIn('src/**/*.ts');
    expect(files).toBeGreaterThan(90); // the glob really covered the sources
    expect(cycles).toEqual([]);
  });

  it('reports a cycle when there is one (type-only imports count)', async () => {
    const { cycles } = await cyclesIn('test/fixtures/import-cycle/*.ts');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.split(' -> ').sort()).toEqual([
      'test/fixtures/import-cycle/a.ts',
      'test/fixtures/import-cycle/b.ts',
    ]);
  });
});
