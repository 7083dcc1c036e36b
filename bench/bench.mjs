// npm run bench: start-up and command costs as ratios of a bare `node -e 0`, measured together
// in one run (this machine adds a fixed cost to every Node start, so only ratios mean anything).
// Never fails on timing. Usage: npm run bench [-- --runs N]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const ENTRIES = 10_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-bench-'));
const db = path.join(work, 'bench.db');

// Seed 10,000 entries through the real rules (bundled on the fly from test/seed.ts).
const seedFile = path.join(root, 'bench', '.seed.mjs');
await build({ entryPoints: [path.join(root, 'test', 'seed.ts')], outfile: seedFile, bundle: true, format: 'esm', platform: 'node', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning', banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" } });
const t0 = performance.now();
const { seedIncoming } = await import(seedFile);
seedIncoming(db, ENTRIES);
fs.rmSync(seedFile);
console.log(`seeded ${ENTRIES} incoming documents in ${Math.round(performance.now() - t0)} ms (${db})\n`);

const wenmi = path.join(root, 'bin', 'wenmi.js');
const env = { ...process.env, WENMI_DB: db, WENMI_NOW: '2026-11-27T09:30', WENMI_OPERATOR: 'bench', LANG: 'zh_CN.UTF-8' };
let n = 0;
const cases = [
  { name: 'node -e 0 (reference)', args: ['-e', '0'] },
  { name: 'wenmi --version', args: [wenmi, '--version'], target: 1.2 },
  { name: 'wenmi --help', args: [wenmi, '--help'] },
  { name: 'wenmi incoming receive (a write)', args: () => [wenmi, 'incoming', 'receive', '--sender', '市财政局', '--title', `基准测试文件${n++}`], target: 1.6 },
  { name: 'wenmi incoming list --limit 50 --format table', args: [wenmi, 'incoming', 'list', '--limit', '50', '--format', 'table'], target: 2.0 },
  { name: 'wenmi incoming list --month 2026-11 (tsv, 10k rows)', args: [wenmi, 'incoming', 'list', '--month', '2026-11'] },
  { name: 'wenmi incoming export -o (csv, 10k rows)', args: [wenmi, 'incoming', 'export', '-o', path.join(work, 'out.csv'), '--force'] },
  { name: 'wenmi verify (10k entries)', args: [wenmi, 'verify'] },
];

const times = cases.map(() => []);
for (let r = 0; r < RUNS; r++) {
  // Interleave the cases so that a noisy moment spreads over all of them.
  cases.forEach((c, i) => {
    const args = typeof c.args === 'function' ? c.args() : c.args;
    const start = process.hrtime.bigint();
    const p = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    times[i].push(Number(process.hrtime.bigint() - start) / 1e6);
    if (p.status !== 0) throw new Error(`${c.name} exited ${p.status}: ${p.stderr}`);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ref = median(times[0]);
console.log(`median of ${RUNS} runs each, ratio = median / median(node -e 0)\n`);
console.log(`${'command'.padEnd(54)}${'ms'.padStart(8)}${'ratio'.padStart(8)}  target`);
cases.forEach((c, i) => {
  const m = median(times[i]);
  const ratio = m / ref;
  const verdict = c.target === undefined ? '' : `≤ ${c.target.toFixed(1)}× ${ratio <= c.target ? 'met' : 'MISSED'}`;
  console.log(`${c.name.padEnd(54)}${m.toFixed(1).padStart(8)}${(ratio.toFixed(2) + '×').padStart(8)}  ${verdict}`);
});
fs.rmSync(work, { recursive: true, force: true });
