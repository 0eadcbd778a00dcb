import { fileURLToPath } from 'node:url';

/** The app's own folder is the root (it lives under /tmp, outside any workspace). */
const root = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('next').NextConfig} */
export default { turbopack: { root }, outputFileTracingRoot: root };
