/**
 * The meeting book (会议登记簿) and the month report, computed apart from their rendering.
 * A meeting belongs to the period its start falls in; a returned plan (退回) is left out of the
 * book, which records meetings held or to be held.
 */
import { addDays } from 'date-fns/addDays';
import { dateOf, formatDate, type Period } from '../../core/dates.js';
import type { DB } from '../../core/db.js';
import { attendanceOf } from './attendance.js';
import { minutesNumber, minutesState, spentOn } from './after.js';
import { shownTitle } from './rules.js';
import { decisions, type MeetingRow } from './sql.js';

export interface BookFilter extends Period {
  state?: string;
  room?: string;
}

/** The meetings of a period, by start. */
export function meetingsOf(db: DB, f: BookFilter): MeetingRow[] {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  // a range on starts_at itself (yyyy-MM-ddTHH:mm), so the index on it bounds the period
  if (f.from) parts.push('starts_at >= @from'), (params.from = f.from);
  if (f.to) parts.push('starts_at < @after'), (params.after = formatDate(addDays(dateOf(f.to), 1)));
  if (f.state) parts.push('state = @state'), (params.state = f.state);
  else parts.push("state <> '退回'");
  if (f.room) parts.push('room = @room'), (params.room = f.room);
  return db.prepare(`SELECT * FROM meeting_current WHERE ${parts.join(' AND ')} ORDER BY starts_at, id`).all(params) as MeetingRow[];
}

/** One line of the book: 日期, 时间, 会议名称, 地点, 主持人, 应到, 实到, 纪要, 决议事项数, 未办结. */
export function bookRow(db: DB, m: MeetingRow, reveal: boolean) {
  const a = attendanceOf(db, m);
  const minutes = minutesState(db, m).minutes;
  const ds = decisions(db, { meetingId: m.id });
  return {
    number: m.number,
    date: m.starts_at.slice(0, 10),
    time: `${m.starts_at.slice(11, 16)}—${m.ends_at.slice(11, 16)}`,
    title: shownTitle(m, reveal),
    room: m.room,
    host: m.host,
    expected: a.expected.length,
    present: a.present.length,
    minutes: minutes ? minutesNumber(minutes) : null,
    decisions: ds.length,
    open: ds.filter((d) => d.done_on === null).length,
    state: m.state,
    budgetFen: m.budget,
    spentFen: spentOn(db, m),
  };
}

export interface MonthReport {
  meetings: number;
  closed: number;
  expected: number;
  present: number;
  excused: number;
  absent: number;
  late: number;
  decisions: number;
  decisionsDone: number;
  decisionsOpen: number;
  decisionsOverdue: number;
  budgetFen: number;
  spentFen: number;
}

/** The report of a period: meetings, attendance summed, decisions made and how they stand today, money. */
export function monthReport(db: DB, period: Period, today: string): MonthReport {
  const r: MonthReport = { meetings: 0, closed: 0, expected: 0, present: 0, excused: 0, absent: 0, late: 0, decisions: 0, decisionsDone: 0, decisionsOpen: 0, decisionsOverdue: 0, budgetFen: 0, spentFen: 0 };
  for (const m of meetingsOf(db, period)) {
    r.meetings++;
    if (m.state === '已结束') r.closed++;
    const a = attendanceOf(db, m);
    r.expected += a.expected.length;
    r.present += a.present.length;
    r.excused += a.excused.length;
    r.absent += a.absent.length;
    r.late += a.late.length;
    for (const d of decisions(db, { meetingId: m.id })) {
      r.decisions++;
      if (d.done_on !== null) r.decisionsDone++;
      else {
        r.decisionsOpen++;
        if (d.due < today) r.decisionsOverdue++;
      }
    }
    r.budgetFen += m.budget ?? 0;
    r.spentFen += spentOn(db, m);
  }
  return r;
}
