/** Shared by the incoming tests: a refusal leaves the database untouched; every scenario ends verified. */
import { expect } from 'vitest';
import { formatTimestamp } from '../../../src/core/dates.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { tables, testCtx } from '../../helpers.js';

export type TestCtx = ReturnType<typeof testCtx>;

export const journalCount = (ctx: TestCtx) => ctx.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;

export const now = (ctx: TestCtx) => formatTimestamp(ctx.clock.now());
export const verified = (ctx: TestCtx) => expect(verifyDatabase(ctx.db, tables()).problems).toEqual([]);
