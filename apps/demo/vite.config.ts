import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const reactSrc = here('../../packages/react/src/');

// Like the `@cognito-kit/source` condition for modules: the kit's stylesheet from source (the
// package exports it from dist/ only), so the demo never runs on a stale build.
const styleSource = [
  { find: /^@cognito-kit\/react\/styles\.css$/, replacement: `${reactSrc}styles.css` },
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ['@cognito-kit/source', 'module', 'browser', 'development|production'],
    alias: styleSource,
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1' },
});
