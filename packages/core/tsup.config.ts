import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/low-level.ts', 'src/oauth.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
});
