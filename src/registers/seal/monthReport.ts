/**
 * `seal report`: the month-end account of the seal register, a plain function over the db.
 * Use is counted from the lines of 印章使用登记簿 stamped in the period (voided lines apart);
 * custody from the events dated in the period. Document names are the book's own (a classified
 * incoming document is already written as its number and level, never its title).
 */
import type { DB } from '../../core/db.js';
import { daysBetween, type Period } from '../../core/dates.js';
import { stampLines } from './sql.js';

type Tally = { lines: number; copies: number };

export interface SealMonthReport {
  from: string | null;
  to: string | null;
  /** Standing lines stamped in the period: per seal ("S001 办公室公章") and per approver, most copies first. */
  bySeal: ({ seal: string } & Tally)[];
  byApprover: ({ approver: string } & Tally)[];
  /** Lines voided (作废) in the period, whenever they were stamped. */
  voided: { no: string; number: string; seal: string; doc: string; copies: number; on: string; reason: string; approver: string }[];
  lent: { seal: string; on: string; holder: string; due: string | null }[];
  returned: { seal: string; on: string; from: string }[];
  /** Loans still out at the period's end (or today, if sooner) past their due day. */
  overdue: { seal: string; holder: string; due: string; days: number }[];
  handovers: { seal: string; on: string; from: string; to: string }[];
  /** 遗失, 停用, 封存, 销毁 in the period. */
  lostOrRetired: { seal: string; on: string; kind: string; reason: string | null }[];
  totals: { lines: number; copies: number; voidedLines: number; voidedCopies: number };
}

interface EventRow {
  id: number;
  seal_id: number;
  seal: string;
  kind: string;
  on_date: string;
  custodian: string | null;
  counterpart: string | null;
  due: string | null;
  reason: string | null;
}

const within = (day: string, p: Period) => (p.from === undefined || day >= p.from) && (p.to === undefined || day <= p.to);

function tally<K extends string>(key: K, counts: Map<string, Tally>): ({ [k in K]: string } & Tally)[] {
  return [...counts]
    .sort((a, b) => b[1].copies - a[1].copies || a[0].localeCompare(b[0]))
    .map(([name, c]) => ({ [key]: name, ...c }) as { [k in K]: string } & Tally);
}

function add(counts: Map<string, Tally>, name: string, copies: number): void {
  const c = counts.get(name) ?? { lines: 0, copies: 0 };
  counts.set(name, { lines: c.lines + 1, copies: c.copies + copies });
}

export function sealMonthReport(db: DB, period: Period, today: string): SealMonthReport {
  const seals = new Map<string, Tally>();
  const approvers = new Map<string, Tally>();
  const r: SealMonthReport = {
    from: period.from ?? null,
    to: period.to ?? null,
    bySeal: [],
    byApprover: [],
    voided: [],
    lent: [],
    returned: [],
    overdue: [],
    handovers: [],
    lostOrRetired: [],
    totals: { lines: 0, copies: 0, voidedLines: 0, voidedCopies: 0 },
  };
  for (const l of stampLines(db, {})) {
    const seal = `${l.seal_code} ${l.seal_name}`;
    if (l.voided_on !== null && within(l.voided_on, period)) {
      r.voided.push({ no: l.no, number: l.number, seal, doc: l.doc, copies: l.count, on: l.voided_on, reason: l.void_reason ?? '', approver: l.void_approver ?? '' });
      r.totals.voidedLines++;
      r.totals.voidedCopies += l.count;
    }
    if (l.voided_on !== null || !within(l.stamped_on, period)) continue;
    add(seals, seal, l.count);
    add(approvers, l.approver, l.count);
    r.totals.lines++;
    r.totals.copies += l.count;
  }
  r.bySeal = tally('seal', seals);
  r.byApprover = tally('approver', approvers);

  const events = db
    .prepare(`SELECT e.id, e.seal_id, s.code || ' ' || s.name AS seal, e.kind, e.on_date, e.custodian, e.counterpart, e.due, e.reason
              FROM seal_events e JOIN seals s ON s.id = e.seal_id ORDER BY e.on_date, e.id`)
    .all() as EventRow[];
  const end = period.to !== undefined && period.to < today ? period.to : today;
  for (const e of events) {
    const inPeriod = within(e.on_date, period);
    if (e.kind === '外借') {
      if (inPeriod) r.lent.push({ seal: e.seal, on: e.on_date, holder: e.counterpart ?? '', due: e.due });
      // still out at the end: nothing happened to the seal after the loan by then (a return, a loss)
      const after = events.find((x) => x.seal_id === e.seal_id && x.id > e.id && x.on_date <= end);
      if (e.on_date <= end && after === undefined && e.due !== null && e.due < end) r.overdue.push({ seal: e.seal, holder: e.counterpart ?? '', due: e.due, days: daysBetween(e.due, end) });
    } else if (!inPeriod) continue;
    else if (e.kind === '归还') r.returned.push({ seal: e.seal, on: e.on_date, from: e.counterpart ?? '' });
    else if (e.kind === '移交') r.handovers.push({ seal: e.seal, on: e.on_date, from: e.counterpart ?? '', to: e.custodian ?? '' });
    else if (e.kind !== '启用') r.lostOrRetired.push({ seal: e.seal, on: e.on_date, kind: e.kind, reason: e.reason });
  }
  return r;
}

/** One row of the report as a table, CSV or TSV shows it. */
export type SealReportRow = {
  section: string;
  item: string;
  count: number | null;
  copies: number | null;
  detail: string | null;
};

/** The report as flat rows (section, item, count, copies, detail); JSON gives the report object. */
export function sealReportRows(r: SealMonthReport): SealReportRow[] {
  const row = (section: string, item: string, count: number | null, copies: number | null, detail: string | null = null): SealReportRow => ({ section, item, count, copies, detail });
  return [
    ...r.bySeal.map((s) => row('seal', s.seal, s.lines, s.copies)),
    ...r.byApprover.map((a) => row('approver', a.approver, a.lines, a.copies)),
    ...r.voided.map((v) => row('voided', `${v.no} ${v.number}`, null, v.copies, `${v.on} ${v.seal}《${v.doc}》：${v.reason}（${v.approver}）`)),
    ...r.lent.map((l) => row('lent', l.seal, null, null, `${l.on} → ${l.holder}${l.due ? `（${l.due}）` : ''}`)),
    ...r.returned.map((l) => row('returned', l.seal, null, null, `${l.on} ← ${l.from}`)),
    ...r.overdue.map((l) => row('overdue', l.seal, l.days, null, `${l.holder}（${l.due}）`)),
    ...r.handovers.map((h) => row('handover', h.seal, null, null, `${h.on} ${h.from} → ${h.to}`)),
    ...r.lostOrRetired.map((x) => row(x.kind, x.seal, null, null, `${x.on}${x.reason ? ` ${x.reason}` : ''}`)),
    row('total', 'stamped', r.totals.lines, r.totals.copies),
    row('total', 'voided', r.totals.voidedLines, r.totals.voidedCopies),
    row('total', 'lent', r.lent.length, null),
    row('total', 'returned', r.returned.length, null),
    row('total', 'overdue', r.overdue.length, null),
    row('total', 'handover', r.handovers.length, null),
    row('total', 'lostOrRetired', r.lostOrRetired.length, null),
  ];
}
