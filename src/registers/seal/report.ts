/** Reports of the seal register as plain rows keyed by column keys (computed apart from rendering). */
import { daysBetween } from '../../core/dates.js';
import type { DB } from '../../core/db.js';
import { t } from '../../core/i18n.js';
import type { Row } from '../../core/output/render.js';
import { wordText } from './columns.js';
import { journalOf, linesOfRequest, listRequests, listSeals, stampLines, type RequestFilter, type RequestRow, type SealRow, type StampLine } from './sql.js';

export function sealRow(s: SealRow, today: string): Row {
  const overdue = s.state === '外借' && s.due !== null && s.due < today ? daysBetween(s.due, today) : null;
  return {
    code: s.code,
    name: s.name,
    type: s.type,
    since: s.since,
    state: s.state,
    custodian: s.custodian,
    location: s.location,
    holder: s.state === '外借' ? s.holder : null,
    due: s.due,
    overdueDays: overdue,
    lentOn: s.lent_on,
    lostOn: s.lost_on,
    lostReason: s.lost_reason,
    lostBy: s.state === '遗失' ? s.holder : null,
    note: s.note,
  };
}

export function sealRows(db: DB, today: string, f: { state?: string; out?: boolean }): Row[] {
  return listSeals(db, f).map((s) => sealRow(s, today));
}

export function requestRow(r: RequestRow, lines?: { lines: string[]; voidedLines: string[] }): Row {
  return {
    number: r.number,
    requestedOn: r.requested_on,
    seal: `${r.seal_code} ${r.seal_name}`,
    sealCode: r.seal_code,
    doc: r.doc,
    unit: r.unit,
    purpose: r.purpose,
    count: r.count,
    approved: r.approved,
    stamped: r.stamped,
    voided: r.voided,
    lines: lines?.lines ?? [],
    voidedLines: lines?.voidedLines ?? [],
    approver: r.approver,
    approvedOn: r.approved_on,
    requester: r.requester,
    state: r.state,
    reason: r.decision_reason,
    note: r.note,
  };
}

export function requestRows(db: DB, f: RequestFilter): Row[] {
  return listRequests(db, f).map((r) => requestRow(r, linesOfRequest(db, r.id)));
}

/** 备注 of a line: the request it stamps, any remark, and for a voided line 作废：reason (approver, date). */
export function remarks(l: StampLine): string {
  const parts = [l.number, l.note];
  if (l.voided_on !== null) parts.push(`作废：${l.void_reason}（${l.void_approver}批准，${l.voided_on}）`);
  return parts.filter((p) => p).join('；');
}

/** The lines of 印章使用登记簿, voided ones kept and marked. */
export function bookRows(db: DB, f: { from?: string; to?: string; sealId?: number }): Row[] {
  return stampLines(db, f).map((l) => ({
    no: l.no,
    stampedOn: l.stamped_on,
    seal: l.seal_name,
    doc: l.doc,
    unit: l.unit,
    purpose: l.purpose,
    count: l.count,
    voided: l.voided_on !== null,
    approver: l.approver,
    handler: l.handler,
    note: remarks(l),
    voidedOn: l.voided_on,
    voidReason: l.void_reason,
    voidApprover: l.void_approver,
  }));
}

/**
 * The year the book is kept for, as its meta line says (2026 年度; 2025—2026 年度 across a year's
 * end): the years of its lines' numbers, else of the period asked for.
 */
export function bookYears(rows: Row[], period: { from?: string; to?: string }): string | undefined {
  const years = rows.map((r) => String(r.no).slice(0, 4));
  if (years.length === 0) years.push(...[period.from, period.to].filter((d): d is string => d !== undefined).map((d) => d.slice(0, 4)));
  if (years.length === 0) return undefined;
  years.sort();
  const [first, last] = [years[0]!, years[years.length - 1]!];
  return t('seal.bookYear', { years: first === last ? first : `${first}—${last}` });
}

/** What the footer of the book says: lines (voided among them) and the copies that count. */
export function bookTotals(rows: Row[]): { lines: number; voidedLines: number; count: number } {
  const standing = rows.filter((r) => r.voided !== true);
  return { lines: rows.length, voidedLines: rows.length - standing.length, count: standing.reduce((n, r) => n + (r.count as number), 0) };
}

const witnessesOf = (json: unknown) => (typeof json === 'string' ? (JSON.parse(json) as string[]).join('、') : '');

/** A seal's whole history from the journal: every custody event, request, decision and stamp, in order. */
export function historyRows(db: DB, sealId: number): Row[] {
  const numbers = new Map((db.prepare('SELECT id, number FROM seal_requests WHERE seal_id = ?').all(sealId) as { id: number; number: string }[]).map((r) => [r.id, r.number]));
  const stamps = new Map(stampLines(db, { sealId }).map((l) => [l.id, l]));
  const rows: Row[] = [];
  for (const j of journalOf(db, sealId)) {
    if (j.tbl === 'seals') continue; // its 启用 event says it
    const c = JSON.parse(j.content) as Record<string, unknown>;
    let on = c.on_date as string;
    let detail: string;
    switch (j.tbl) {
      case 'seal_events': {
        const location = c.location ? `，${String(c.location)}` : '';
        const kind = String(c.kind);
        if (kind === '启用') detail = t('seal.history.add', { custodian: c.custodian, location });
        else if (kind === '移交') detail = t('seal.history.handover', { from: c.counterpart, to: c.custodian, witnesses: witnessesOf(c.witnesses), location });
        else if (kind === '外借') detail = t('seal.history.lend', { to: c.counterpart, approver: c.approver, due: c.due });
        else if (kind === '归还') detail = t('seal.history.return', { from: c.counterpart });
        else if (kind === '遗失')
          detail =
            t('seal.history.lost', { reason: c.reason }) +
            (c.reported_to ? t('seal.history.reportedTo', { to: c.reported_to }) : '') +
            (c.notice ? t('seal.history.notice', { notice: c.notice }) : '');
        else detail = t('seal.history.retire', { how: wordText(kind), witnesses: witnessesOf(c.witnesses) });
        break;
      }
      case 'seal_requests':
        on = c.requested_on as string;
        detail = t('seal.history.request', { number: c.number, doc: c.doc, count: c.count });
        break;
      case 'seal_request_events': {
        const number = numbers.get(c.request_id as number);
        const key = { 批准: 'approve', 驳回: 'reject', 撤销: 'cancel' }[String(c.kind)] ?? 'cancel';
        detail = t(`seal.history.${key}`, { number, count: c.count, approver: c.approver, reason: c.reason });
        break;
      }
      case 'seal_stamp_voids': {
        const l = stamps.get(c.stamp_id as number);
        detail = t('seal.history.voidStamp', { line: l?.no ?? c.stamp_id, number: l?.number, count: l?.count, reason: c.reason, approver: c.approver });
        break;
      }
      default:
        on = c.stamped_on as string;
        detail = t('seal.history.stamp', { line: stamps.get(j.row_id)?.no ?? j.row_id, number: numbers.get(c.request_id as number), count: c.count, handler: c.handler });
    }
    rows.push({ seq: j.seq, on, detail, operator: j.operator, at: j.at, reason: j.reason });
  }
  return rows;
}
