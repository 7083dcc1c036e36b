/**
 * The meeting register's face: the only file another register may import from meeting/
 * (test/architecture.test.ts). How links and typed references name a meeting.
 */
import { shortMoment } from '../../core/dates.js';
import type { DB } from '../../core/db.js';
import type { EntryFace } from '../../core/register.js';
import { minutesState } from './after.js';
import { wordText } from './columns.js';
import { getMeeting, shownTitle } from './rules.js';

/** A meeting as other registers see it (e.g. the archive filing its record). */
export interface MeetingRecord {
  /** HY2026-0001: what links name. */
  number: string;
  /** 会议主题. */
  title: string;
  /** The day it started, yyyy-MM-dd. */
  date: string;
  secretLevel: string | null;
  secretPeriod: string | null;
  /** Its stored state word (…, 已结束). */
  state: string;
  /** The minutes (纪要): drafted, and approved (领导审签) or not. */
  minutes: 'none' | 'drafted' | 'approved';
}

/** The meeting a typed number names (`HY2026-1` folds), or refuses with meeting.notFound (exit 1). */
export function findMeeting(db: DB, ref: string): MeetingRecord {
  const m = getMeeting(db, ref);
  const st = minutesState(db, m);
  return {
    number: m.number,
    title: m.title,
    date: m.starts_at.slice(0, 10),
    secretLevel: m.secret_level,
    secretPeriod: m.secret_period,
    state: m.state,
    minutes: !st.minutes ? 'none' : st.approvedBy === null ? 'drafted' : 'approved',
  };
}

export const face: EntryFace = {
  find: (db, typed) => getMeeting(db, typed).number,
  summary(db, ref) {
    const m = getMeeting(db, ref);
    return [shownTitle(m), shortMoment(m.starts_at), m.room, wordText(m.state)].join(' · ');
  },
};
