/** The month's account of the relay register (`relay report`): a plain function over the db. */
import type { DB } from '../../core/db.js';
import { confirmationsOf, sentLate, stateOf, unconfirmed } from './rules.js';
import { listRelay } from './sql.js';

export interface RelayReport {
  from: string | null;
  to: string | null;
  summary: {
    down: number;
    important: number;
    allConfirmed: number;
    confirmations: number;
    lateConfirmations: number;
    missing: number;
    up: number;
    sentOnTime: number;
    sentLate: number;
    pending: number;
    void: number;
  };
  /** Each confirmation that came after its entry's confirm-by day. */
  late: { number: string; person: string; confirmBy: string; at: string }[];
}

/** Counts the entries of a period (by their day): void ones only as void. */
export function relayReport(db: DB, period: { from?: string; to?: string }): RelayReport {
  const s = { down: 0, important: 0, allConfirmed: 0, confirmations: 0, lateConfirmations: 0, missing: 0, up: 0, sentOnTime: 0, sentLate: 0, pending: 0, void: 0 };
  const late: RelayReport['late'] = [];
  for (const row of listRelay(db, period)) {
    const state = stateOf(row);
    if (state === '作废') {
      s.void++;
      continue;
    }
    if (row.direction === '下达') {
      s.down++;
      const confirmations = confirmationsOf(db, row);
      s.confirmations += confirmations.length;
      for (const c of confirmations.filter((x) => x.late)) late.push({ number: row.number, person: c.person, confirmBy: row.confirm_by!, at: c.at });
      s.lateConfirmations += confirmations.filter((c) => c.late).length;
      if (row.important) {
        s.important++;
        if (state === '已确认') s.allConfirmed++;
        s.missing += unconfirmed(db, row).length;
      }
    } else {
      s.up++;
      if (row.sent_at === null) s.pending++;
      else if (sentLate(row)) s.sentLate++;
      else s.sentOnTime++;
    }
  }
  return { from: period.from ?? null, to: period.to ?? null, summary: s, late };
}
