/**
 * Reports computed from the register, apart from their rendering: the month report
 * (counts by sender and by state, timeliness, average handling days) and one document's history.
 */
import type { DB } from '../../core/db.js';
import { daysBetween, type Period } from '../../core/dates.js';
import { t } from '../../core/i18n.js';
import { maskedTitle } from '../../core/secret.js';
import { linkedFrom } from '../../core/links.js';
import { iterateIncoming, journalOf, revisionsOf, type IncomingRow } from './sql.js';
import { deadlineOf, handledOn } from './workflow.js';

export interface MonthReport {
  from: string | null;
  to: string | null;
  /** Documents received in the period (void ones included). */
  received: number;
  /** Non-void documents per sender, most first. */
  bySender: { sender: string; count: number }[];
  /** Every document per state (作废 included). */
  byState: { state: string; count: number }[];
  /** Handled (closed or filed) by their deadline / after it; handled with no deadline; still open past it. */
  onTime: number;
  late: number;
  noDeadline: number;
  openOverdue: number;
  /** How many were handled, and their average days from receipt to close (one decimal), null if none. */
  handled: number;
  averageDays: number | null;
}

/**
 * The month report over the documents RECEIVED in the period. A document returned (退回) or
 * void (作废) is counted by state only; handling days run from the receipt date to the day of
 * its close (办结), or its filing when it was filed without a close.
 */
export function monthReport(db: DB, period: Period, today: string): MonthReport {
  const senders = new Map<string, number>();
  const states = new Map<string, number>();
  const r: MonthReport = { from: period.from ?? null, to: period.to ?? null, received: 0, bySender: [], byState: [], onTime: 0, late: 0, noDeadline: 0, openOverdue: 0, handled: 0, averageDays: null };
  let days = 0;
  for (const row of [...iterateIncoming(db, { from: period.from, to: period.to })]) {
    r.received++;
    states.set(row.state, (states.get(row.state) ?? 0) + 1);
    if (row.state === '作废') continue;
    senders.set(row.sender, (senders.get(row.sender) ?? 0) + 1);
    if (row.state === '退回') continue;
    const deadline = deadlineOf(db, row);
    const done = handledOn(db, row);
    if (done) {
      r.handled++;
      days += daysBetween(row.received_on, done);
      if (deadline === null) r.noDeadline++;
      else if (done <= deadline) r.onTime++;
      else r.late++;
    } else if (deadline !== null && deadline < today) r.openOverdue++;
  }
  const order = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
  r.bySender = [...senders].sort(order).map(([sender, count]) => ({ sender, count }));
  r.byState = [...states].sort(order).map(([state, count]) => ({ state, count }));
  r.averageDays = r.handled ? Math.round((days / r.handled) * 10) / 10 : null;
  return r;
}

/** The report as flat rows (section, item, value) for tables, CSV and TSV. */
export function reportRows(r: MonthReport): { section: string; item: string; value: number | null }[] {
  return [
    ...r.bySender.map((s) => ({ section: 'sender', item: s.sender, value: s.count })),
    ...r.byState.map((s) => ({ section: 'state', item: s.state, value: s.count })),
    ...(['onTime', 'late', 'noDeadline', 'openOverdue'] as const).map((k) => ({ section: 'timeliness', item: k, value: r[k] })),
    { section: 'total', item: 'received', value: r.received },
    { section: 'total', item: 'handled', value: r.handled },
    { section: 'total', item: 'averageDays', value: r.averageDays },
  ];
}

export type Step = {
  seq: number;
  at: string;
  operator: string;
  step: string;
  detail: string;
  reason: string | null;
};

/** A copy given back (back, retire): its number and who held it. */
type CopyFrom = { copy: string; from: string };

/** An event's data as the workflow and custody rules journal it: the fields of each kind (see eventDetail). */
interface EventData {
  /** answered: the 发文字号 of the reply */
  docNo?: string;
  opinion?: string;
  leader?: string;
  text?: string;
  date?: string;
  lead?: string;
  assist?: string[];
  deadline?: string | null;
  from?: string | null;
  to?: string;
  /** hand: the copy numbers; back and retire: each copy and who gave it back. */
  copies?: string[] | CopyFrom[];
  how?: string;
  witnesses?: string[];
  add?: string[];
  remove?: string[];
  note?: string | null;
  copiesOut?: { copy: string; holder: string }[];
}

/** A journal entry's content: a row of incoming_revisions (receive, correct) or incoming_events. */
interface JournaledRow {
  [column: string]: unknown;
  secret_level?: string | null;
  title?: string;
  sender?: string;
  copies?: number;
  corrects?: number;
  kind?: string;
  data?: string | null;
}

const names = (list: string[] | undefined) => (list ?? []).join('、');
const copiesFrom = (list: CopyFrom[]) => list.map((c) => t('incoming.step.copyFrom', c)).join('、');

/** One line saying what an event did, in the current language. */
function eventDetail(kind: string, d: EventData): string {
  switch (kind) {
    case 'propose':
      return d.opinion ?? '';
    case 'instruct':
      return t('incoming.step.instruct', { leader: d.leader, text: d.text, date: d.date });
    case 'assign':
      return t('incoming.step.assign', { lead: d.lead, assist: names(d.assist) || '—', deadline: d.deadline ?? '—' });
    case 'hand':
      return t('incoming.step.hand', { copies: names(d.copies as string[]), from: d.from, to: d.to });
    case 'back':
      return t('incoming.step.back', { copies: copiesFrom(d.copies as CopyFrom[]), to: d.to });
    case 'retire':
      return t('incoming.step.retire', { how: d.how, copies: copiesFrom(d.copies as CopyFrom[]), witnesses: names(d.witnesses) });
    case 'circle':
      return [d.add?.length ? `+ ${names(d.add)}` : '', d.remove?.length ? `− ${names(d.remove)}` : ''].filter(Boolean).join(' ');
    case 'remind':
      return t('incoming.step.remind', { to: d.to }) + (d.note ? `：${d.note}` : '');
    case 'reply':
      return d.from ? `${d.from}：${d.text}` : d.text ?? '';
    case 'close':
      return d.copiesOut?.length ? t('incoming.step.closeOut', { copies: d.copiesOut.map((c) => `${c.copy} ${c.holder}`).join('、') }) : '';
    case 'answered':
      return d.docNo ?? '';
    default:
      return '';
  }
}

/**
 * Every step of one document in order: receipt, corrections and each workflow event, with
 * the journal's time and operator. Copy movements are shown by the event that made them.
 */
export function historySteps(db: DB, row: IncomingRow, reveal: boolean): Step[] {
  const revisions = new Map(revisionsOf(db, row.id).map((r) => [r.id, r]));
  const steps: Step[] = [];
  for (const j of journalOf(db, row.id)) {
    if (j.tbl === 'incoming_custody' || (j.tbl === 'incoming_docs')) continue;
    const content = JSON.parse(j.content) as JournaledRow;
    let detail = '';
    if (j.tbl === 'incoming_revisions') {
      if (j.action === 'receive') {
        // the title as received (a later correction shows as its own step)
        const title = content.secret_level && !reveal ? maskedTitle(content.secret_level) : content.title;
        detail = t('incoming.step.receive', { sender: content.sender, title, copies: content.copies });
      } else {
        const before = revisions.get(content.corrects!) as JournaledRow | undefined;
        const changed = Object.keys(content).filter((k) => !['id', 'corrects'].includes(k) && before && before[k] !== content[k]);
        detail = t('incoming.step.correct', { fields: changed.join(', ') });
      }
    } else if (content.kind === 'file') {
      // the archive item links to the document (core/links.ts); events before links named it in their data
      detail = linkedFrom(db, 'filed-from', { register: 'incoming', ref: row.number })[0]?.ref ?? '';
    } else detail = eventDetail(content.kind!, content.data ? (JSON.parse(content.data) as EventData) : {});
    steps.push({ seq: j.seq, at: j.at, operator: j.operator, step: j.action, detail, reason: j.reason });
  }
  return steps;
}
