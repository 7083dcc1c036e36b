/**
 * Who may approve (审批): nobody approves their own request, and where a register names who may
 * approve (a setting such as `seal.approvers`), only those names do. Plain checks over names,
 * called by each register inside its write transaction before anything is posted.
 */
import { dataError } from './errors.js';
import { historyOf } from './journal.js';
import type { DB } from './db.js';

/** Names compare after NFKC (full-width letters), without spaces: 周 主任 and 周主任 are one person. */
const same = (a: string) => a.normalize('NFKC').replace(/\s+/g, '');

export interface Approval {
  /** The approver named (--approver). */
  approver: string;
  /** Who asked: the requester, borrower or recipient, and the operator who registered the request. */
  askers: (string | null | undefined)[];
  /** The setting naming who may approve, and the names it holds (empty: anyone but the askers). */
  listKey: string;
  names: string[];
}

/** Refuses an approver who is one of the askers, or (when the list is set) is not on it. */
export function checkApprover(a: Approval): void {
  const who = same(a.approver);
  const own = a.askers.find((x) => x != null && x.trim() !== '' && same(x) === who);
  if (own !== undefined) throw dataError('approval.own', { approver: a.approver.trim() });
  if (a.names.length > 0 && !a.names.some((n) => same(n) === who)) throw dataError('approval.notListed', { approver: a.approver.trim(), key: a.listKey, names: a.names.join('、') });
}

/** True when the name is on the list. */
export const onList = (name: string, names: string[]): boolean => names.some((n) => same(n) === same(name));

/** The operator who posted a row first (who registered the request), from the journal. */
export function registeredBy(db: DB, table: string, rowId: number): string | undefined {
  return historyOf(db, table, rowId)[0]?.operator;
}
