/** A journaled table may gain columns in a later migration: verify compares what each entry recorded. */
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/cli/registry.js';
import { migrate, type Migration } from '../../src/core/db.js';
import { verifyDatabase } from '../../src/core/verify.js';
import { receiveIncoming } from '../../src/registers/incoming/rules.js';
import { tables, testCtx } from '../helpers.js';

const { migrations } = buildRegistry();
const at = '2026-11-27T09:00:00+00:00';

/** A later migration of the kind the README allows: columns added, one nullable, one with a default. */
const addColumns: Migration = {
  id: 'test:001-add-columns',
  up(db) {
    db.exec("ALTER TABLE incoming_revisions ADD COLUMN language TEXT; ALTER TABLE incoming_revisions ADD COLUMN scanned INTEGER NOT NULL DEFAULT 0");
  },
};
const all = [...migrations, addColumns];

/** Two documents received before the migration, one after it. */
function evolved() {
  const ctx = testCtx();
  receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '旧一' });
  receiveIncoming(ctx, { receivedAt: at, sender: '市保密局', title: '旧二' });
  migrate(ctx.db, all, ':memory:');
  receiveIncoming(ctx, { receivedAt: at, sender: '市教育局', title: '新' });
  return ctx;
}
const check = (ctx: ReturnType<typeof evolved>) => verifyDatabase(ctx.db, tables(), undefined, all);
/** Alters a register row behind the tool's back (the append-only trigger dropped first). */
function alter(ctx: ReturnType<typeof evolved>, sql: string) {
  ctx.db.exec('DROP TRIGGER incoming_revisions_no_update');
  ctx.db.exec(sql);
}
const changed = (ctx: ReturnType<typeof evolved>) =>
  check(ctx)
    .problems.filter((p) => p.code !== 'verify.schemaMissing')
    .map((p) => `${p.code} ${String(p.params.row)}`);

describe('verify after a migration adds columns to a journaled table', () => {
  it('passes on the rows written before and after the migration', () => {
    const ctx = evolved();
    const contents = ctx.db.prepare("SELECT content FROM journal WHERE tbl = 'incoming_revisions' ORDER BY seq").pluck().all() as string[];
    expect(contents.map((c) => 'scanned' in JSON.parse(c))).toEqual([false, false, true]);
    expect(check(ctx)).toMatchObject({ ok: true, problems: [] });
  });

  it('catches an old row whose recorded column was altered', () => {
    const ctx = evolved();
    alter(ctx, "UPDATE incoming_revisions SET title = '改' WHERE id = 1");
    expect(changed(ctx)).toEqual(['verify.rowChanged 1']);
  });

  it('catches an old row given a value in a column added after it was written', () => {
    const ctx = evolved();
    alter(ctx, 'UPDATE incoming_revisions SET scanned = 1 WHERE id = 2');
    expect(changed(ctx)).toEqual(['verify.rowChanged 2']);
  });

  it('catches a new row altered in an old column and in a new one', () => {
    const ctx = evolved();
    alter(ctx, "UPDATE incoming_revisions SET sender = '某局' WHERE id = 3");
    expect(changed(ctx)).toEqual(['verify.rowChanged 3']);
    const other = evolved();
    alter(other, "UPDATE incoming_revisions SET language = 'en' WHERE id = 3");
    expect(changed(other)).toEqual(['verify.rowChanged 3']);
  });
});
