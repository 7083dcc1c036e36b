/**
 * The archive register's face: the only file another register may import from archive/
 * (test/architecture.test.ts). How links and typed references name an archive item.
 */
import { wordsText } from '../../core/i18n.js';
import type { EntryFace } from '../../core/register.js';
import { WORDS } from './columns.js';
import { getItem, RETENTION_LABELS, shownTitle } from './rules.js';
import { itemJson } from './views.js';

const word = wordsText({ ...WORDS, ...RETENTION_LABELS });

export const face: EntryFace = {
  find: (db, typed) => getItem(db, typed).archive_no,
  summary(db, ref) {
    const row = getItem(db, ref);
    return [shownTitle(row, false), row.doc_date, word(row.retention), word(itemJson(row, false).state)].join(' · ');
  },
};
