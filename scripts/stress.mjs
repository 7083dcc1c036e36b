// npm run stress: what the built binary survives, measured end to end. Not part of npm test.
//   kill -9 rounds:  a write is killed at a random moment; acknowledged writes lost, numbering gaps
//   concurrency:     W writers × N writes in one register, then across four registers
//   tamper suite:    each case changes a copy of a database behind the tool's back; verify must exit 3
// Prints figures; exits 1 only if a tamper case is undetected, an acknowledged write is lost, or a
// series has a gap. Usage: npm run stress [-- --rounds 100 --writers 8 --per 25 --only kill|writers|tamper --keep]
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WENMI = path.join(root, 'bin', 'wenmi.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROUNDS = arg('rounds', 100);
const WRITERS = arg('writers', 8);
const PER = arg('per', 25);
const KEEP = process.argv.includes('--keep');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-stress-'));
const baseEnv = { PATH: process.env.PATH, HOME: work, LANG: 'en_US.UTF-8', WENMI_OPERATOR: '压力测试' };
let failed = false;

/** Runs the binary; resolves with its exit code and output. `killAfter` ms: SIGKILL it then. */
function wenmi(db, args, killAfter) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WENMI, '--db', db, ...args], { env: baseEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
const must = async (db, args) => {
  const r = await wenmi(db, args);
  if (r.code !== 0) throw new Error(`wenmi ${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
};
const fresh = async (name) => {
  const db = path.join(work, name);
  await must(db, ['init']);
  return db;
};
const serials = (numbers) => numbers.map((n) => Number(/(\d+)$/.exec(n)[1])).sort((a, b) => a - b);
/** Numbers missing from 1..max, and numbers given twice. */
function gaps(numbers) {
  const s = serials(numbers);
  const seen = new Set(s);
  const missing = [];
  for (let i = 1; i <= (s.at(-1) ?? 0); i++) if (!seen.has(i)) missing.push(i);
  return { missing, duplicates: s.length - seen.size };
}
const receive = (title) => ['incoming', 'receive', '--sender', '市财政局', '--title', title];

// ---------------------------------------------------------------------------------------------
async function killRounds() {
  const db = await fresh('kill.db');
  const t0 = performance.now();
  await must(db, receive('calibration'));
  // the kill falls anywhere from start-up to the end of a write: its moment is drawn over the
  // running average of the writes that completed (machines under load slow down as we go)
  let oneWrite = performance.now() - t0;
  const acknowledged = [];
  let killed = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const r = await wenmi(db, receive(`kill-${i}`), Math.round(oneWrite * (0.5 + Math.random())));
    if (r.signal === 'SIGKILL') killed++;
    else if (r.code === 0) {
      acknowledged.push(r.stdout.trim());
      oneWrite = 0.8 * oneWrite + 0.2 * (performance.now() - started);
    }
    else console.log(`  round ${i}: exit ${r.code}: ${r.stderr.trim()}`);
  }
  const raw = new Database(db, { readonly: true });
  const present = new Set(raw.prepare('SELECT number FROM incoming_docs').pluck().all());
  raw.close();
  const lost = acknowledged.filter((n) => !present.has(n));
  const g = gaps([...present]);
  const v = await wenmi(db, ['verify']);
  console.log(`kill -9: ${ROUNDS} rounds, ${killed} killed mid-run, ${acknowledged.length} acknowledged writes, ${lost.length} lost; ${g.missing.length} numbering gaps, ${g.duplicates} duplicates; verify exit ${v.code} (one write ≈ ${Math.round(oneWrite)} ms)`);
  if (lost.length || g.missing.length || g.duplicates || v.code !== 0) failed = true;
}

// ---------------------------------------------------------------------------------------------
async function writers(db, plan) {
  const results = await Promise.all(
    plan.map(async (w, k) => {
      const out = [];
      for (let i = 0; i < PER; i++) out.push({ register: w.register, ...(await wenmi(db, w.args(k, i))) });
      return out;
    }),
  );
  return results.flat();
}

function report(label, db, results, numbered) {
  const errors = results.filter((r) => r.code !== 0);
  const lines = [];
  let bad = errors.length > 0;
  for (const register of numbered) {
    const numbers = results.filter((r) => r.register === register && r.code === 0).map((r) => r.stdout.trim().split('\n').at(-1));
    const g = gaps(numbers);
    lines.push(`${register} ${numbers.length} numbers, ${g.missing.length} gaps, ${g.duplicates} duplicates`);
    if (g.missing.length || g.duplicates) bad = true;
  }
  const v = spawnSync(process.execPath, [WENMI, '--db', db, 'verify'], { env: baseEnv, encoding: 'utf8' });
  if (v.status !== 0) bad = true;
  console.log(`${label}: ${results.length} writes, ${errors.length} errors; ${lines.join('; ')}; verify exit ${v.status}`);
  for (const e of errors.slice(0, 3)) console.log(`  e.g. exit ${e.code}: ${e.stderr.trim()}`);
  if (bad) failed = true;
}

async function concurrency() {
  const one = await fresh('one-register.db');
  report(`${WRITERS} writers × ${PER}, one register`, one, await writers(one, Array.from({ length: WRITERS }, () => ({ register: 'incoming', args: (k, i) => receive(`w${k}-${i}`) }))), ['incoming']);

  const across = await fresh('across.db');
  await must(across, ['config', 'set', 'archive.fonds', 'Z001']);
  await must(across, ['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04']);
  await must(across, ['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包', '--price', '25']);
  const kinds = [
    { register: 'incoming', args: (k, i) => receive(`x${k}-${i}`) },
    { register: 'seal', args: (k, i) => ['seal', 'request', '--seal', 'S001', '--doc', `合同${k}-${i}`, '--unit', '办公室', '--purpose', '签订合同', '--count', '1', '--requester', '陈经办'] },
    { register: 'archive', args: (k, i) => ['archive', 'file', '--title', `报告${k}-${i}`, '--author', '某局办公室', '--date', '2026-11-20', '--retention', 'Y'] },
    { register: 'supplies', args: () => ['supplies', 'receive', 'A4纸', '--qty', '2', '--price', '25', '--unplanned', '--reason', '零星采购'] },
  ];
  const results = await writers(across, Array.from({ length: WRITERS }, (_, k) => kinds[k % kinds.length]));
  report(`${WRITERS} writers × ${PER}, across four registers`, across, results, ['incoming', 'seal', 'archive']);
  const raw = new Database(across, { readonly: true });
  const stock = raw.prepare("SELECT coalesce(sum(qty), 0) FROM supplies_movements WHERE kind = '入库'").pluck().get();
  raw.close();
  const expected = 2 * results.filter((r) => r.register === 'supplies' && r.code === 0).length;
  console.log(`  supplies: stock received ${stock}, expected ${expected}`);
  if (stock !== expected) failed = true;
}

// ---------------------------------------------------------------------------------------------
/** Recomputes every hash of the chain, as an attacker with the code would (the journal's triggers dropped). */
function rechain(db, hashOf) {
  const rows = db.prepare('SELECT * FROM journal ORDER BY seq').all();
  let prev = '0'.repeat(64);
  const set = db.prepare('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const h = hashOf({ ...r, prev_hash: prev });
    set.run(prev, h, r.seq);
    prev = h;
  }
}

async function tamperSuite() {
  const base = await fresh('base.db');
  await must(base, ['config', 'set', 'archive.fonds', 'Z001']);
  await must(base, receive('关于编报预算的通知'));
  await must(base, ['incoming', 'receive', '--sender', '市保密局', '--title', '机密事项的通知', '--secret', '机密★10年', '--copy-no', '3']);
  await must(base, receive('关于年终考核的通知'));
  await must(base, ['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04']);
  await must(base, ['seal', 'request', '--seal', 'S001', '--doc', '合同', '--unit', '办公室', '--purpose', '签订合同', '--count', '2', '--requester', '陈经办']);
  await must(base, ['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包', '--price', '25']);
  await must(base, ['supplies', 'receive', 'A4纸', '--qty', '10', '--price', '25', '--unplanned', '--reason', '零星采购']);
  await must(base, ['archive', 'file', '--title', '年度报告', '--author', '某局办公室', '--date', '2026-11-20', '--retention', 'Y']);
  await must(base, receive('最后一份'));
  const head = (await must(base, ['verify'])).stdout.trim();
  { const raw = new Database(base); raw.pragma('wal_checkpoint(TRUNCATE)'); raw.close(); }
  const { createHash } = await import('node:crypto');
  const hashOf = (r) => {
    const f = [r.seq, r.at, r.operator, r.register, r.action, r.tbl, r.row_id, r.content, r.reason, r.prev_hash];
    if (r.clock_fixed !== null && r.clock_fixed !== undefined) f.push(r.clock_fixed);
    return createHash('sha256').update(JSON.stringify(f)).digest('hex');
  };
  const viewSql = (db, name) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name);
  /** Runs SQL with the append-only triggers of `tables` dropped, then puts them back exactly as they were. */
  const behindTriggers = (db, tables, sql) => {
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (${tables.map(() => '?').join(',')})`).all(...tables);
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    if (typeof sql === 'function') sql();
    else db.exec(sql);
    for (const t of triggers) db.exec(t.sql);
  };
  const cases = [
    ['register row edited (title), triggers put back', (db) => behindTriggers(db, ['incoming_revisions'], "UPDATE incoming_revisions SET title = '改过的标题' WHERE id = 1")],
    ['classified row declassified in place', (db) => behindTriggers(db, ['incoming_revisions'], 'UPDATE incoming_revisions SET secret_level = NULL WHERE secret_level IS NOT NULL')],
    ['register row deleted', (db) => behindTriggers(db, ['settings'], "DELETE FROM settings WHERE key = 'archive.fonds'")],
    ['row inserted without a journal entry', (db) => db.exec("INSERT INTO settings (key, value) VALUES ('unit.name', '冒充的单位')")],
    ['journal content edited', (db) => behindTriggers(db, ['journal'], "UPDATE journal SET content = replace(content, '市财政局', '市税务局') WHERE seq = (SELECT min(seq) FROM journal WHERE content LIKE '%市财政局%')")],
    ['journal operator edited', (db) => behindTriggers(db, ['journal'], "UPDATE journal SET operator = '别人' WHERE seq = 3")],
    ['journal time back-dated', (db) => behindTriggers(db, ['journal'], "UPDATE journal SET at = '2001-01-01T09:00:00+08:00' WHERE seq = 4")],
    ['fixed-clock flag forged', (db) => behindTriggers(db, ['journal'], 'UPDATE journal SET clock_fixed = 1 WHERE seq = 5')],
    ['middle journal entry deleted', (db) => behindTriggers(db, ['journal'], 'DELETE FROM journal WHERE seq = 3')],
    ['last journal entry deleted', (db) => behindTriggers(db, ['journal'], 'DELETE FROM journal WHERE seq = (SELECT max(seq) FROM journal)')],
    ['two journal hashes swapped', (db) => behindTriggers(db, ['journal'], `CREATE TEMP TABLE h AS SELECT seq, hash FROM journal WHERE seq IN (2, 3);
       UPDATE journal SET hash = 'swap' WHERE seq = 2;
       UPDATE journal SET hash = (SELECT hash FROM h WHERE seq = 2) WHERE seq = 3;
       UPDATE journal SET hash = (SELECT hash FROM h WHERE seq = 3) WHERE seq = 2;`)],
    ['forged entry appended', (db) => db.prepare("INSERT INTO journal (seq, at, operator, register, action, tbl, row_id, content, reason, prev_hash, hash, clock_fixed) SELECT seq + 1, at, operator, register, action, tbl, row_id, content, reason, hash, hex(randomblob(32)), clock_fixed FROM journal ORDER BY seq DESC LIMIT 1").run()],
    ['row and journal rewritten with a recomputed chain (caught by --against)', (db) => behindTriggers(db, ['incoming_revisions', 'journal'], () => {
      db.exec("UPDATE incoming_revisions SET title = '改过的标题' WHERE id = 1");
      db.prepare("UPDATE journal SET content = ? WHERE tbl = 'incoming_revisions' AND row_id = 1").run(JSON.stringify(db.prepare('SELECT * FROM incoming_revisions WHERE id = 1').get()));
      rechain(db, hashOf);
    }), ['--against', head]],
    ['view incoming_current redefined to hide a row', (db) => { const sql = viewSql(db, 'incoming_current'); db.exec(`DROP VIEW incoming_current; ${sql} WHERE d.id <> 2`); }],
    ['view incoming_current redefined to unmask', (db) => { const sql = viewSql(db, 'incoming_current'); db.exec(`DROP VIEW incoming_current; ${sql.replace('d.classified,', '0 AS classified,')}`); }],
    ['append-only trigger dropped', (db) => db.exec('DROP TRIGGER journal_no_delete')],
    ['every append-only trigger dropped', (db) => { for (const n of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all()) db.exec(`DROP TRIGGER ${n}`); }],
    ['append-only trigger weakened', (db) => db.exec("DROP TRIGGER journal_no_update; CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END")],
    ['index dropped', (db) => db.exec('DROP INDEX journal_row')],
    ['table added', (db) => db.exec('CREATE TABLE shadow (x)')],
    ['trigger added', (db) => db.exec("CREATE TRIGGER rewrite AFTER INSERT ON incoming_revisions BEGIN SELECT 1; END")],
    ['column added', (db) => db.exec('ALTER TABLE incoming_docs ADD COLUMN extra TEXT')],
    ['migration record deleted', (db) => db.exec("DELETE FROM schema_migrations WHERE id = 'core:004-journal-clock'")],
    ['application id changed', (db) => db.pragma('application_id = 0')],
    ['file truncated', null, [], (file) => fs.truncateSync(file, 8192)],
    ['bytes overwritten inside the file', null, [], (file) => { const b = fs.readFileSync(file); for (let p = 4096; p < b.length; p += 4096) b.fill(0x5a, p + 200, p + 1200); fs.writeFileSync(file, b); }],
    ['file emptied', null, [], (file) => fs.writeFileSync(file, '')],
  ];
  const control = path.join(work, 'control.db');
  fs.copyFileSync(base, control);
  const ctl = await wenmi(control, ['verify', '--against', head]);
  console.log(`tamper suite: control copy verifies with exit ${ctl.code}`);
  if (ctl.code !== 0) failed = true;
  let detected = 0;
  for (const [i, [name, sql, extra = [], onFile]] of cases.entries()) {
    const file = path.join(work, `tamper-${i + 1}.db`);
    fs.copyFileSync(base, file);
    if (sql) {
      const db = new Database(file);
      sql(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
    if (onFile) onFile(file);
    const r = await wenmi(file, ['verify', ...extra]);
    const ok = r.code === 3;
    if (ok) detected++;
    else failed = true;
    const why = r.stderr.split('\n').filter((l) => l.startsWith('  '))[0]?.trim() ?? r.stderr.trim().split('\n')[0];
    console.log(`  ${ok ? 'detected  ' : 'MISSED    '} ${name}: exit ${r.code}; ${why.length > 110 ? `${why.slice(0, 110)}…` : why}`);
  }
  console.log(`tamper suite: ${detected}/${cases.length} detected`);
}

try {
  console.log(`wenmi stress (${WENMI}), work folder ${work}\n`);
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (!only || only === 'kill') await killRounds();
  if (!only || only === 'writers') await concurrency();
  if (!only || only === 'tamper') await tamperSuite();
} finally {
  if (KEEP) console.log(`\nkept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
console.log(failed ? '\nFAILED: see above' : '\nall held');
process.exitCode = failed ? 1 : 0;
