/**
 * The outgoing register's face: the only file another register may import from outgoing/
 * (test/architecture.test.ts). How links and typed references name an outgoing document: by its
 * draft id (NG2026-0001), which never changes; a 发文字号 typed is read as the document it is on.
 */
import type { DB } from '../../core/db.js';
import type { EntryFace } from '../../core/register.js';
import { label } from '../../core/i18n.js';
import { STATE_LABELS } from './columns.js';
import { getOutgoing, shownTitle } from './rules.js';

/** An outgoing document as other registers see it (e.g. the archive filing it). */
export interface OutgoingDocument {
  /** The draft id (NG2026-0001): what links name. */
  draftNo: string;
  /** The 发文字号 in force, or null before numbering. */
  docNo: string | null;
  title: string;
  /** 拟稿单位 (the drafting unit). */
  dept: string;
  /** The sign-off (签发) date, or null before it. */
  signedOn: string | null;
  secretLevel: string | null;
  secretPeriod: string | null;
  pages: number | null;
  /** Its stored state word (拟稿, 已审核, …, 已分发). */
  state: string;
}

/** The document a draft id or 发文字号 names, or refuses with outgoing.notFound (exit 1). */
export function findOutgoing(db: DB, ref: string): OutgoingDocument {
  const row = getOutgoing(db, ref);
  return {
    draftNo: row.draft_no,
    docNo: row.doc_no,
    title: row.title,
    dept: row.dept,
    signedOn: row.signed_on,
    secretLevel: row.secret_level,
    secretPeriod: row.secret_period,
    pages: row.pages,
    state: row.state,
  };
}

export const face: EntryFace = {
  find: (db, typed) => getOutgoing(db, typed).draft_no,
  summary(db, ref) {
    const row = getOutgoing(db, ref);
    return [row.doc_no ?? row.draft_no, shownTitle(row, false), row.signed_on ?? row.drafted_on, label(STATE_LABELS[row.state]!)].join(' · ');
  },
};
