import { copyFile, mkdir } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  // The main entry (provider, hooks, components, messages), the parts subpath and the admin
  // screens; code they share lands in shared chunks, so an app importing several loads it once
  // and an app without the admin screens never loads them.
  entry: { index: 'src/index.ts', parts: 'src/parts/index.ts', admin: 'src/admin/index.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'browser',
  // Not rollup's treeshake: it drops the "use client" banner; esbuild already drops dead code.
  treeshake: false,
  // Peers and the core stay external: the app decides their versions and dedupes them.
  external: [
    'react',
    'react-dom',
    'react/jsx-runtime',
    '@tanstack/react-query',
    '@cognito-kit/core',
  ],
  // Every export is a hook or a component, so the whole entry belongs to the client in RSC apps.
  banner: { js: '"use client";' },
  async onSuccess() {
    await mkdir('dist', { recursive: true });
    await copyFile('src/styles.css', 'dist/styles.css');
  },
});
