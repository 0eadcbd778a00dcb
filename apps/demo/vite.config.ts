import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages (modules and the kit's stylesheet) from source, never a stale build.
    conditions: ['@cognito-kit/source', 'module', 'browser', 'development|production'],
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1' },
});
