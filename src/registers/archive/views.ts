/** Register rows as lists and books show them (JSON keys = column keys). Titles masked unless revealed. */
import { daysBetween } from '../../core/dates.js';
import type { Row } from '../../core/output/render.js';
import { classificationOf, shownTitle } from './rules.js';
import { filedValues, REVISED_FIELDS, revisionsOf, type ItemRow, type LoanRow, type RevisionValues } from './sql.js';
import type { DB } from '../../core/db.js';

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
    attachments: row.attachments,
    medium: row.medium,
    instruction: row.instruction,
    incomingNo: row.incoming_no,
    filedOn: row.filed_on,
    state: row.voided_on ? '作废' : row.loan_no ? '借出' : '在库',
    loanNo: row.loan_no,
    lastCondition: row.last_condition,
    corrected: row.revision !== null,
    voidedOn: row.voided_on,
    voidReason: row.void_reason,
  };
}

/** 备注 of the catalogue: a void with its reason, the note, where it came from, a correction, and a damaged return. */
export function remarksOf(row: ItemRow): string {
  return [
    row.voided_on && `作废（${row.voided_on}）：${row.void_reason}`,
    row.note,
    row.incoming_no && `收文${row.incoming_no}`,
    row.revision !== null && '已更正',
    row.last_condition && row.last_condition !== '完好' && `归还时${row.last_condition}`,
  ]
    .filter(Boolean)
    .join('；');
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

/** The fields a correction shows, each with the stored columns it stands for. */
const SHOWN_FIELDS: { key: string; cols: (keyof RevisionValues)[] }[] = [
  { key: 'title', cols: ['title', 'own_title'] },
  { key: 'author', cols: ['author'] },
  { key: 'docNo', cols: ['doc_no'] },
  { key: 'date', cols: ['doc_date'] },
  { key: 'secret', cols: ['secret_level', 'secret_period'] },
  { key: 'pages', cols: ['pages'] },
  { key: 'box', cols: ['box'] },
  { key: 'location', cols: ['location'] },
  { key: 'note', cols: ['note'] },
];

/** 更正 as an auditor reads them: each field a revision changed, from → to, with its reason. Classified titles masked unless revealed. */
export function correctionRows(db: DB, row: ItemRow, reveal: boolean): Row[] {
  const out: Row[] = [];
  let before = filedValues(db, row.id);
  revisionsOf(db, row.id).forEach((r, i) => {
    const after = Object.fromEntries(REVISED_FIELDS.map((k) => [k, r[k]])) as RevisionValues;
    const masked = !reveal && (before.secret_level !== null || after.secret_level !== null);
    const value = (v: RevisionValues, key: string): unknown =>
      key === 'title' ? (masked ? '***' : shownTitle(v, true)) : key === 'secret' ? classificationOf(v) || null : v[SHOWN_FIELDS.find((f) => f.key === key)!.cols[0]!];
    for (const f of SHOWN_FIELDS) if (f.cols.some((c) => before[c] !== after[c])) out.push({ correction: i + 1, field: f.key, from: value(before, f.key), to: value(after, f.key), reason: r.reason });
    before = after;
  });
  return out;
}

/** Whether any version of the entry was classified (then showing its corrections with --reveal is a reveal). */
export function everClassified(db: DB, row: ItemRow): boolean {
  return filedValues(db, row.id).secret_level !== null || revisionsOf(db, row.id).some((r) => r.secret_level !== null);
}
