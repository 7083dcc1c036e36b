// npm run bench: what each kind of command costs on a register of BENCH_SIZE incoming documents
// (10,000 unless given; e.g. BENCH_SIZE=1000000), as median ratios of a bare `node -e 0` measured
// in the same run (this machine adds a fixed cost to every Node start, so only ratios compare),
// each with the peak memory of the child (from /usr/bin/time, when it exists). The export is also
// set against the `sqlite3` program writing CSV, where that program exists: from the export's own
// statement (bookStatement in src/registers/incoming/sql.ts, the goal's reference) and from the bare view.
// Never fails on timing.
//   npm run bench [-- --runs N]     BENCH_SIZE=N   BENCH_DB=FILE (seeded once, then reused)
//   BENCH_BIN=path/to/bin/wenmi.js measures another build (an older checkout's) on the same data.
//   BENCH_NOW=2026-12-01T09:00 the clock of the runs, for a BENCH_DB whose journal ends later than the default's.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = Number(process.env.BENCH_SIZE ?? 10_000);
const NOW = process.env.BENCH_NOW ?? '2026-11-27T09:30';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : SIZE > 10_000 ? 5 : 15;
const PER_MONTH = 8_400; // a large office's month of incoming documents
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-bench-'));
const db = process.env.BENCH_DB ? path.resolve(process.env.BENCH_DB) : path.join(work, 'bench.db');

try {
  if (fs.existsSync(db)) console.log(`reusing ${db}`);
  else {
    // Seed through the real rules (bundled on the fly from test/seed.ts), spread over months.
    const seedFile = path.join(root, 'bench', '.seed.mjs'); // beside node_modules, which it imports from
    await build({ entryPoints: [path.join(root, 'test', 'seed.ts')], outfile: seedFile, bundle: true, format: 'esm', platform: 'node', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning', banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" } });
    const t0 = performance.now();
    const { seedIncoming } = await import(seedFile);
    fs.rmSync(seedFile);
    seedIncoming(db, SIZE, NOW, Math.max(1, Math.round(SIZE / PER_MONTH)));
    console.log(`seeded ${SIZE} incoming documents in ${Math.round(performance.now() - t0)} ms (${db})`);
  }

  // the export's own statement, from the code (src/registers/incoming/sql.ts), its parameters written in as SQL literals
  const sqlFile = path.join(root, 'bench', '.sql.mjs');
  await build({ entryPoints: [path.join(root, 'src', 'registers', 'incoming', 'sql.ts')], outfile: sqlFile, bundle: true, format: 'esm', platform: 'node', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning' });
  const { bookStatement } = await import(sqlFile);
  fs.rmSync(sqlFile);
  const book = bookStatement({ classified: false }); // what `incoming export` reads: the ordinary book, no period
  const literal = (v) => (typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
  const exportSql = book.sql.replace(/@(\w+)/g, (_, k) => literal(book.params[k]));

  const wenmi = path.resolve(process.env.BENCH_BIN ?? path.join(root, 'bin', 'wenmi.js'));
  const env = { ...process.env, WENMI_DB: db, WENMI_NOW: NOW, WENMI_OPERATOR: 'bench', LANG: 'zh_CN.UTF-8' };
  const node = (args) => spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  // a reused file written by an older build is brought to this build's schema first, so no run below pays for that
  const init = node([wenmi, 'init']);
  if (init.status !== 0) throw new Error(`wenmi init on ${db} failed: ${init.stderr}`);
  const report = JSON.parse(node([path.join(root, 'bin', 'wenmi.js'), 'verify', '--format', 'json']).stdout);
  const head = report.head; // verify --from trusts this: it checks what the runs below write
  const monthRows = node([wenmi, 'incoming', 'list', '--month', '2026-11', '--format', 'tsv']).stdout.split('\n').length - 2;
  const sqlite3 = spawnSync('sqlite3', ['-version']).status === 0;
  const csv = path.join(work, 'out.csv');
  let n = 0;

  // name, the program and its arguments (or a function giving them per run), the goal as a ratio
  const cases = [
    { name: 'node -e 0 (reference)', args: ['-e', '0'] },
    { name: 'wenmi --version', args: [wenmi, '--version'], goal: 1.2 },
    { name: 'wenmi --help', args: [wenmi, '--help'] },
    { name: 'incoming receive --no-input (a write)', args: () => [wenmi, 'incoming', 'receive', '--no-input', '--sender', '市财政局', '--title', `基准测试文件${n++}`], goal: 1.6 },
    { name: 'incoming list --limit 50 --format table', args: [wenmi, 'incoming', 'list', '--limit', '50', '--format', 'table'], goal: 2.0 },
    { name: `incoming list --month 2026-11 (${monthRows} rows)`, args: [wenmi, 'incoming', 'list', '--month', '2026-11', '--format', 'tsv'] },
    { name: `incoming export -o (CSV, ${SIZE} rows)`, args: [wenmi, 'incoming', 'export', '-o', csv, '--force'], against: 'sqlite3', goal2: 1.5 },
    { name: "sqlite3 -csv, the export's statement", program: 'sqlite3', args: ['-csv', '-header', db, exportSql], skip: !sqlite3 && 'no sqlite3 program' },
    { name: 'sqlite3 -csv, SELECT * FROM incoming_current', program: 'sqlite3', args: ['-csv', '-header', db, 'SELECT * FROM incoming_current ORDER BY classified, year, serial'], skip: !sqlite3 && 'no sqlite3 program' },
    { name: `incoming export -o (xlsx, ${SIZE} rows)`, args: [wenmi, 'incoming', 'export', '-o', csv.replace(/\.csv$/, '.xlsx'), '--force'] },
    { name: `verify (${report.entries} entries)`, args: [wenmi, 'verify'], perEntries: report.entries },
    { name: 'verify --from the head before these runs', args: [wenmi, 'verify', '--from', head] },
  ];

  const time = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const hwm = path.join(work, 'hwm');
  const runOne = (c) => {
    const args = typeof c.args === 'function' ? c.args() : c.args;
    const program = c.program ?? process.execPath;
    const start = process.hrtime.bigint();
    const p = time
      ? spawnSync(time, ['-f', '%M', '-o', hwm, program, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (p.status !== 0) {
      c.skip = `failed: exit ${p.status}: ${String(p.stderr).trim().split('\n')[0]}`;
      return undefined;
    }
    const kib = time ? Number(fs.readFileSync(hwm, 'utf8').trim().split('\n').pop()) : NaN;
    return { ms, mib: kib / 1024 };
  };
  const live = cases.filter((c) => !c.skip);
  const results = new Map(live.map((c) => [c, []]));
  // interleaved: a noisy moment spreads over all; a command that fails is reported, not timed
  for (let r = 0; r < RUNS; r++)
    for (const c of live) {
      if (c.skip) continue;
      const x = runOne(c);
      if (x) results.get(c).push(x);
    }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = (c) => median(results.get(c).map((x) => x.ms));
  const ref = ms(cases[0]);
  console.log(`\n${SIZE} incoming documents; median of ${RUNS} runs; ratio = median / median(node -e 0) = ${ref.toFixed(1)} ms${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: every Node start, the reference too, reads those certificates)' : ''}\n`);
  console.log(`${'command'.padEnd(46)}${'ms'.padStart(9)}${'ratio'.padStart(8)}${'peak MiB'.padStart(10)}  goal / note`);
  for (const c of cases) {
    if (c.skip) {
      console.log(`${c.name.padEnd(46)}${'—'.padStart(9)}${''.padStart(8)}${''.padStart(10)}  (${c.skip})`);
      continue;
    }
    const m = ms(c);
    const peak = median(results.get(c).map((x) => x.mib));
    const notes = [];
    if (c.goal !== undefined) notes.push(`≤ ${c.goal.toFixed(1)}× ${m / ref <= c.goal ? 'met' : 'missed'}`);
    // against each sqlite3 line: the export's own statement (the goal's reference), then the bare view
    const others = c.against ? live.filter((x) => x.program === c.against && results.get(x).length) : [];
    if (others.length) notes.push(`${others.map((o) => (m / ms(o)).toFixed(2) + '×').join(' / ')} sqlite3's time (its statement / the view)${c.goal2 ? ` ≤ ${c.goal2.toFixed(1)}× ${m / ms(others[0]) <= c.goal2 ? 'met' : 'missed'}` : ''}`);
    if (c.perEntries) notes.push(`${((m - ref) * (100_000 / c.perEntries)).toFixed(0)} ms per 100k entries`);
    console.log(`${c.name.padEnd(46)}${m.toFixed(1).padStart(9)}${((m / ref).toFixed(2) + '×').padStart(8)}${(Number.isNaN(peak) ? '—' : peak.toFixed(1)).padStart(10)}  ${notes.join('; ')}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
