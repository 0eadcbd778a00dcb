#!/usr/bin/env node
// The `cognito-kit-emulator` command. This file is committed (not built) so that installing the
// workspace can link the bin before `pnpm build` has produced dist/: a bin pointing straight at
// dist/cli.js made every fresh `pnpm install` warn "Failed to create bin". The CLI itself is the
// built dist/cli.js, which this file runs.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'cognito-kit-emulator: dist/cli.js is missing. In the cognito-kit workspace run `pnpm build` (or `bash scripts/setup.sh`) first.\n',
  );
  process.exit(1);
}
await import(cli.href);
