/** wenmi backup -o FILE and backup --check FILE. */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/cli/registry.js';
import { openDatabase } from '../../src/core/db.js';
import { BIN, cli, tempDir } from '../helpers.js';

const receive = (title: string) => ['incoming', 'receive', '--sender', '市财政局', '--title', title];

async function live(entries = 3, prefix = '文件'): Promise<{ dir: string; db: string; run: (args: string[]) => ReturnType<typeof cli> }> {
  const dir = tempDir();
  const db = path.join(dir, 'live.db');
  const run = (args: string[]) => cli(['--db', db, ...args]);
  await run(['init']);
  for (let i = 0; i < entries; i++) await run(receive(`${prefix}${i}`));
  return { dir, db, run };
}

describe('wenmi backup -o FILE', () => {
  it('writes a verified, private copy (0600 even under umask 000) and prints its journal head', async () => {
    const { dir, run } = await live();
    const file = path.join(dir, 'b.db');
    const old = process.umask(0);
    let r;
    try {
      r = await run(['backup', '-o', file]);
    } finally {
      process.umask(old);
    }
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^6:[0-9a-f]{64}\n$/);
    expect(r.stderr).toBe(`backed up to ${file}: 6 journal entries, head ${r.stdout.trim()}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).sort()).toEqual(['b.db', 'live.db', 'live.db-shm', 'live.db-wal'].filter((f) => fs.existsSync(path.join(dir, f))).sort());
    const verified = await cli(['--db', file, 'verify']);
    expect([verified.code, verified.stdout]).toEqual([0, r.stdout]);
  });

  it("removes what a killed backup left beside the target (ours, of a dead writer), and nothing else", async () => {
    const { dir, run } = await live(1);
    let dead = 4_000_000; // a pid no process has: kill(pid, 0) fails
    for (;;) {
      try {
        process.kill(dead, 0);
        dead--;
      } catch {
        break;
      }
    }
    const left = path.join(dir, `.wenmi-${dead}-0123456789abcdef.tmp`);
    const other = path.join(dir, '.wenmi-notes.tmp');
    fs.writeFileSync(left, 'half a copy');
    fs.writeFileSync(other, 'not ours');
    expect((await run(['backup', '-o', path.join(dir, 'b.db')])).code).toBe(0);
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.readFileSync(other, 'utf8')).toBe('not ours');
  });

  it('refuses to overwrite without --force (exit 1, file unchanged), and overwrites with it', async () => {
    const { dir, run } = await live();
    const file = path.join(dir, 'b.db');
    fs.writeFileSync(file, 'keep me');
    const r = await run(['backup', '-o', file]);
    expect([r.code, r.stderr]).toEqual([1, `error: the file ${file} already exists.\nAdd --force to overwrite it, or choose another name.\n`]);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect((await run(['backup', '-o', file, '--force'])).code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses the live database as its target, and neither or both of -o and --check (exit 2)', async () => {
    const { db, run } = await live(0);
    expect((await run(['backup', '-o', db, '--force'])).code).toBe(2);
    expect((await run(['backup', '-o', `${db}-wal`, '--force'])).code).toBe(2);
    expect((await run(['backup'])).code).toBe(2);
    expect((await run(['backup', '-o', '-'])).code).toBe(2);
    expect((await run(['backup', '-o', 'x.db', '--check', 'y.db'])).code).toBe(2);
  });

  it('does not copy a database that fails verification (exit 3), leaving no file', async () => {
    const { dir, db, run } = await live();
    const raw = new Database(db);
    raw.exec("DROP TRIGGER incoming_revisions_no_update; UPDATE incoming_revisions SET title = '改' WHERE id = 1");
    raw.close();
    const file = path.join(dir, 'b.db');
    const r = await run(['backup', '-o', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the copy failed verification');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('copies a live database consistently while another process writes to it', async () => {
    const { dir, db } = await live(1);
    const env = { ...process.env, LANG: 'en_US.UTF-8', WENMI_OPERATOR: '王秘书', WENMI_DB: db };
    const writer = spawn('sh', ['-c', `for i in $(seq 1 8); do "${process.execPath}" "${BIN}" incoming receive --sender A --title "t$i" >/dev/null 2>&1; done`], { env, stdio: 'ignore' });
    const done = new Promise((resolve) => writer.on('exit', resolve));
    const heads: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await cli(['--db', db, 'backup', '-o', path.join(dir, `b${i}.db`)], { env: { WENMI_NOW: undefined } });
      expect(r.code).toBe(0);
      heads.push(r.stdout);
    }
    await done;
    for (let i = 0; i < 3; i++) expect((await cli(['--db', path.join(dir, `b${i}.db`), 'verify'])).stdout).toBe(heads[i]);
  }, 60_000);
  it('backs up a database an older wenmi wrote, without upgrading it (init does that afterwards)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'old.db');
    openDatabase(db, { create: true, migrations: buildRegistry().migrations.filter((m) => m.id !== 'core:004-journal-clock') }).close();
    const file = path.join(dir, 'b.db');
    const r = await cli(['--db', db, 'backup', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: 1 migration is not yet applied (first core:004-journal-clock)');
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare("SELECT count(*) FROM schema_migrations WHERE id = 'core:004-journal-clock'").pluck().get()).toBe(0);
    raw.close();
  });
});

describe('wenmi backup --check FILE', () => {
  it('verifies a backup and says how many entries it is behind the live database', async () => {
    const { dir, run } = await live();
    const file = path.join(dir, 'b.db');
    await run(['backup', '-o', file]);
    await run(receive('新的'));
    const r = await run(['backup', '--check', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^verified: 6 journal entries, head 6:[0-9a-f]{64}\n(note: .*\n)?2 journal entries behind the live database \(live head 8:[0-9a-f]{64}\)\.\n$/);
  });

  it('fails (exit 3) on a tampered backup, on one whose history differs from the live one, and on a file that is no backup', async () => {
    const { dir, db, run } = await live();
    const file = path.join(dir, 'b.db');
    await run(['backup', '-o', file]);
    const raw = new Database(file);
    raw.exec('DROP TRIGGER journal_no_delete');
    raw.close();
    const tampered = await run(['backup', '--check', file]);
    expect(tampered.code).toBe(3);
    expect(tampered.stderr).toContain('the schema lacks the trigger journal_no_delete');

    const other = await live(3, '别的');
    const foreign = path.join(dir, 'foreign.db');
    await other.run(['backup', '-o', foreign]);
    const diverged = await run(['backup', '--check', foreign]);
    expect(diverged.code).toBe(3);
    expect(diverged.stderr).toContain(`their histories diverge`);

    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, '');
    expect((await cli(['--db', db, 'backup', '--check', text])).code).toBe(3);
    expect((await cli(['--db', db, 'backup', '--check', path.join(dir, 'missing.db')])).code).toBe(3);
  });
});
