import { fileURLToPath } from 'node:url';

/** The workspace root: the packages are symlinked from there (pnpm), and traced from there. */
const root = fileURLToPath(new URL('../..', import.meta.url));

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  outputFileTracingRoot: root,
  turbopack: { root },
  // The kit's packages are ESM with their own types; nothing to transpile.
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default config;
