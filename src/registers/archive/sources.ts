/**
 * What an item filed from another register's entry takes from it (archive file --from-incoming,
 * --from-outgoing): one small function per source, each giving the item's fields (the archivist's
 * own flags win) and the entry the item links 归档自 (filed-from). Refusals name what comes first.
 */
import type { DB } from '../../core/db.js';
import { dataError, usageError } from '../../core/errors.js';
import type { EntryRef } from '../../core/links.js';
import { linkedFrom } from '../../core/links.js';
import { formatClassification } from '../../core/secret.js';
import { findIncoming, incomingCopies, incomingInstructions } from '../incoming/api.js';
import { coreSettings, getSetting } from '../../core/settings.js';
import { findMeeting } from '../meeting/api.js';
import { findOutgoing } from '../outgoing/api.js';
import { requireReadyToFile } from './readiness.js';
import { FILED_FROM } from './schema.js';
import { findItem, findItemByIncoming } from './sql.js';

/** The catalogue fields of an item, as a command gives them (dates already in stored form). */
export interface FileFields {
  title?: string;
  /** The title was written by the archivist (it stands in [ ]). */
  ownTitle?: boolean;
  author?: string;
  /** The document's date, yyyy-MM-dd; its year is the 年度. */
  date?: string;
  retention?: string;
  docNo?: string | null;
  secret?: string | null;
  pages?: number | null;
  org?: string | null;
  box?: string | null;
  location?: string | null;
  note?: string | null;
  /** 收文编号 of the incoming document filed as this item. */
  fromIncoming?: string;
  /** Draft id or 发文字号 of the dispatched outgoing document filed as this item. */
  fromOutgoing?: string;
  /** Number of the closed meeting whose record (记录/纪要) is filed as this item. */
  fromMeeting?: string;
  /** 附件 and 载体 (纸质 default, 电子, 照片, 实物): kept as filed, not revised by corrections. */
  attachments?: string | null;
  medium?: string;
  /** Filed before the incoming document was closed, and why (readiness.ts). */
  unfinished?: boolean;
  reason?: string;
}

/** The fields taken from a source entry, the entry the item links to, and what the filing journals. */
export interface Source {
  fields: FileFields;
  link: EntryRef;
  /** Why it is filed unfinished (journaled), or null. */
  reason: string | null;
  instruction: string | null;
}

/** Refuses a second source (an item is filed from one entry at most). */
export function requireOneSource(f: FileFields): void {
  if ([f.fromIncoming, f.fromOutgoing, f.fromMeeting].filter((x) => x !== undefined).length > 1) throw usageError('archive.twoSources');
}

/** A closed incoming document with a copy back at the secretariat (readiness.ts). */
export function fromIncoming(db: DB, fields: FileFields, typed: string): Source {
  const inc = findIncoming(db, typed);
  const already = findItemByIncoming(db, inc.number);
  if (already) throw dataError('archive.incomingFiled', { ref: inc.number, archiveNo: already.archive_no });
  const copies = incomingCopies(db, inc.number);
  const reason = requireReadyToFile(inc, copies, fields);
  // The item goes on the shelf: a copy must be back at the secretariat (none still with a reader, 清退 or 销毁).
  if (!copies.some((c) => c.status === '在秘书室'))
    throw dataError('archive.incomingNotInHand', { ref: inc.number, where: copies.map((c) => `${c.copy}：${c.holder ?? c.status}`).join('、') });
  return {
    fields: {
      ...fields,
      title: fields.title ?? inc.title,
      ownTitle: fields.title !== undefined && fields.ownTitle === true,
      author: fields.author ?? inc.sender,
      docNo: fields.docNo !== undefined ? fields.docNo : inc.senderNo,
      date: fields.date ?? inc.receivedOn,
      secret: fields.secret !== undefined ? fields.secret : formatClassification(inc.secretLevel, inc.secretPeriod) || null,
      pages: fields.pages !== undefined ? fields.pages : inc.pages,
    },
    link: { register: 'incoming', ref: inc.number },
    reason,
    instruction: incomingInstructions(db, inc.number),
  };
}

/** A dispatched (已分发) outgoing document: its 发文字号 as 文号, the sign-off date, 拟稿单位 as author. */
export function fromOutgoing(db: DB, fields: FileFields, typed: string): Source {
  const doc = findOutgoing(db, typed);
  const link = { register: 'outgoing', ref: doc.draftNo };
  const already = linkedFrom(db, FILED_FROM, link)[0];
  if (already) throw dataError('archive.outgoingFiled', { ref: doc.docNo ?? doc.draftNo, archiveNo: findItem(db, already.ref)?.archive_no ?? already.ref });
  if (doc.state !== '已分发') throw dataError('archive.outgoingNotDispatched', { ref: doc.docNo ?? doc.draftNo, state: doc.state, first: '分发' });
  return {
    fields: {
      ...fields,
      title: fields.title ?? doc.title,
      ownTitle: fields.title !== undefined && fields.ownTitle === true,
      author: fields.author ?? doc.dept,
      docNo: fields.docNo !== undefined ? fields.docNo : doc.docNo,
      date: fields.date ?? doc.signedOn ?? undefined,
      secret: fields.secret !== undefined ? fields.secret : formatClassification(doc.secretLevel, doc.secretPeriod) || null,
      pages: fields.pages !== undefined ? fields.pages : doc.pages,
    },
    link,
    reason: null,
    instruction: null,
  };
}

/** A closed (已结束) meeting's record: 主题 + 纪要 (or 记录 when no minutes), its date, the unit (unit.name) as author. */
export function fromMeeting(db: DB, fields: FileFields, typed: string): Source {
  const m = findMeeting(db, typed);
  const link = { register: 'meeting', ref: m.number };
  const already = linkedFrom(db, FILED_FROM, link)[0];
  if (already) throw dataError('archive.meetingFiled', { ref: m.number, archiveNo: already.ref });
  if (m.state !== '已结束') throw dataError('archive.meetingNotClosed', { ref: m.number, state: m.state });
  return {
    fields: {
      ...fields,
      title: fields.title ?? `${m.title}${m.minutes === 'none' ? '记录' : '纪要'}`,
      ownTitle: fields.title !== undefined && fields.ownTitle === true,
      author: fields.author ?? getSetting(db, coreSettings, 'unit.name'),
      date: fields.date ?? m.date,
      secret: fields.secret !== undefined ? fields.secret : formatClassification(m.secretLevel, m.secretPeriod) || null,
    },
    link,
    reason: null,
    instruction: null,
  };
}
