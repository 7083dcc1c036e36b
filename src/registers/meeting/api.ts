/**
 * The meeting register's face: the only file another register may import from meeting/
 * (test/architecture.test.ts). How links and typed references name a meeting.
 */
import { shortMoment } from '../../core/dates.js';
import type { EntryFace } from '../../core/register.js';
import { wordText } from './columns.js';
import { getMeeting, shownTitle } from './rules.js';

export const face: EntryFace = {
  find: (db, typed) => getMeeting(db, typed).number,
  summary(db, ref) {
    const m = getMeeting(db, ref);
    return [shownTitle(m), shortMoment(m.starts_at), m.room, wordText(m.state)].join(' · ');
  },
};
