import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const reactSrc = here('../../packages/react/src/');

// TEMPORARY: while packages/react has no public index (its provider and hooks are being written
// in parallel), `@cognito-kit/react` resolves to a stand-in that re-exports the package's
// modules by path. Nothing in src/ imports the stand-in directly.
const reactLanded = existsSync(`${reactSrc}index.ts`);
const standIns = [
  ...(reactLanded
    ? []
    : [{ find: /^@cognito-kit\/react$/, replacement: here('./src/standin/react.ts') }]),
  // The package exports its stylesheet from dist/ only; use the source until it is built.
  ...(existsSync(here('../../packages/react/dist/styles.css'))
    ? []
    : [{ find: /^@cognito-kit\/react\/styles\.css$/, replacement: `${reactSrc}styles.css` }]),
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ['@cognito-kit/source', 'module', 'browser', 'development|production'],
    alias: standIns,
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1' },
});
