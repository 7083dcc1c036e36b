/**
 * 更正 and 作废 of catalogue entries. Nothing is changed in place: a correction is a new
 * archive_revisions row naming the revision it corrects, with a reason (the entry as filed and
 * every earlier revision stay legible); a void is an archive_voids row with its reason. The 档号
 * stays in both cases, and what forms it (year, retention period, org code) cannot be corrected:
 * an item filed under the wrong one is voided and filed again.
 */
import { formatDate } from '../../core/dates.js';
import { writeTx } from '../../core/db.js';
import { dataError, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { catalogValues, classificationOf, getItem, REGISTER, requireNotVoid, type FileFields } from './rules.js';
import { REVISED_FIELDS, type ItemRow, type RevisionValues } from './sql.js';

/** The fields `archive correct` may change. */
export type Correction = Pick<FileFields, 'title' | 'ownTitle' | 'author' | 'date' | 'docNo' | 'secret' | 'pages' | 'box' | 'location' | 'note'>;

const valuesOf = (row: ItemRow): RevisionValues => Object.fromEntries(REVISED_FIELDS.map((k) => [k, row[k]])) as RevisionValues;

/** 更正: the entry's catalogue fields as corrected, checked as a whole; the 档号 stays. */
export function correctItem(ctx: Ctx, ref: string, c: Correction, reason: string | undefined): ItemRow {
  const why = requireReason(reason);
  if (Object.values(c).every((v) => v === undefined)) throw usageError('archive.nothingToCorrect');
  return writeTx(ctx.db, () => {
    const row = getItem(ctx.db, ref);
    requireNotVoid(row);
    const base = valuesOf(row);
    const next = catalogValues(ctx, {
      title: c.title ?? row.title,
      ownTitle: c.ownTitle ?? row.own_title === 1,
      author: c.author ?? row.author,
      date: c.date ?? row.doc_date,
      docNo: c.docNo !== undefined ? c.docNo : row.doc_no,
      secret: c.secret !== undefined ? c.secret : classificationOf(row) || null,
      pages: c.pages !== undefined ? c.pages : row.pages,
      box: c.box !== undefined ? c.box : row.box,
      location: c.location !== undefined ? c.location : row.location,
      note: c.note !== undefined ? c.note : row.note,
    });
    if (next.doc_date.slice(0, 4) !== String(row.year)) throw usageError('archive.correctYear', { ref: row.archive_no, date: next.doc_date, year: row.year });
    if ((next.secret_level === null) !== (row.secret_level === null) && row.loan_no) throw dataError('archive.correctWhileOut', { ref: row.archive_no, loan: row.loan_no });
    if (REVISED_FIELDS.every((k) => next[k] === base[k])) throw usageError('archive.noChange', { ref: row.archive_no });
    post(ctx, { register: REGISTER, action: 'correct', table: 'archive_revisions', values: { item_id: row.id, ...next, corrects: row.revision, reason: why }, reason: why });
    return getItem(ctx.db, row.archive_no);
  });
}

/** 作废: the number stays in the register, marked void, with its reason. An item out on loan must come back first. */
export function voidItem(ctx: Ctx, ref: string, reason: string | undefined): ItemRow {
  const why = requireReason(reason);
  return writeTx(ctx.db, () => {
    const row = getItem(ctx.db, ref);
    if (row.voided_on) throw dataError('archive.alreadyVoid', { ref: row.archive_no, on: row.voided_on });
    if (row.loan_no) throw dataError('archive.voidWhileOut', { ref: row.archive_no, loan: row.loan_no });
    post(ctx, { register: REGISTER, action: 'void', table: 'archive_voids', values: { item_id: row.id, on_date: formatDate(ctx.clock.now()), reason: why }, reason: why });
    return getItem(ctx.db, row.archive_no);
  });
}

/** What one revision changed against the one before it: `[field, old, new]` for each field that differs. */
export function changesOf(before: RevisionValues, after: RevisionValues): [string, unknown, unknown][] {
  return REVISED_FIELDS.filter((k) => before[k] !== after[k]).map((k) => [k, before[k], after[k]]);
}
