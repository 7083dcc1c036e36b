/**
 * The relay register's face: the only file another register may import from relay/
 * (test/architecture.test.ts). How links and typed references name a relay entry.
 */
import { label } from '../../core/i18n.js';
import type { EntryFace } from '../../core/register.js';
import { STATE_LABELS } from './columns.js';
import { getRelay, shownSummary, stateOf } from './rules.js';

export const face: EntryFace = {
  find: (db, typed) => getRelay(db, typed).number,
  /** Its main points (a classified one masked), where it came from or went, its day, its state. */
  summary(db, ref) {
    const row = getRelay(db, ref);
    const state = stateOf(row);
    return [shownSummary(row, false), row.party, row.on_date, label(STATE_LABELS[state] ?? { zh: state, en: state })].join(' · ');
  },
};
