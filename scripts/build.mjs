// Bundles the CLI into dist/ with esbuild. better-sqlite3's JavaScript is bundled too and is handed
// its native binding's path (src/core/driver.ts), so its `bindings` wrapper, which searches for the
// binding, is never loaded (external here); everything loaded with import() (prompts, tables)
// becomes its own chunk, loaded only when used.
import { build } from 'esbuild';
import fs from 'node:fs';
import { bundlePatches } from './bundle-patches.mjs';

fs.rmSync('dist', { recursive: true, force: true });

// the driver's JavaScript is used only with the binding of the same version (src/core/driver.ts)
const sqliteVersion = JSON.parse(fs.readFileSync('node_modules/better-sqlite3/package.json', 'utf8')).version;

await build({
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['bindings'],
  define: { WENMI_BUNDLED_SQLITE: JSON.stringify(sqliteVersion) },
  // CommonJS dependencies bundled into ESM may call require() for Node built-ins.
  banner: { js: "import { createRequire as __wenmiRequire } from 'node:module'; const require = __wenmiRequire(import.meta.url);" },
  // cli-table3's measuring, made cheap without changing its answers (scripts/bundle-patches.mjs)
  plugins: [bundlePatches],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
