/**
 * The admin build imports the rest of the package through its public entries (see
 * tsup.config.ts): every name a module of src/admin imports from outside src/admin must be
 * exported by `@cognito-kit/react` (or, for src/parts, `@cognito-kit/react/parts`), or the built
 * admin entry would import a name that does not exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import * as main from '../index.js';
import * as parts from '../parts/index.js';

const adminDir = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.dirname(adminDir);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.(test|stories)\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

it('imports from outside src/admin only what the public entries export', () => {
  const checked: string[] = [];
  for (const file of sources(adminDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^import (type )?\{([^}]*)\} from '(\.[^']+)';/gms)) {
      const [, typeOnly, names = '', specifier = ''] = match;
      const target = path.resolve(path.dirname(file), specifier);
      if (typeOnly || target.startsWith(adminDir + path.sep)) continue;
      const entry: Record<string, unknown> = target.startsWith(
        path.join(srcDir, 'parts') + path.sep,
      )
        ? parts
        : main;
      for (const raw of names.split(',')) {
        const name = raw.trim();
        if (name === '' || name.startsWith('type ')) continue;
        expect(
          entry,
          `${path.relative(srcDir, file)} imports ${name} from ${specifier}`,
        ).toHaveProperty(name);
        checked.push(name);
      }
    }
  }
  expect(checked).toEqual(
    expect.arrayContaining(['useCognitoAuth', 'useMessages', 'Button', 'Form']),
  );
});
