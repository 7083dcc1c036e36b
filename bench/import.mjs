// npm run bench:import — how long a 5,000-row stocktake import and a 40,000-line shelf check
// take (the write lock is held for the whole import). Prints figures; never fails on timing.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ITEMS = 5_000;
const SHELF_LINES = 40_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-bench-'));
const db = path.join(work, 'bench.db');
const seedFile = path.join(root, 'bench', '.seed-import.mjs');
await build({ entryPoints: [path.join(root, 'test', 'seed.ts')], outfile: seedFile, bundle: true, format: 'esm', platform: 'node', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning', banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" } });
try {
  const { seedSupplyItems } = await import(seedFile);
  let t0 = performance.now();
  seedSupplyItems(db, ITEMS);
  console.log(`seeded ${ITEMS} supply items in ${Math.round(performance.now() - t0)} ms`);
  const wenmi = path.join(root, 'bin', 'wenmi.js');
  const env = { ...process.env, WENMI_DB: db, WENMI_NOW: '2026-11-27T09:30', WENMI_OPERATOR: 'bench', LANG: 'en_US.UTF-8' };
  const run = (args) => {
    const start = performance.now();
    const p = spawnSync(process.execPath, [wenmi, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    return { ms, code: p.status, stderr: String(p.stderr) };
  };
  let r = run(['supplies', 'stocktake', 'start', '--counter', '李四', '--witness', '张三']);
  if (r.code !== 0) throw new Error(r.stderr);
  const csv = path.join(work, 'counts.csv');
  fs.writeFileSync(csv, 'item,counted\n' + Array.from({ length: ITEMS }, (_, i) => `物品${i + 1},${i % 7}`).join('\n') + '\n');
  r = run(['supplies', 'stocktake', 'import', csv]);
  console.log(`stocktake import of ${ITEMS} rows: ${r.ms.toFixed(0)} ms (exit ${r.code})`);
  const list = path.join(work, 'shelf.txt');
  fs.writeFileSync(list, Array.from({ length: SHELF_LINES }, () => 'W1-2026-D10-0001').join('\n') + '\n');
  r = run(['archive', 'check', '--found', list]);
  console.log(`archive check --found of ${SHELF_LINES} identical lines: ${r.ms.toFixed(0)} ms (exit ${r.code})`);
  const distinct = path.join(work, 'shelf2.txt');
  fs.writeFileSync(distinct, Array.from({ length: SHELF_LINES }, (_, i) => `W1-2026-D10-${String(i + 1).padStart(5, '0')}`).join('\n') + '\n');
  r = run(['archive', 'check', '--found', distinct]);
  console.log(`archive check --found of ${SHELF_LINES} distinct lines: ${r.ms.toFixed(0)} ms (exit ${r.code})`);
} finally {
  fs.rmSync(seedFile, { force: true });
  if (!process.env.KEEP) fs.rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
