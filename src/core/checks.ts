/**
 * Checks that leave a record (清点核对): each periodic check of a register — the archive's shelf
 * check, the incoming register's count of classified copies — is kept as a journaled entry: when,
 * who, how much was examined, how many differences and what they were. An auditor lists them
 * afterwards (`archive checks`, `incoming checks`). A check run with `--dry-run` records nothing.
 */
import { formatDate } from './dates.js';
import type { DB, Migration } from './db.js';
import { appendOnly, writeTx } from './db.js';
import { post, type Ctx } from './journal.js';
import type { Column, Row } from './output/render.js';

export const checksMigration: Migration = {
  id: 'core:006-checks',
  up(db) {
    db.exec(`
CREATE TABLE checks (
  id INTEGER PRIMARY KEY,
  register TEXT NOT NULL,
  on_date TEXT NOT NULL,
  checker TEXT NOT NULL,
  examined INTEGER NOT NULL CHECK (examined >= 0),
  differences INTEGER NOT NULL CHECK (differences >= 0),
  findings TEXT NOT NULL
);
CREATE INDEX checks_register ON checks (register, id);
${appendOnly('checks')}`);
  },
};

export interface CheckRecord {
  register: string;
  /** What was examined: catalogue items, classified copies. */
  examined: number;
  /** Each difference in a few words (e.g. `Z001-WS·2026-Y-0003 缺失`); none when the check agreed. */
  findings: string[];
}

export interface CheckRow {
  id: number;
  register: string;
  on_date: string;
  checker: string;
  examined: number;
  differences: number;
  findings: string;
}

/** Records one check (journaled under its register, by the operator) in its own write transaction. */
export function recordCheck(ctx: Ctx, c: CheckRecord): number {
  return writeTx(ctx.db, () =>
    post(ctx, {
      register: c.register,
      action: 'check',
      table: 'checks',
      values: { register: c.register, on_date: formatDate(ctx.clock.now()), checker: ctx.operator, examined: c.examined, differences: c.findings.length, findings: c.findings.join('；') },
    }).id,
  );
}

/** The checks of one register, oldest first. */
export function checksOf(db: DB, register: string): CheckRow[] {
  return db.prepare('SELECT * FROM checks WHERE register = ? ORDER BY id').all(register) as CheckRow[];
}

export const checkRecordColumns: Column[] = [
  { key: 'no', label: { zh: '序号', en: 'no.' }, kind: 'id', num: true },
  { key: 'date', label: { zh: '核对日期', en: 'date' }, kind: 'id' },
  { key: 'checker', label: { zh: '核对人', en: 'checked by' }, kind: 'text' },
  { key: 'examined', label: { zh: '核对数', en: 'examined' }, kind: 'id', num: true },
  { key: 'differences', label: { zh: '差异数', en: 'differences' }, kind: 'id', num: true },
  { key: 'findings', label: { zh: '差异', en: 'what differed' }, kind: 'text', wrap: 30 },
];

export const checkRecordRows = (db: DB, register: string): Row[] =>
  checksOf(db, register).map((c, i) => ({ no: i + 1, date: c.on_date, checker: c.checker, examined: c.examined, differences: c.differences, findings: c.findings }));
