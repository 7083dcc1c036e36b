/**
 * verify's fast path: SQLite builds each entry's hashed text and matches each entry with its row
 * (core/verify-match.ts). It settles everything the tool writes, in every register; what it
 * cannot settle is checked again the exact way, so the report is what the exact check says.
 */
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/cli/registry.js';
import { migrate, writeTx, type Migration } from '../../src/core/db.js';
import { hashOf, journalHead, post, type Ctx, type JournalRow } from '../../src/core/journal.js';
import { verifyDatabase } from '../../src/core/verify.js';
import { receiveIncoming } from '../../src/registers/incoming/rules.js';
import { tables, testCtx, twoIncoming } from '../helpers.js';

const { migrations } = buildRegistry();
const at = '2026-11-27T09:00:00+00:00';

const filled = twoIncoming;
const check = (ctx: Ctx, more: string[] = []) => verifyDatabase(ctx.db, [...tables(), ...more]);
const seqOf = (ctx: Ctx, table: string, row: number) => ctx.db.prepare('SELECT seq FROM journal WHERE tbl = ? AND row_id = ?').pluck().get(table, row) as number;
/** Runs SQL behind the tool's back, the named append-only triggers dropped first. */
const tamper = (ctx: Ctx, triggers: string[], sql: string) => ctx.db.exec(`${triggers.map((t) => `DROP TRIGGER ${t};`).join(' ')} ${sql}`);

describe('the fast path settles what the tool wrote', () => {
  // every doc tour's databases, every register, settled with nothing left to check again: test/docs.test.ts

  it('older rows of a table a later migration added columns to (each holding its default)', () => {
    const addColumns: Migration = {
      id: 'test:001-add-columns',
      up: (db) => db.exec("ALTER TABLE incoming_revisions ADD COLUMN language TEXT; ALTER TABLE incoming_revisions ADD COLUMN scanned INTEGER NOT NULL DEFAULT 0"),
    };
    const ctx = filled();
    migrate(ctx.db, [...migrations, addColumns], ':memory:');
    receiveIncoming(ctx, { receivedAt: at, sender: '市教育局', title: '新' });
    expect(check(ctx)).toMatchObject({ ok: true, rechecked: { hashes: 0, rows: 0 } });
    tamper(ctx, ['incoming_revisions_no_update'], 'UPDATE incoming_revisions SET scanned = 1 WHERE id = 1');
    expect(check(ctx)).toMatchObject({ problems: [{ seq: seqOf(ctx, 'incoming_revisions', 1), code: 'verify.rowChanged' }], rechecked: { hashes: 0, rows: 1 } });
  });
});

describe('what the fast path cannot settle is checked exactly', () => {
  it('a row deleted behind the journal is missing at its entry', () => {
    const ctx = filled();
    tamper(ctx, ['incoming_revisions_no_delete'], 'DELETE FROM incoming_revisions WHERE id = 2');
    const seq = seqOf(ctx, 'incoming_revisions', 2);
    expect(check(ctx).problems).toEqual([{ seq, code: 'verify.rowMissing', params: { table: 'incoming_revisions', row: 2 } }]);
  });

  it('a row inserted behind the journal is unjournaled; an entry of a table the code does not know is named', () => {
    const ctx = filled();
    ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('unit.name', 'sneaky')").run();
    const last = ctx.db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const entry: Omit<JournalRow, 'hash'> = { seq: last.seq + 1, at: '2026-11-27T10:00:00+00:00', operator: '王秘书', register: 'x', action: 'add', tbl: 'notes', row_id: 1, content: '{}', reason: null, prev_hash: last.hash, clock_fixed: 1 };
    ctx.db
      .prepare('INSERT INTO journal (seq, at, operator, register, action, tbl, row_id, content, reason, prev_hash, clock_fixed, hash) VALUES (@seq, @at, @operator, @register, @action, @tbl, @row_id, @content, @reason, @prev_hash, @clock_fixed, @hash)')
      .run({ ...entry, hash: hashOf(entry) });
    expect(check(ctx).problems).toEqual([
      { seq: last.seq + 1, code: 'verify.unknownTable', params: { table: 'notes' } },
      { seq: null, code: 'verify.unjournaled', params: { table: 'settings', row: 1 } },
    ]);
  });

  it('a register table the file lacks stops the pass at its first entry, as unreadable', () => {
    const ctx = filled();
    ctx.db.exec('DROP TABLE incoming_revisions');
    const report = check(ctx);
    expect(report.entries).toBe(seqOf(ctx, 'incoming_revisions', 1));
    expect(report.problems.map((p) => [p.code, String(p.params.detail)])).toEqual([
      ['verify.unreadable', 'no such table: incoming_revisions'],
      ['verify.unreadable', 'no such table: incoming_revisions'],
    ]);
  });

  it('a BLOB in a register row or in a journal field, which SQLite cannot write as JSON', () => {
    const ctx = filled();
    tamper(ctx, ['incoming_revisions_no_update'], 'UPDATE incoming_revisions SET title = CAST(title AS BLOB) WHERE id = 1');
    const row = seqOf(ctx, 'incoming_revisions', 1);
    expect(check(ctx)).toMatchObject({ problems: [{ seq: row, code: 'verify.rowChanged' }], entries: 4, rechecked: { hashes: 0, rows: 1 } });
    const other = filled();
    const seq = seqOf(other, 'incoming_docs', 2);
    tamper(other, ['journal_no_update'], `UPDATE journal SET content = CAST(content AS BLOB) WHERE seq = ${seq}`);
    // the same bytes as a BLOB: the entry's hash no longer holds (it hashed text); the row still matches what it says
    expect(check(other)).toMatchObject({ problems: [{ seq, code: 'verify.hash', params: {} }], entries: 4, rechecked: { hashes: 1, rows: 1 } });
  });

  it('a value SQLite writes as JSON differently from JavaScript is settled exactly, not reported', () => {
    const samples: Migration = { id: 'test:001-samples', up: (db) => db.exec('CREATE TABLE samples (id INTEGER PRIMARY KEY, x)') };
    const ctx = testCtx();
    migrate(ctx.db, [...migrations, samples], ':memory:');
    // SQLite writes this REAL as 1.0e+300, JavaScript as 1e+300
    writeTx(ctx.db, () => post(ctx, { register: 'test', action: 'add', table: 'samples', values: { x: 1e300 } }));
    expect(check(ctx, ['samples'])).toMatchObject({ ok: true, problems: [], rechecked: { hashes: 0, rows: 1 } });
    tamper(ctx, [], 'UPDATE samples SET x = 2e300');
    expect(check(ctx, ['samples']).problems).toEqual([{ seq: 1, code: 'verify.rowChanged', params: { table: 'samples', row: 1 } }]);
  });

  it('--from: only the entries after the head are walked; a row changed before it is trusted, one after it is caught', () => {
    const ctx = filled();
    const head = journalHead(ctx.db);
    receiveIncoming(ctx, { receivedAt: at, sender: 'C', title: '三' });
    tamper(ctx, ['incoming_revisions_no_update'], "UPDATE incoming_revisions SET title = '改' WHERE id IN (1, 3)");
    const report = verifyDatabase(ctx.db, tables(), undefined, undefined, { from: head });
    expect(report).toMatchObject({ entries: 2, trusted: head.seq, rechecked: { hashes: 0, rows: 1 } });
    expect(report.problems).toEqual([{ seq: seqOf(ctx, 'incoming_revisions', 3), code: 'verify.rowChanged', params: { table: 'incoming_revisions', row: 3 } }]);
  });

  it('--against: a head that is still in the chain passes; a forged one is named at its sequence', () => {
    const ctx = filled();
    const head = journalHead(ctx.db);
    receiveIncoming(ctx, { receivedAt: at, sender: 'C', title: '三' });
    expect(verifyDatabase(ctx.db, tables(), head)).toMatchObject({ ok: true, rechecked: { hashes: 0, rows: 0 } });
    expect(verifyDatabase(ctx.db, tables(), { seq: head.seq, hash: 'e'.repeat(64) }).problems).toEqual([
      { seq: head.seq, code: 'verify.againstMismatch', params: { head: `${head.seq}:${'e'.repeat(64)}` } },
    ]);
  });
});
