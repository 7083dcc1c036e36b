/**
 * The outgoing register's face: the only file another register may import from outgoing/
 * (test/architecture.test.ts). How links and typed references name an outgoing document: by its
 * draft id (NG2026-0001), which never changes; a 发文字号 typed is read as the document it is on.
 */
import type { EntryFace } from '../../core/register.js';
import { label } from '../../core/i18n.js';
import { STATE_LABELS } from './columns.js';
import { getOutgoing, shownTitle } from './rules.js';

export const face: EntryFace = {
  find: (db, typed) => getOutgoing(db, typed).draft_no,
  summary(db, ref) {
    const row = getOutgoing(db, ref);
    return [row.doc_no ?? row.draft_no, shownTitle(row, false), row.signed_on ?? row.drafted_on, label(STATE_LABELS[row.state]!)].join(' · ');
  },
};
