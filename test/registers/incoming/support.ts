/** Shared by the incoming tests: a refusal leaves the database untouched; every scenario ends verified. */
import { expect } from 'vitest';
import { formatTimestamp } from '../../../src/core/dates.js';
import { WenmiError, type ErrorKind } from '../../../src/core/errors.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { tables, testCtx } from '../../helpers.js';

export type TestCtx = ReturnType<typeof testCtx>;

export const journalCount = (ctx: TestCtx) => ctx.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;

/** Asserts a refusal: the error's code and kind (usage → exit 2, data → exit 1), and that nothing was written. */
export function refused(ctx: TestCtx, fn: () => unknown, code: string, kind: ErrorKind): void {
  const before = journalCount(ctx);
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${code}`).toBeInstanceOf(WenmiError);
  expect((error as WenmiError).code).toBe(code);
  expect((error as WenmiError).kind).toBe(kind);
  expect(journalCount(ctx)).toBe(before);
}

export const now = (ctx: TestCtx) => formatTimestamp(ctx.clock.now());
export const verified = (ctx: TestCtx) => expect(verifyDatabase(ctx.db, tables()).problems).toEqual([]);
