// @vitest-environment node
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An app of the workspace importing the kit: resolution goes through its node_modules link.
const appEntry = new URL('../../../apps/demo/src/main.tsx', import.meta.url).pathname;
const sourceStyles = new URL('../src/styles.css', import.meta.url).pathname;
const builtStyles = new URL('../dist/styles.css', import.meta.url).pathname;
const sourceParts = new URL('../src/parts/index.ts', import.meta.url).pathname;
const builtParts = new URL('../dist/parts.js', import.meta.url).pathname;
const sourceAdmin = new URL('../src/admin/index.ts', import.meta.url).pathname;
const builtAdmin = new URL('../dist/admin.js', import.meta.url).pathname;

/** A bare Vite resolver (no config file, so no aliases) with the given export conditions. */
async function resolverWith(conditions: string[]): Promise<ViteDevServer> {
  return createServer({
    configFile: false,
    logLevel: 'silent',
    root: new URL('../../../apps/demo/', import.meta.url).pathname,
    resolve: { conditions },
    server: { middlewareMode: true, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
}

describe('package exports of @cognito-kit/react/styles.css and /parts', () => {
  let source: ViteDevServer;
  let plain: ViteDevServer;
  beforeAll(async () => {
    source = await resolverWith(['@cognito-kit/source', 'module', 'browser']);
    plain = await resolverWith(['module', 'browser']);
  });
  afterAll(async () => {
    await Promise.all([source.close(), plain.close()]);
  });

  it('resolves to the source stylesheet under the @cognito-kit/source condition', async () => {
    const resolved = await source.pluginContainer.resolveId(
      '@cognito-kit/react/styles.css',
      appEntry,
    );
    expect(resolved?.id).toBe(sourceStyles);
  });

  it('resolves to the built stylesheet for consumers', async () => {
    const resolved = await plain.pluginContainer.resolveId(
      '@cognito-kit/react/styles.css',
      appEntry,
    );
    expect(resolved?.id).toBe(builtStyles);
  });

  it('resolves the parts subpath to its source or its built entry', async () => {
    const fromSource = await source.pluginContainer.resolveId('@cognito-kit/react/parts', appEntry);
    expect(fromSource?.id).toBe(sourceParts);
    const fromBuild = await plain.pluginContainer.resolveId('@cognito-kit/react/parts', appEntry);
    expect(fromBuild?.id).toBe(builtParts);
  });

  it('resolves the admin subpath to its source or its built entry', async () => {
    const fromSource = await source.pluginContainer.resolveId('@cognito-kit/react/admin', appEntry);
    expect(fromSource?.id).toBe(sourceAdmin);
    const fromBuild = await plain.pluginContainer.resolveId('@cognito-kit/react/admin', appEntry);
    expect(fromBuild?.id).toBe(builtAdmin);
  });
});
