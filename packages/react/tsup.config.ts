import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build, defineConfig, type Options } from 'tsup';

// Shared by both builds below.
const common = {
  format: ['esm'],
  dts: true,
  sourcemap: true,
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
} satisfies Options;

const src = path.resolve('src');
const inside = (dir: string, file: string) => file.startsWith(dir + path.sep);

/**
 * The admin entry reaches the rest of the package only through its public entries: an import
 * of `src/parts/*` becomes `@cognito-kit/react/parts`, any other module outside `src/admin`
 * becomes `@cognito-kit/react` (each name it imports is exported there; admin-imports.test.ts
 * checks it). So the admin build shares no chunk with the main build, and adding it leaves the
 * main entry's chunks — and the bytes an app without the admin screens loads — as they were;
 * and the contexts (provider, messages, forms) stay the main entry's single instances.
 */
const adminThroughPublicEntries = {
  name: 'admin-through-public-entries',
  setup(esbuild: {
    onResolve(
      options: { filter: RegExp },
      callback: (args: {
        path: string;
        resolveDir: string;
        importer: string;
      }) => { path: string; external: boolean } | undefined,
    ): void;
  }) {
    esbuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      if (!inside(path.join(src, 'admin'), args.importer)) return undefined;
      if (inside(path.join(src, 'admin'), target) || !inside(src, target)) return undefined;
      const parts = inside(path.join(src, 'parts'), target);
      return { path: parts ? '@cognito-kit/react/parts' : '@cognito-kit/react', external: true };
    });
  },
};

export default defineConfig({
  ...common,
  // The main entry (provider, hooks, components, messages) and the parts subpath; code both use
  // lands in shared chunks, so an app importing both loads it once.
  entry: { index: 'src/index.ts', parts: 'src/parts/index.ts' },
  clean: true,
  async onSuccess() {
    await mkdir('dist', { recursive: true });
    await copyFile('src/styles.css', 'dist/styles.css');
    // The admin subpath, built after the main build (which cleans dist/) and apart from it.
    await build({
      ...common,
      config: false,
      entry: { admin: 'src/admin/index.ts' },
      clean: false,
      external: [...common.external, '@cognito-kit/react', '@cognito-kit/react/parts'],
      esbuildPlugins: [adminThroughPublicEntries],
    });
  },
});
