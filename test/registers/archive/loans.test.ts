import { describe, expect, it } from 'vitest';
import { collectDue } from '../../../src/core/deadlines.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { archiveDeadlines, borrowItem, remindOverdue, renewLoan, returnLoan } from '../../../src/registers/archive/loans.js';
import { fileItem, getItem } from '../../../src/registers/archive/rules.js';
import { expectRefused, tables } from '../../helpers.js';
import { archiveCtx, item } from './setup.js';

const who = { borrower: '李明', dept: '财务科', purpose: '查阅预算依据', approver: '王主任' };
const seniors = { 'archive.fonds': 'Z001', 'archive.senior-approvers': '张局长，李副局长' };

describe('the loan cycle', () => {
  it('lends, renews from today, returns, and lends again', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, { ...item, org: 'BGS' }).archive_no;
    const loan = borrowItem(ctx, no, who);
    expect(loan).toMatchObject({ loan_no: 'J2026-0001', lent_on: '2026-11-27', due: '2026-12-11', onsite: 0, copy_allowed: 0, returned_on: null });
    expect(getItem(ctx.db, no).loan_no).toBe('J2026-0001');

    ctx.setNow('2026-12-09T10:00');
    const renewed = renewLoan(ctx, 'J2026-0001', { approver: '王主任', days: 10 });
    expect([renewed.due, renewed.first_due, renewed.renewals]).toEqual(['2026-12-19', '2026-12-11', 1]);

    ctx.setNow('2026-12-15T16:00');
    const back = returnLoan(ctx, 'j2026-1');
    expect([back.returned_on, back.return_condition]).toEqual(['2026-12-15', '完好']);
    expect(getItem(ctx.db, no).loan_no).toBeNull();

    const again = borrowItem(ctx, no, { ...who, borrower: '赵敏', days: 3 });
    expect([again.loan_no, again.due]).toEqual(['J2026-0002', '2026-12-18']);
    // renew and return also take the archive number of the item out
    expect(returnLoan(ctx, no, { condition: '破损', note: '封面撕裂' }).return_condition).toBe('破损');
    expect(getItem(ctx.db, no).last_condition).toBe('破损');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('takes the term from --due or the settings, within the longest allowed', () => {
    const ctx = archiveCtx(undefined, { 'archive.fonds': 'Z001', 'archive.loan-days': '10', 'archive.max-loan-days': '20' });
    const [a, b, c] = [fileItem(ctx, item), fileItem(ctx, item), fileItem(ctx, item)].map((r) => r.archive_no);
    expect(borrowItem(ctx, a!, who).due).toBe('2026-12-07');
    expect(borrowItem(ctx, b!, { ...who, due: '2026-12-17' }).due).toBe('2026-12-17');
    expectRefused(ctx, () => borrowItem(ctx, c!, { ...who, days: 21 }), /archive.termTooLong/);
    expectRefused(ctx, () => borrowItem(ctx, c!, { ...who, due: '2026-11-27' }), /archive.dueNotAfterToday/);
    expectRefused(ctx, () => borrowItem(ctx, c!, { ...who, days: 3, due: '2026-12-01' }), /archive.daysAndDue/);
    expectRefused(ctx, () => borrowItem(ctx, c!, { ...who, dept: ' ', purpose: undefined }), /input.missing.*--dept --purpose/);
  });

  it('refuses a term too large to be a date (it used to store the due date 0NaN-NaN-NaN)', () => {
    const ctx = archiveCtx();
    const [a, b] = [fileItem(ctx, item), fileItem(ctx, item)].map((r) => r.archive_no);
    expectRefused(ctx, () => borrowItem(ctx, a!, { ...who, days: 1e20 }), /archive.termTooLong/);
    expectRefused(ctx, () => borrowItem(ctx, a!, { ...who, days: Number.MAX_SAFE_INTEGER + 2 }), /archive.termTooLong/);
    borrowItem(ctx, b!, who);
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0001', { approver: '王主任', days: 1e20 }), /archive.termTooLong/);
    expect(getItem(ctx.db, b!).loan_no).toBe('J2026-0001');
    expect(ctx.db.prepare("SELECT count(*) FROM archive_loans WHERE due NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'").pluck().get()).toBe(0);
  });

  it('finds a loan by its number however its serial is padded', () => {
    const ctx = archiveCtx();
    borrowItem(ctx, fileItem(ctx, item).archive_no, who);
    expect(renewLoan(ctx, ' j2026-00001 ', { approver: '王主任', days: 20 }).loan_no).toBe('J2026-0001');
    expectRefused(ctx, () => returnLoan(ctx, 'J2026-00002'), /archive.loanNotFound/);
  });
});

describe('refusals', () => {
  it('an item already out cannot be lent again (no lending on)', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, item).archive_no;
    borrowItem(ctx, no, who);
    expectRefused(ctx, () => borrowItem(ctx, no, { ...who, borrower: '赵敏' }), /archive.itemOut/);
    expectRefused(ctx, () => borrowItem(ctx, 'Z001-WS·2026-Y-0002', who), /archive.notFound/);
  });

  it('a renewal must extend the loan and stay within the limit', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, item).archive_no;
    borrowItem(ctx, no, { ...who, days: 20 }); // due 2026-12-17
    ctx.setNow('2026-12-01T09:00');
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0001', { approver: '王主任' }), /archive.renewNotExtending/); // 12-15 < 12-17
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0001', { approver: '王主任', due: '2026-12-17' }), /archive.renewNotExtending/);
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0001', { approver: '王主任', days: 31 }), /archive.termTooLong/);
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0001', { approver: ' ' }), /input.missing.*--approver/);
    expect(renewLoan(ctx, 'J2026-0001', { approver: '王主任', days: 20 }).due).toBe('2026-12-21');
    ctx.setNow('2026-12-02T09:00');
    const twice = renewLoan(ctx, 'J2026-0001', { approver: '赵主任', days: 30 });
    expect([twice.due, twice.renewals, twice.renew_approvers]).toEqual(['2027-01-01', 2, '王主任、赵主任']);
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0009', { approver: '王主任' }), /archive.loanNotFound/);
  });

  it('a loan is returned once', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, item).archive_no;
    borrowItem(ctx, no, who);
    returnLoan(ctx, 'J2026-0001');
    expectRefused(ctx, () => returnLoan(ctx, 'J2026-0001'), /archive.alreadyReturned/);
    expectRefused(ctx, () => returnLoan(ctx, no), /archive.notOut/);
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0001', { approver: '王主任', days: 5 }), /archive.alreadyReturned/);
    expectRefused(ctx, () => returnLoan(ctx, 'J2026-0001', { condition: '丢失' }), /archive.condition/);
    // and the schema itself cannot hold a second return
    expect(() =>
      ctx.db.prepare("INSERT INTO archive_loan_events (loan_id, kind, on_date, condition) VALUES (1, 'return', '2026-11-28', '完好')").run(),
    ).toThrow(/UNIQUE/);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });
});

describe('classified items', () => {
  const secret = { ...item, secret: '机密★10年' };

  it('cannot be lent when no senior approver is configured', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, secret).archive_no;
    expectRefused(ctx, () => borrowItem(ctx, no, { ...who, approver: '张局长' }), /archive.noSeniorApprovers/);
  });

  it('need a senior approver, are read on site, and copying needs a separate senior approval', () => {
    const ctx = archiveCtx(undefined, seniors);
    const no = fileItem(ctx, secret).archive_no;
    expectRefused(ctx, () => borrowItem(ctx, no, who), /archive.needsSenior/);
    expectRefused(ctx, () => borrowItem(ctx, no, { ...who, approver: '张局长', onsite: false }), /archive.classifiedOnsite/);
    expectRefused(ctx, () => borrowItem(ctx, no, { ...who, approver: '张局长', copy: true }), /archive.copyNeedsApproval/);
    expectRefused(ctx, () => borrowItem(ctx, no, { ...who, approver: '张局长', copy: true, copyApprover: '王主任' }), /archive.copyApproverNotSenior/);
    expectRefused(ctx, () => borrowItem(ctx, no, { ...who, approver: '张局长', days: 8 }), /archive.termTooLong/);
    const loan = borrowItem(ctx, no, { ...who, approver: '张局长', copy: true, copyApprover: '李副局长' });
    expect(loan).toMatchObject({ onsite: 1, copy_allowed: 1, copy_approver: '李副局长', due: '2026-12-04' });
  });

  it('renew only with a senior approver, within the classified limit', () => {
    const ctx = archiveCtx(undefined, seniors);
    const no = fileItem(ctx, secret).archive_no;
    borrowItem(ctx, no, { ...who, approver: '张局长' });
    ctx.setNow('2026-12-02T09:00');
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0001', { approver: '王主任' }), /archive.needsSenior/);
    expectRefused(ctx, () => renewLoan(ctx, 'J2026-0001', { approver: '李副局长', days: 8 }), /archive.termTooLong/);
    expect(renewLoan(ctx, 'J2026-0001', { approver: '李副局长' }).due).toBe('2026-12-09');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('ordinary items may be copied with the ordinary approval', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, item).archive_no;
    expect(borrowItem(ctx, no, { ...who, copy: true, onsite: true })).toMatchObject({ copy_allowed: 1, copy_approver: '王主任', onsite: 1 });
  });
});

describe('reminders (催还) and the deadline engine', () => {
  function scenario() {
    const ctx = archiveCtx();
    const [a, b, c] = [fileItem(ctx, item), fileItem(ctx, item), fileItem(ctx, item)].map((r) => r.archive_no);
    borrowItem(ctx, a!, { ...who, days: 3 }); // due 11-30
    borrowItem(ctx, b!, { ...who, borrower: '赵敏', dept: '人事科', days: 5 }); // due 12-02
    borrowItem(ctx, c!, { ...who, borrower: '孙强', days: 10 }); // due 12-07
    return ctx;
  }

  it('issues one journaled notice per overdue loan under a fixed clock', () => {
    const ctx = scenario();
    ctx.setNow('2026-12-02T09:00');
    const notices = remindOverdue(ctx, { format: 'text' });
    expect(notices.map((n) => [n.loan.loan_no, n.loan.borrower, n.daysOverdue, n.reminderNo])).toEqual([['J2026-0001', '李明', 2, 1]]);
    const withToday = remindOverdue(ctx, { format: 'csv', includeDueToday: true });
    expect(withToday.map((n) => [n.loan.loan_no, n.daysOverdue, n.reminderNo])).toEqual([
      ['J2026-0001', 2, 2],
      ['J2026-0002', 0, 1],
    ]);
    const rows = ctx.db.prepare('SELECT loan_id, on_date, due, days_overdue, format FROM archive_reminders ORDER BY id').all();
    expect(rows).toEqual([
      { loan_id: 1, on_date: '2026-12-02', due: '2026-11-30', days_overdue: 2, format: 'text' },
      { loan_id: 1, on_date: '2026-12-02', due: '2026-11-30', days_overdue: 2, format: 'csv' },
      { loan_id: 2, on_date: '2026-12-02', due: '2026-12-02', days_overdue: 0, format: 'csv' },
    ]);
    expect(() => ctx.db.prepare('DELETE FROM archive_reminders').run()).toThrow(/append-only/);
    returnLoan(ctx, 'J2026-0001');
    expect(remindOverdue(ctx, { format: 'text' })).toEqual([]);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('feeds open loans to `wenmi due` with the borrower as who acts', () => {
    const ctx = scenario();
    returnLoan(ctx, 'J2026-0003');
    ctx.setNow('2026-12-01T09:00');
    remindOverdue(ctx, { format: 'text' });
    const due = collectDue(ctx.db, { archive: archiveDeadlines }, '2026-12-01');
    expect(due.map((d) => [d.ref, d.who, d.due, d.days, d.overdue, d.reminders])).toEqual([
      ['Z001-WS·2026-Y-0001', '李明', '2026-11-30', -1, true, 1],
      ['Z001-WS·2026-Y-0002', '赵敏', '2026-12-02', 1, false, 0],
    ]);
    expect(due[0]!.what).toBe('J2026-0001 关于2027年部门预算的报告');
  });
});
