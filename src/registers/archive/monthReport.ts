/**
 * `archive report`: the month-end account of the archive register, a plain function over the db.
 * Items are counted by the day they were filed, as the catalogue stands (a voided item no longer
 * counts; its void is listed on the day it was voided). Where an item came from is read from its
 * filed-from link (incoming, outgoing, meeting …); an item with none was filed by hand. Loans and
 * checks list numbers only, never a title, so a classified item shows nothing of itself.
 */
import { checksOf } from '../../core/checks.js';
import type { DB } from '../../core/db.js';
import { daysBetween, type Period } from '../../core/dates.js';
import { linkedTo } from '../../core/links.js';
import { REGISTER, RETENTIONS } from './rules.js';
import { FILED_FROM } from './schema.js';
import { loans } from './sql.js';

export interface ArchiveMonthReport {
  from: string | null;
  to: string | null;
  filed: number;
  /** Standing items filed in the period, per retention period (Y, D30, D10) and per carrier (纸质 …). */
  byRetention: { retention: string; count: number }[];
  byMedium: { medium: string; count: number }[];
  /** Per source register, and `hand` for items filed with no link. */
  bySource: { source: string; count: number }[];
  lent: { loan: string; archiveNo: string; on: string; borrower: string; due: string }[];
  returned: { loan: string; archiveNo: string; on: string; condition: string | null }[];
  /** Loans still out at the period's end (or today, if sooner) past their due day. */
  overdue: { loan: string; archiveNo: string; borrower: string; due: string; days: number }[];
  checks: { on: string; checker: string; examined: number; differences: number; findings: string }[];
  voids: { archiveNo: string; on: string; reason: string }[];
  corrections: { archiveNo: string; on: string; reason: string }[];
}

const within = (day: string, p: Period) => (p.from === undefined || day >= p.from) && (p.to === undefined || day <= p.to);

function counted<K extends string>(key: K, counts: Map<string, number>, order: readonly string[] = []): ({ [k in K]: string } & { count: number })[] {
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return [...counts]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([v, count]) => ({ [key]: v, count }) as { [k in K]: string } & { count: number });
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function archiveMonthReport(db: DB, period: Period, today: string): ArchiveMonthReport {
  const r: ArchiveMonthReport = { from: period.from ?? null, to: period.to ?? null, filed: 0, byRetention: [], byMedium: [], bySource: [], lent: [], returned: [], overdue: [], checks: [], voids: [], corrections: [] };
  const retention = new Map<string, number>();
  const medium = new Map<string, number>();
  const source = new Map<string, number>();
  const items = db.prepare('SELECT archive_no, retention, medium, filed_on, voided_on, void_reason FROM archive_entries ORDER BY id').all() as {
    archive_no: string;
    retention: string;
    medium: string;
    filed_on: string;
    voided_on: string | null;
    void_reason: string | null;
  }[];
  for (const i of items) {
    if (i.voided_on !== null && within(i.voided_on, period)) r.voids.push({ archiveNo: i.archive_no, on: i.voided_on, reason: i.void_reason ?? '' });
    if (i.voided_on !== null || !within(i.filed_on, period)) continue;
    r.filed++;
    bump(retention, i.retention);
    bump(medium, i.medium);
    bump(source, linkedTo(db, FILED_FROM, { register: REGISTER, ref: i.archive_no })[0]?.register ?? 'hand');
  }
  r.byRetention = counted('retention', retention, RETENTIONS);
  r.byMedium = counted('medium', medium, ['纸质', '电子', '照片', '实物']);
  r.bySource = counted('source', source, ['incoming', 'outgoing', 'meeting', 'hand']);

  const end = period.to !== undefined && period.to < today ? period.to : today;
  for (const l of loans(db, {})) {
    if (within(l.lent_on, period)) r.lent.push({ loan: l.loan_no, archiveNo: l.archive_no, on: l.lent_on, borrower: l.borrower, due: l.due });
    if (l.returned_on !== null && within(l.returned_on, period)) r.returned.push({ loan: l.loan_no, archiveNo: l.archive_no, on: l.returned_on, condition: l.return_condition });
    const outAtEnd = l.lent_on <= end && (l.returned_on === null || l.returned_on > end);
    if (outAtEnd && l.due < end) r.overdue.push({ loan: l.loan_no, archiveNo: l.archive_no, borrower: l.borrower, due: l.due, days: daysBetween(l.due, end) });
  }
  r.checks = checksOf(db, REGISTER)
    .filter((c) => within(c.on_date, period))
    .map((c) => ({ on: c.on_date, checker: c.checker, examined: c.examined, differences: c.differences, findings: c.findings }));
  r.corrections = (
    db
      .prepare(
        `SELECT i.archive_no AS archiveNo, substr(j.at, 1, 10) AS "on", r.reason FROM archive_revisions r
         JOIN archive_items i ON i.id = r.item_id JOIN journal j ON j.tbl = 'archive_revisions' AND j.row_id = r.id ORDER BY r.id`,
      )
      .all() as ArchiveMonthReport['corrections']
  ).filter((c) => within(c.on, period));
  return r;
}

/** One row of the report as a table, CSV or TSV shows it. */
export type ArchiveReportRow = { section: string; item: string; count: number | null; detail: string | null };

/** The report as flat rows (section, item, count, detail); JSON gives the report object. */
export function archiveReportRows(r: ArchiveMonthReport): ArchiveReportRow[] {
  const row = (section: string, item: string, count: number | null, detail: string | null = null): ArchiveReportRow => ({ section, item, count, detail });
  return [
    ...r.byRetention.map((x) => row('retention', x.retention, x.count)),
    ...r.byMedium.map((x) => row('medium', x.medium, x.count)),
    ...r.bySource.map((x) => row('source', x.source, x.count)),
    ...r.lent.map((l) => row('lent', l.loan, null, `${l.on} ${l.archiveNo} → ${l.borrower}（${l.due}）`)),
    ...r.returned.map((l) => row('returned', l.loan, null, `${l.on} ${l.archiveNo}${l.condition ? ` ${l.condition}` : ''}`)),
    ...r.overdue.map((l) => row('overdue', l.loan, l.days, `${l.archiveNo} ${l.borrower}（${l.due}）`)),
    ...r.checks.map((c) => row('check', c.on, c.differences, `${c.checker} ${c.examined}${c.findings ? `：${c.findings}` : ''}`)),
    ...r.voids.map((v) => row('void', v.archiveNo, null, `${v.on} ${v.reason}`)),
    ...r.corrections.map((c) => row('correction', c.archiveNo, null, `${c.on} ${c.reason}`)),
    row('total', 'filed', r.filed),
    row('total', 'lent', r.lent.length),
    row('total', 'returned', r.returned.length),
    row('total', 'overdue', r.overdue.length),
    row('total', 'check', r.checks.length),
    row('total', 'differences', r.checks.reduce((n, c) => n + c.differences, 0)),
    row('total', 'void', r.voids.length),
    row('total', 'correction', r.corrections.length),
  ];
}
