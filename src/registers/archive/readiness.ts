/**
 * What must come first before an incoming document is filed (归档): it is closed (已办结), or the
 * archivist says why it is filed unfinished (`--unfinished --reason`, journaled with the filing);
 * a classified document is filed only when every numbered copy (份号) is back.
 */
import { dataError, requireReason, usageError } from '../../core/errors.js';
import type { IncomingCopy, IncomingDocument } from '../incoming/api.js';

export interface Unfinished {
  /** Filed before it was closed (--unfinished). */
  unfinished?: boolean;
  reason?: string;
}

/** Refuses a document not ready to file; returns the reason to journal when it is filed unfinished, else null. */
export function requireReadyToFile(inc: IncomingDocument, copies: IncomingCopy[], u: Unfinished): string | null {
  let reason: string | null = null;
  // a void, returned or filed document is refused by incoming itself (incoming.cannotFile)
  if (['作废', '退回', '已归档'].includes(inc.state)) return null;
  if (inc.state !== '已办结') {
    if (!u.unfinished) throw dataError('archive.incomingNotClosed', { ref: inc.number, state: inc.state });
    reason = requireReason(u.reason);
  } else if (u.unfinished) throw usageError('archive.alreadyClosed', { ref: inc.number });
  if (inc.secretLevel !== null) {
    const out = copies.filter((c) => c.status === '持有');
    if (out.length > 0) throw dataError('archive.classifiedCopyOut', { ref: inc.number, out: out.map((c) => `${c.copy}：${c.holder}`).join('、') });
  }
  return reason;
}

/** --unfinished belongs to filing from an incoming document. */
export function requireUnfinishedFromIncoming(fromIncoming: string | undefined, u: Unfinished): void {
  if (fromIncoming === undefined && u.unfinished) throw usageError('archive.unfinishedWithoutIncoming');
}
