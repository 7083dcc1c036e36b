/** verify sees the schema, names missing entries and unjournaled rows; the journal's clock never goes back. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/cli/registry.js';
import { fixedClock } from '../../src/core/clock.js';
import { migrate, openMemoryDatabase, writeTx } from '../../src/core/db.js';
import { GENESIS, journalClockMigration, type Ctx } from '../../src/core/journal.js';
import { setSetting } from '../../src/core/settings.js';
import { seqRanges, verifyDatabase } from '../../src/core/verify.js';
import { receiveIncoming } from '../../src/registers/incoming/rules.js';
import { tables, twoIncoming } from '../helpers.js';

const { migrations, settings } = buildRegistry();
const at = '2026-11-27T09:00:00+00:00';

const filled = twoIncoming;
const check = (ctx: Ctx) => verifyDatabase(ctx.db, tables(), undefined, migrations);
const codes = (ctx: Ctx) => check(ctx).problems.map((p) => `${p.code} ${String(p.params.type ?? '')} ${String(p.params.name ?? '')}`.trim());

describe('verify compares the schema with what the migrations make', () => {
  it('passes on a database the migrations made', () => {
    expect(check(filled())).toMatchObject({ ok: true, problems: [], pending: [] });
  });

  it('finds a view redefined to unmask a classified column or hide a row', () => {
    const ctx = filled();
    const sql = ctx.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'incoming_current'").pluck().get() as string;
    ctx.db.exec(`DROP VIEW incoming_current; ${sql.replace(/;?$/, ' AND d.id <> 2')}`);
    expect(codes(ctx)).toEqual(['verify.schemaChanged view incoming_current']);
    expect(check(ctx).ok).toBe(false);
  });

  it('finds a dropped append-only trigger, a dropped index, an added table, view and trigger', () => {
    const ctx = filled();
    ctx.db.exec(`
      DROP TRIGGER journal_no_delete;
      DROP INDEX journal_row;
      CREATE TABLE notes (x);
      CREATE VIEW peek AS SELECT * FROM incoming_revisions;
      CREATE TRIGGER sneak AFTER INSERT ON settings BEGIN SELECT 1; END;`);
    expect(codes(ctx).sort()).toEqual([
      'verify.schemaExtra table notes',
      'verify.schemaExtra trigger sneak',
      'verify.schemaExtra view peek',
      'verify.schemaMissing index journal_row',
      'verify.schemaMissing trigger journal_no_delete',
    ]);
  });

  it('finds a table whose definition changed (a check dropped) and a migration it does not know', () => {
    const ctx = filled();
    ctx.db.exec("ALTER TABLE settings ADD COLUMN extra TEXT; INSERT INTO schema_migrations (id, position) VALUES ('future:001-x', 99)");
    expect(codes(ctx)).toEqual(['verify.unknownMigration', 'verify.schemaChanged table settings']);
  });

  it('compares an older file with the migrations it records, and lists those it lacks', () => {
    const db = openMemoryDatabase(migrations.filter((m) => m.id !== journalClockMigration.id));
    const report = verifyDatabase(db, tables(), undefined, migrations);
    expect(report).toMatchObject({ ok: true, pending: [journalClockMigration.id] });
  });
});

describe('verify names what is missing', () => {
  it('names a deleted middle journal entry, and a run of them, at their own sequences', () => {
    const ctx = filled();
    receiveIncoming(ctx, { receivedAt: at, sender: 'C', title: '三' });
    ctx.db.exec('DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE seq IN (2, 3)');
    const report = verifyDatabase(ctx.db, tables());
    expect(report.problems[0]).toEqual({ seq: 2, code: 'verify.missing', params: { from: 2, to: 3, count: 2 } });
    expect(report.firstBadSeq).toBe(2);
  });

  it('reports an unjournaled row with its table and row, five by name and the rest counted', () => {
    const ctx = filled();
    for (let i = 0; i < 7; i++) ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('unit.name', ?)").run(`x${i}`);
    const report = verifyDatabase(ctx.db, tables());
    const rows = report.problems.filter((p) => p.code === 'verify.unjournaled');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ seq: null, code: 'verify.unjournaled', params: { table: 'settings', row: 1 } });
    expect(report.problems).toContainEqual({ seq: null, code: 'verify.unjournaledMore', params: { table: 'settings', count: 2 } });
  });
});

describe('who and when', () => {
  it('refuses a write whose time is earlier than the journal head, writing nothing', () => {
    const ctx = filled();
    ctx.setNow('2001-01-01T09:00');
    const before = ctx.db.prepare('SELECT count(*) FROM journal').pluck().get();
    expect(() => receiveIncoming(ctx, { receivedAt: '2001-01-01T08:00:00+00:00', sender: 'A', title: 'old' })).toThrow(/clock.backwards/);
    expect(ctx.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(before);
    expect(ctx.db.prepare('SELECT count(*) FROM incoming_docs').pluck().get()).toBe(2);
  });

  it('keeps a back-dated business date apart from the journal time', () => {
    const ctx = filled();
    ctx.setNow('2026-11-28T10:00');
    const r = receiveIncoming(ctx, { receivedAt: '2026-10-02T09:00:00+00:00', sender: 'A', title: '补登' });
    expect(r).toBeTruthy();
    const last = ctx.db.prepare('SELECT at, content FROM journal ORDER BY seq DESC LIMIT 1').get() as { at: string; content: string };
    expect(last.at).toMatch(/^2026-11-28T10:00/);
    expect(ctx.db.prepare("SELECT received_on FROM incoming_revisions WHERE title = '补登'").pluck().get()).toBe('2026-10-02');
  });

  it('records whether the clock was fixed; verify lists those entries; a forged flag breaks the hash', () => {
    const ctx = filled();
    const system: Ctx = { db: ctx.db, clock: { now: () => new Date() }, operator: '王秘书' };
    writeTx(ctx.db, () => setSetting(system, settings, 'unit.name', '某局'));
    expect(ctx.db.prepare('SELECT clock_fixed FROM journal ORDER BY seq').pluck().all()).toEqual([1, 1, 1, 1, 0]);
    expect(check(ctx)).toMatchObject({ ok: true, fixedClock: [1, 2, 3, 4] });
    ctx.db.exec('DROP TRIGGER journal_no_update; UPDATE journal SET clock_fixed = 0 WHERE seq = 2');
    expect(verifyDatabase(ctx.db, tables()).problems).toContainEqual({ seq: 2, code: 'verify.hash', params: {} });
  });

  it('entries written before the column (hashed as the old build did) verify unchanged after the migration', () => {
    const db = openMemoryDatabase(migrations.filter((m) => m.id !== journalClockMigration.id));
    const id = Number(db.prepare("INSERT INTO settings (key, value) VALUES ('unit.name', '旧') RETURNING rowid").pluck().get());
    const row = db.prepare('SELECT * FROM settings WHERE rowid = ?').get(id);
    const old = { seq: 1, at: '2026-11-01T09:00:00+00:00', operator: '王秘书', register: 'config', action: 'set', tbl: 'settings', row_id: id, content: JSON.stringify(row), reason: null, prev_hash: GENESIS };
    // the hash as the build before the column computed it: ten fields, nothing more
    const hash = createHash('sha256').update(JSON.stringify(Object.values(old))).digest('hex');
    db.prepare('INSERT INTO journal (seq, at, operator, register, action, tbl, row_id, content, reason, prev_hash, hash) VALUES (@seq, @at, @operator, @register, @action, @tbl, @row_id, @content, @reason, @prev_hash, @hash)').run({ ...old, hash });
    migrate(db, migrations, ':memory:');
    expect(db.prepare('SELECT clock_fixed FROM journal').pluck().all()).toEqual([null]);
    const ctx: Ctx = { db, clock: fixedClock('2026-11-27T09:30'), operator: '王秘书' };
    writeTx(db, () => setSetting(ctx, settings, 'unit.name', '新'));
    expect(verifyDatabase(db, tables(), undefined, migrations)).toMatchObject({ ok: true, entries: 2, fixedClock: [2], pending: [] });
  });

  it('shows sequences as short ranges', () => {
    expect(seqRanges([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8');
  });
});
