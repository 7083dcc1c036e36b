/** Shared set-up for the archive tests: a context with the archive settings given. */
import { writeTx } from '../../../src/core/db.js';
import { setSetting } from '../../../src/core/settings.js';
import { archiveSettings } from '../../../src/registers/archive/settings.js';
import { testCtx } from '../../helpers.js';

export function archiveCtx(now?: string, settings: Record<string, string> = { 'archive.fonds': 'Z001' }) {
  const ctx = testCtx(now);
  writeTx(ctx.db, () => {
    for (const [k, v] of Object.entries(settings)) setSetting(ctx, archiveSettings, k, v);
  });
  return ctx;
}

export const journalCount = (ctx: { db: { prepare(sql: string): { pluck(): { get(): unknown } } } }) => ctx.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;

export const item = { title: '关于2027年部门预算的报告', author: '某局办公室', date: '2026-11-20', retention: 'Y' };
