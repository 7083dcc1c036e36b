/**
 * The one deadline engine. Each register that has deadlines (handling deadlines, follow-ups,
 * loans of archives and seals, meeting decisions, purchase plans) contributes a source that
 * lists its open items with a due date; the engine computes days left and overdue status,
 * filters and orders them, for `wenmi due` and for any register's own reports.
 */
import { addDays } from 'date-fns/addDays';
import { dateOf, daysBetween, formatDate } from './dates.js';
import type { DB } from './db.js';

export interface DueItem {
  register: string;
  /** The entry's own number: 收文编号, 档号, seal name, … */
  ref: string;
  /** What is due, in a few words (a classified title already masked). */
  what: string;
  /** Who must act. */
  who: string | null;
  /** yyyy-MM-dd */
  due: string;
  reminders?: number;
  lastReminder?: string | null;
}

export interface DueRow extends DueItem {
  /** Days from today to the due date; negative when overdue. */
  days: number;
  overdue: boolean;
}

/** Lists the open items of one register that carry a due date. `today` is yyyy-MM-dd. */
export type DeadlineSource = (db: DB, today: string) => DueItem[];

export interface DueFilter {
  /** Only items due on or before today + this many days (overdue items always included). */
  withinDays?: number;
  register?: string;
}

export function collectDue(db: DB, sources: Record<string, DeadlineSource>, today: string, filter: DueFilter = {}): DueRow[] {
  const limit = filter.withinDays === undefined ? undefined : formatDate(addDays(dateOf(today), filter.withinDays));
  const rows: DueRow[] = [];
  for (const [register, source] of Object.entries(sources)) {
    if (filter.register && filter.register !== register) continue;
    for (const item of source(db, today)) {
      if (limit && item.due > limit) continue;
      const days = daysBetween(today, item.due);
      rows.push({ ...item, days, overdue: days < 0 });
    }
  }
  return rows.sort((a, b) => a.due.localeCompare(b.due) || a.register.localeCompare(b.register) || a.ref.localeCompare(b.ref));
}

/** Parses `7d`, `2w`, `1m` (30 days) into days. */
export function parseWithin(text: string): number | null {
  const m = /^(\d{1,4})([dwm])?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * { d: 1, w: 7, m: 30 }[(m[2] ?? 'd') as 'd' | 'w' | 'm'];
}
