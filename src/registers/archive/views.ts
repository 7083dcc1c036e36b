/** Register rows as lists and books show them (JSON keys = column keys). Titles masked unless revealed. */
import { daysBetween } from '../../core/dates.js';
import type { Row } from '../../core/output/render.js';
import { classificationOf, shownTitle } from './rules.js';
import type { ItemRow, LoanRow } from './sql.js';

export function itemJson(row: ItemRow, reveal: boolean): Row {
  return {
    archiveNo: row.archive_no,
    fonds: row.fonds,
    category: row.category,
    year: row.year,
    retention: row.retention,
    org: row.org || null,
    serial: row.serial,
    date: row.doc_date,
    docNo: row.doc_no,
    author: row.author,
    title: shownTitle(row, reveal),
    ownTitle: row.own_title === 1,
    secret: classificationOf(row) || null,
    pages: row.pages,
    box: row.box,
    location: row.location,
    note: row.note,
    incomingNo: row.incoming_no,
    filedOn: row.filed_on,
    state: row.loan_no ? '借出' : '在库',
    loanNo: row.loan_no,
    lastCondition: row.last_condition,
  };
}

/** 备注 of the catalogue: the note, where it came from, and a damaged return. */
export function remarksOf(row: ItemRow): string {
  return [row.note, row.incoming_no && `收文${row.incoming_no}`, row.last_condition && row.last_condition !== '完好' && `归还时${row.last_condition}`].filter(Boolean).join('；');
}

export function catalogRow(row: ItemRow, seq: number, reveal: boolean): Row {
  return {
    seq,
    archiveNo: row.archive_no,
    docNo: row.doc_no,
    author: row.author,
    title: shownTitle(row, reveal),
    date: row.doc_date.replace(/-/g, ''),
    secret: classificationOf(row),
    pages: row.pages,
    remarks: remarksOf(row),
    box: row.box,
    location: row.location,
  };
}

export function loanState(l: LoanRow, today: string): '在借' | '逾期' | '已归还' {
  if (l.returned_on) return '已归还';
  return l.due < today ? '逾期' : '在借';
}

export function loanJson(l: LoanRow, today: string, reveal: boolean): Row {
  return {
    loanNo: l.loan_no,
    archiveNo: l.archive_no,
    title: shownTitle(l, reveal),
    secret: classificationOf(l) || null,
    borrower: l.borrower,
    dept: l.dept,
    purpose: l.purpose,
    approver: l.approver,
    renewApprovers: l.renew_approvers,
    lentOn: l.lent_on,
    firstDue: l.first_due,
    due: l.due,
    renewals: l.renewals,
    use: l.onsite ? '现场阅览' : '外借',
    copyAllowed: l.copy_allowed === 1,
    copyApprover: l.copy_approver,
    state: loanState(l, today),
    daysOverdue: l.returned_on ? null : Math.max(0, daysBetween(l.due, today)) || null,
    returnedOn: l.returned_on,
    condition: l.return_condition,
    damaged: l.return_condition !== null && l.return_condition !== '完好',
    returnNote: l.return_note,
    reminders: l.reminders,
    lastReminder: l.last_reminder,
  };
}

/** 归还情况 in the loan book: the condition, and its note. */
export function returnNoteOf(l: LoanRow): string {
  if (!l.return_condition) return '';
  return l.return_note ? `${l.return_condition}：${l.return_note}` : l.return_condition;
}

export function loanBookRow(l: LoanRow, reveal: boolean): Row {
  const renewals = l.renew_approvers ? `；续借：${l.renew_approvers}` : '';
  return {
    lentOn: l.lent_on,
    borrower: l.borrower,
    dept: l.dept,
    archiveNo: l.archive_no,
    title: shownTitle(l, reveal),
    secret: classificationOf(l),
    purpose: l.purpose,
    approver: l.approver + (l.copy_approver ? `；复制：${l.copy_approver}` : '') + renewals,
    due: l.due,
    returnedOn: l.returned_on,
    returnNote: returnNoteOf(l),
  };
}
