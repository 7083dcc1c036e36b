// Bundles the CLI into dist/ with esbuild. better-sqlite3's JavaScript is bundled too and is handed
// its native binding's path (src/core/driver.ts), so its `bindings` wrapper, which searches for the
// binding, is never loaded (external here); everything loaded with import() (prompts, tables)
// becomes its own chunk, loaded only when used.
import { build } from 'esbuild';
import fs from 'node:fs';

fs.rmSync('dist', { recursive: true, force: true });

// the driver's JavaScript is used only with the binding of the same version (src/core/driver.ts)
const sqliteVersion = JSON.parse(fs.readFileSync('node_modules/better-sqlite3/package.json', 'utf8')).version;

// ansi-regex (under cli-table3's string-width) compiles a new RegExp on every call, once per
// table cell; a cached one (reset before each use) makes a 50-row table several times cheaper.
const cacheAnsiRegex = {
  name: 'cache-ansi-regex',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/]ansi-regex[\\/]index\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('module.exports = ')) throw new Error('ansi-regex changed shape: review the build plugin');
      const contents = `${source.replace('module.exports = ', 'const make = ')}
const cache = new Map();
module.exports = (options = {}) => {
  const key = Boolean(options.onlyFirst);
  if (!cache.has(key)) cache.set(key, make(options));
  const re = cache.get(key);
  re.lastIndex = 0;
  return re;
};`;
      return { contents, loader: 'js' };
    });
  },
};

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
  plugins: [cacheAnsiRegex],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
