/**
 * 借阅: lending, renewing (续借), returning (归还) and reminding (催还). A loan goes from the
 * register to one borrower and comes back to the register: there is no verb that hands it to
 * someone else, so lending on (转借) cannot be recorded; the item must be returned first.
 */
import { addDays } from 'date-fns/addDays';
import { checkApprover, registeredBy } from '../../core/approval.js';
import { dateOf, daysBetween, formatDate } from '../../core/dates.js';
import { writeTx, type DB } from '../../core/db.js';
import type { DueItem } from '../../core/deadlines.js';
import { dataError, required, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { entryNumber } from '../../core/typed.js';
import { getSetting } from '../../core/settings.js';
import { getItem, REGISTER, requireNotVoid, shownTitle } from './rules.js';
import { archiveSettings, splitNames } from './settings.js';
import { findLoan, loans, nextLoanSerial, type LoanRow } from './sql.js';

export const CONDITIONS = ['完好', '破损', '缺页'] as const;

const setting = (db: DB, key: string) => getSetting(db, archiveSettings, key);

/** The default and longest loan terms in days, for an ordinary or a classified item. */
export function loanTerms(db: DB, classified: boolean): { days: number; max: number; maxKey: string } {
  const [d, m] = classified ? ['archive.secret-loan-days', 'archive.secret-max-loan-days'] : ['archive.loan-days', 'archive.max-loan-days'];
  return { days: Number(setting(db, d)), max: Number(setting(db, m)), maxKey: m };
}

export function seniorApprovers(db: DB): string[] {
  return splitNames(setting(db, 'archive.senior-approvers') ?? '');
}

/** A classified item needs an approver from archive.senior-approvers; with none configured it cannot be lent. */
function requireSenior(db: DB, name: string, code: string): void {
  const seniors = seniorApprovers(db);
  if (seniors.length === 0) throw dataError('archive.noSeniorApprovers');
  if (!seniors.includes(name.trim())) throw dataError(code, { approver: name, seniors: seniors.join('、') });
}

/**
 * Nobody approves their own loan (the borrower, or whoever records it). When archive.approvers is
 * set, only those names approve an ordinary item; a classified one is approved from
 * archive.senior-approvers instead (requireSenior).
 */
function checkLoanApprover(db: DB, approver: string, askers: (string | undefined)[], classified: boolean): void {
  const names = classified ? [] : splitNames(setting(db, 'archive.approvers') ?? '');
  checkApprover({ approver, askers, listKey: 'archive.approvers', names });
}

/** The due date of a term starting today: `--due` or `--days`, else the default; refused beyond the longest allowed. */
function dueOf(db: DB, today: string, classified: boolean, t: { days?: number; due?: string }): string {
  if (t.days !== undefined && t.due !== undefined) throw usageError('archive.daysAndDue');
  const terms = loanTerms(db, classified);
  // A huge --days would make the due date NaN and slip past every comparison below.
  if (t.days !== undefined && (!Number.isSafeInteger(t.days) || t.days > terms.max)) throw usageError('archive.termTooLong', { days: t.days, max: terms.max, key: terms.maxKey });
  const due = t.due ?? formatDate(addDays(dateOf(today), t.days ?? terms.days));
  const days = daysBetween(today, due);
  if (days < 1) throw usageError('archive.dueNotAfterToday', { due });
  if (days > terms.max) throw usageError('archive.termTooLong', { days, max: terms.max, key: terms.maxKey });
  return due;
}

export interface BorrowInput {
  borrower?: string;
  dept?: string;
  purpose?: string;
  approver?: string;
  days?: number;
  /** yyyy-MM-dd */
  due?: string;
  /** true: read on site (阅览); false: taken away (外借); default on site for classified items, away otherwise. */
  onsite?: boolean;
  /** Permission to copy (复制). */
  copy?: boolean;
  copyApprover?: string;
  note?: string;
}

/** 借阅: lends an item that is on the shelf; the loan gets the next number of the year (J2026-0001). */
export function borrowItem(ctx: Ctx, archiveNo: string, input: BorrowInput): LoanRow {
  const { '--borrower': borrower, '--dept': dept, '--purpose': purpose, '--approver': approver } = required({ '--borrower': input.borrower, '--dept': input.dept, '--purpose': input.purpose, '--approver': input.approver });
  return writeTx(ctx.db, () => {
    const item = getItem(ctx.db, archiveNo);
    requireNotVoid(item);
    if (item.loan_no) {
      const out = findLoan(ctx.db, item.loan_no)!;
      throw dataError('archive.itemOut', { ref: item.archive_no, loan: out.loan_no, borrower: out.borrower, due: out.due });
    }
    const classified = item.secret_level !== null;
    checkLoanApprover(ctx.db, approver, [borrower, ctx.operator], classified);
    const today = formatDate(ctx.clock.now());
    const copy = input.copy === true || (input.copyApprover !== undefined && input.copyApprover.trim() !== '');
    let copyApprover = input.copyApprover?.trim() || null;
    let onsite = input.onsite ?? classified;
    if (classified) {
      requireSenior(ctx.db, approver, 'archive.needsSenior');
      if (input.onsite === false) throw dataError('archive.classifiedOnsite', { ref: item.archive_no });
      onsite = true;
      if (copy) {
        if (!copyApprover) throw dataError('archive.copyNeedsApproval', { ref: item.archive_no });
        requireSenior(ctx.db, copyApprover, 'archive.copyApproverNotSenior');
      }
    } else if (copy && !copyApprover) copyApprover = approver;
    const due = dueOf(ctx.db, today, classified, input);
    const year = Number(today.slice(0, 4));
    const serial = nextLoanSerial(ctx.db, year);
    const loanNo = `J${year}-${String(serial).padStart(4, '0')}`;
    post(ctx, {
      register: REGISTER,
      action: 'lend',
      table: 'archive_loans',
      values: { loan_no: loanNo, year, serial, item_id: item.id, borrower, dept, purpose, approver, lent_on: today, due, onsite, copy_allowed: copy, copy_approver: copy ? copyApprover : null, note: input.note?.trim() || null },
    });
    return findLoan(ctx.db, loanNo)!;
  });
}

/** A loan by its number (J2026-0001), or the open loan of an item by its 档号. */
export function getLoan(db: DB, ref: string): LoanRow {
  const number = entryNumber(ref, ['J']);
  if (number !== null) {
    const loan = findLoan(db, number);
    if (!loan) throw dataError('archive.loanNotFound', { ref });
    return loan;
  }
  const item = getItem(db, ref);
  if (!item.loan_no) throw dataError('archive.notOut', { ref: item.archive_no });
  return findLoan(db, item.loan_no)!;
}

/** 续借: a new due date counted from today; refused if it would not extend the loan or would pass the longest term. */
export function renewLoan(ctx: Ctx, ref: string, input: { approver?: string; days?: number; due?: string; note?: string }): LoanRow {
  const approver = required({ '--approver': input.approver })['--approver'];
  return writeTx(ctx.db, () => {
    const loan = getLoan(ctx.db, ref);
    if (loan.returned_on) throw dataError('archive.alreadyReturned', { loan: loan.loan_no, on: loan.returned_on });
    const classified = loan.secret_level !== null;
    checkLoanApprover(ctx.db, approver, [loan.borrower, registeredBy(ctx.db, 'archive_loans', loan.id), ctx.operator], classified);
    if (classified) requireSenior(ctx.db, approver, 'archive.needsSenior');
    const today = formatDate(ctx.clock.now());
    const due = dueOf(ctx.db, today, classified, input);
    if (due <= loan.due) throw dataError('archive.renewNotExtending', { loan: loan.loan_no, due: loan.due, newDue: due });
    post(ctx, { register: REGISTER, action: 'renew', table: 'archive_loan_events', values: { loan_id: loan.id, kind: 'renew', on_date: today, due, approver, note: input.note?.trim() || null } });
    return findLoan(ctx.db, loan.loan_no)!;
  });
}

/** 归还: the item is back on the shelf; its condition is recorded (破损 and 缺页 are flagged). A loan is returned once. */
export function returnLoan(ctx: Ctx, ref: string, input: { condition?: string; note?: string } = {}): LoanRow {
  const condition = input.condition?.trim() || '完好';
  if (!(CONDITIONS as readonly string[]).includes(condition)) throw usageError('archive.condition', { value: input.condition });
  return writeTx(ctx.db, () => {
    const loan = getLoan(ctx.db, ref);
    if (loan.returned_on) throw dataError('archive.alreadyReturned', { loan: loan.loan_no, on: loan.returned_on });
    post(ctx, {
      register: REGISTER,
      action: 'return',
      table: 'archive_loan_events',
      values: { loan_id: loan.id, kind: 'return', on_date: formatDate(ctx.clock.now()), condition, note: input.note?.trim() || null },
    });
    return findLoan(ctx.db, loan.loan_no)!;
  });
}

export const isDamaged = (loan: LoanRow) => loan.return_condition !== null && loan.return_condition !== '完好';

/** Open loans that are overdue (due before today), or with `includeDueToday` also those due today. */
export function overdueLoans(db: DB, today: string, includeDueToday = false): LoanRow[] {
  return loans(db, { dueBefore: includeDueToday ? formatDate(addDays(dateOf(today), 1)) : today });
}

export interface Notice {
  loan: LoanRow;
  daysOverdue: number;
  /** This is the n-th reminder of the loan. */
  reminderNo: number;
}

/** 催还: one notice per overdue loan (with `includeDueToday`, also those due today), each journaled. */
export function remindOverdue(ctx: Ctx, opts: { includeDueToday?: boolean; format: string }): Notice[] {
  return writeTx(ctx.db, () => {
    const today = formatDate(ctx.clock.now());
    return overdueLoans(ctx.db, today, opts.includeDueToday).map((loan) => {
      const daysOverdue = daysBetween(loan.due, today);
      post(ctx, { register: REGISTER, action: 'remind', table: 'archive_reminders', values: { loan_id: loan.id, on_date: today, due: loan.due, days_overdue: daysOverdue, format: opts.format } });
      return { loan: findLoan(ctx.db, loan.loan_no)!, daysOverdue, reminderNo: loan.reminders + 1 };
    });
  });
}

/** Open loans, for `wenmi due`: who must act is the borrower. */
export function archiveDeadlines(db: DB, _today: string): DueItem[] {
  return loans(db, { open: true }).map((l) => ({
    register: REGISTER,
    ref: l.archive_no,
    what: `${l.loan_no} ${shownTitle(l, false)}`,
    who: l.borrower,
    due: l.due,
    reminders: l.reminders,
    lastReminder: l.last_reminder,
  }));
}
