/**
 * The incoming register's face: the only file another register may import from incoming/
 * (test/architecture.test.ts holds every register to it). Plain functions over the db; what
 * they return is a view for other registers, not incoming's own row. Refusals speak
 * incoming's messages (incoming.notFound, incoming.cannotFile), which the registry loads for
 * any register that declares `requires: ['incoming']`.
 */
import type { DB } from '../../core/db.js';
import type { Ctx } from '../../core/journal.js';
import { copiesOf, type CopyStatus } from './custody.js';
import { label } from '../../core/i18n.js';
import type { EntryFace } from '../../core/register.js';
import { STATE_LABELS } from './columns.js';
import { fileIncoming, getIncoming, recordAnswer, shownTitle } from './rules.js';
import type { IncomingRow } from './sql.js';
import { instructionsOf } from './workflow.js';

export type { CopyStatus };

/** An incoming document as other registers see it. */
export interface IncomingDocument {
  /** The 收文编号, canonical: 2026-0001, M2026-0001. */
  number: string;
  title: string;
  sender: string;
  senderNo: string | null;
  receivedOn: string;
  secretLevel: string | null;
  secretPeriod: string | null;
  pages: number | null;
  /** Its stored state word (登记, 传阅中, …, 已归档). */
  state: string;
}

/** Where one copy of a document is now (see custody.ts). */
export interface IncomingCopy {
  copy: string;
  status: CopyStatus;
  /** Who holds it (null once retired or returned to the sender). */
  holder: string | null;
}

function documentOf(row: IncomingRow): IncomingDocument {
  return {
    number: row.number,
    title: row.title,
    sender: row.sender,
    senderNo: row.sender_no,
    receivedOn: row.received_on,
    secretLevel: row.secret_level,
    secretPeriod: row.secret_period,
    pages: row.pages,
    state: row.state,
  };
}

/** The document a typed number names (`2026-1`, `m2026-01` fold), or refuses with incoming.notFound (exit 1). */
export function findIncoming(db: DB, ref: string): IncomingDocument {
  return documentOf(getIncoming(db, ref));
}

/** Where each copy of the document is now. */
export function incomingCopies(db: DB, ref: string): IncomingCopy[] {
  return copiesOf(db, getIncoming(db, ref)).map(({ copy, status, holder }) => ({ copy, status, holder }));
}

/**
 * Marks the document 已归档 (journaled), or refuses with incoming.cannotFile (exit 1). The archive
 * register links its item to the document (core/links.ts) in the same transaction; the document's
 * 处理情况 names the item from that link.
 */
/** The leaders' instructions (批示) on the document, in order, as one line; null when none. */
export function incomingInstructions(db: DB, ref: string): string | null {
  return instructionsOf(db, getIncoming(db, ref));
}

export function markIncomingFiled(ctx: Ctx, ref: string): IncomingDocument {
  return documentOf(fileIncoming(ctx, ref));
}

/**
 * Records that an outgoing document answered this one: its 处理情况 shows the 发文字号 (journaled;
 * the state does not move). The outgoing register links its document to this one in the same
 * transaction.
 */
export function recordReply(ctx: Ctx, ref: string, docNo: string): IncomingDocument {
  return documentOf(recordAnswer(ctx, ref, docNo));
}

/** How links and typed references name an incoming document (core/register.ts EntryFace). */
export const face: EntryFace = {
  find: (db, typed) => getIncoming(db, typed).number,
  summary(db, ref) {
    const row = getIncoming(db, ref);
    return [shownTitle(row, false), row.sender, row.received_on, label(STATE_LABELS[row.state] ?? { zh: row.state, en: row.state })].join(' · ');
  },
};
