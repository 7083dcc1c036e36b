import { describe, expect, it } from 'vitest';
import { writeTx } from '../../src/core/db.js';
import { GENESIS, journalHead, post } from '../../src/core/journal.js';
import { getSetting, setSetting } from '../../src/core/settings.js';
import { verifyDatabase } from '../../src/core/verify.js';
import { buildRegistry } from '../../src/cli/registry.js';
import { receiveIncoming } from '../../src/registers/incoming/rules.js';
import { tables, testCtx } from '../helpers.js';

const at = '2026-11-27T09:00:00+00:00';
const { settings } = buildRegistry();

function filled() {
  const ctx = testCtx();
  receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '一' });
  receiveIncoming(ctx, { receivedAt: at, sender: '市人社局', title: '二' });
  writeTx(ctx.db, () => setSetting(ctx, settings, 'unit.name', '某局办公室'));
  return ctx;
}

describe('the journal', () => {
  it('chains every posted row to the previous one, with operator and time', () => {
    const ctx = filled();
    const rows = ctx.db.prepare('SELECT * FROM journal ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string; operator: string; at: string }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe(GENESIS);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows[0]!.operator).toBe('王秘书');
    expect(rows[0]!.at).toMatch(/^2026-11-27T09:30:00/);
    expect(journalHead(ctx.db)).toEqual({ seq: 5, hash: rows[4]!.hash });
    expect(getSetting(ctx.db, settings, 'unit.name')).toBe('某局办公室');
  });

  it('refuses to post outside a write transaction', () => {
    const ctx = testCtx();
    expect(() => post(ctx, { register: 'config', action: 'set', table: 'settings', values: { key: 'unit.name', value: 'x' } })).toThrow(/outside a write transaction/);
  });

  it('refuses unknown settings and records each change', () => {
    const ctx = testCtx();
    expect(() => writeTx(ctx.db, () => setSetting(ctx, settings, 'no.such', 'x'))).toThrow(/settings.unknownKey/);
    writeTx(ctx.db, () => setSetting(ctx, settings, 'operator.default', '李'));
    writeTx(ctx.db, () => setSetting(ctx, settings, 'operator.default', '张'));
    expect(getSetting(ctx.db, settings, 'operator.default')).toBe('张');
    expect(ctx.db.prepare("SELECT count(*) FROM journal WHERE tbl = 'settings'").pluck().get()).toBe(2);
  });
});

describe('verify', () => {
  it('passes on data the tool wrote', () => {
    const report = verifyDatabase(filled().db, tables());
    expect(report).toMatchObject({ ok: true, entries: 5, firstBadSeq: null, problems: [] });
  });

  it('finds a register row altered behind its back, at its sequence number', () => {
    const ctx = filled();
    ctx.db.exec("DROP TRIGGER incoming_revisions_no_update; UPDATE incoming_revisions SET title = '改' WHERE id = 2");
    const report = verifyDatabase(ctx.db, tables());
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBe(4);
    expect(report.problems[0]!.code).toBe('verify.rowChanged');
  });

  it('finds a journal row whose content was rewritten, and a deleted one', () => {
    const ctx = filled();
    ctx.db.exec("DROP TRIGGER journal_no_update; UPDATE journal SET operator = 'x' WHERE seq = 3");
    expect(verifyDatabase(ctx.db, tables())).toMatchObject({ ok: false, firstBadSeq: 3 });
    const ctx2 = filled();
    ctx2.db.exec('DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE seq = 2');
    const deleted = verifyDatabase(ctx2.db, tables());
    expect(deleted.firstBadSeq).toBe(2);
    expect(deleted.problems).toContainEqual({ seq: 2, code: 'verify.missingOne', params: { seq: 2 } });
    expect(deleted.problems.map((p) => p.code)).not.toContain('verify.chain');
  });

  it('finds a row inserted without a journal entry', () => {
    const ctx = filled();
    ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('unit.name', 'sneaky')").run();
    const report = verifyDatabase(ctx.db, tables());
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('verify.unjournaled');
  });

  it('proves the history up to an earlier head is unchanged, and notices when it is not', () => {
    const ctx = filled();
    const head = journalHead(ctx.db);
    receiveIncoming(ctx, { receivedAt: at, sender: 'C', title: '三' });
    expect(verifyDatabase(ctx.db, tables(), head).ok).toBe(true);
    expect(verifyDatabase(ctx.db, tables(), { seq: head.seq, hash: 'f'.repeat(64) })).toMatchObject({ ok: false, firstBadSeq: head.seq });
    expect(verifyDatabase(ctx.db, tables(), { seq: 999, hash: head.hash }).ok).toBe(false);
  });
});
