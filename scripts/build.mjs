// Bundles the CLI into dist/ with esbuild. better-sqlite3 stays external (a native addon);
// everything loaded with import() (prompts, tables) becomes its own chunk, loaded only when used.
import { build } from 'esbuild';
import fs from 'node:fs';

fs.rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  // CommonJS dependencies bundled into ESM may call require() for Node built-ins.
  banner: { js: "import { createRequire as __wenmiRequire } from 'node:module'; const require = __wenmiRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
