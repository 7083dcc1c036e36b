/** Every query of the relay register. */
import { cached, type DB } from '../../core/db.js';

/** An entry with what its events add: confirmations (and how many came late), when it was sent, whether it is void. */
export interface RelayRow {
  id: number;
  number: string;
  series: string;
  year: number;
  serial: number;
  direction: '下达' | '上报';
  at: string;
  on_date: string;
  party: string;
  caller: string | null;
  channel: string | null;
  summary: string;
  /** JSON array of names (下达 only). */
  recipients: string | null;
  important: number;
  confirm_by: string | null;
  deadline: string | null;
  secret_level: string | null;
  secret_period: string | null;
  /** JSON array of names (classified 下达 only). */
  circle: string | null;
  note: string | null;
  confirmed: number;
  late: number;
  sent_at: string | null;
  void_reason: string | null;
  voided: number;
}

const CURRENT = `SELECT e.*,
  (SELECT count(*) FROM relay_events c WHERE c.entry_id = e.id AND c.kind = 'confirm') AS confirmed,
  (SELECT count(*) FROM relay_events c WHERE c.entry_id = e.id AND c.kind = 'confirm' AND e.confirm_by IS NOT NULL AND substr(c.at, 1, 10) > e.confirm_by) AS late,
  (SELECT max(s.at) FROM relay_events s WHERE s.entry_id = e.id AND s.kind = 'sent') AS sent_at,
  (SELECT v.reason FROM relay_events v WHERE v.entry_id = e.id AND v.kind = 'void' ORDER BY v.id DESC LIMIT 1) AS void_reason,
  (SELECT count(*) FROM relay_events v WHERE v.entry_id = e.id AND v.kind = 'void') AS voided
FROM relay_entries e`;

export interface RelayFilter {
  from?: string;
  to?: string;
  direction?: '下达' | '上报';
  classified?: boolean;
  limit?: number;
}

/** The next serial of a series (CD, SB, MCD, MSB) in a year: read inside the write transaction that uses it. */
export function nextSerial(db: DB, series: string, year: number): number {
  const max = cached(db, 'SELECT max(serial) FROM relay_entries WHERE series = ? AND year = ?').pluck().get(series, year) as number | null;
  return (max ?? 0) + 1;
}

export function findByNumber(db: DB, number: string): RelayRow | undefined {
  return cached(db, `${CURRENT} WHERE e.number = ?`).get(number) as RelayRow | undefined;
}

function where(f: RelayFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from) parts.push('e.on_date >= @from'), (params.from = f.from);
  if (f.to) parts.push('e.on_date <= @to'), (params.to = f.to);
  if (f.direction) parts.push('e.direction = @direction'), (params.direction = f.direction);
  if (f.classified !== undefined) parts.push(f.classified ? 'e.secret_level IS NOT NULL' : 'e.secret_level IS NULL');
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The register in its paper order: by date, then as entered. */
export function listRelay(db: DB, f: RelayFilter = {}): RelayRow[] {
  const { sql, params } = where(f);
  const limit = f.limit === undefined || f.limit > Number.MAX_SAFE_INTEGER ? '' : ` LIMIT ${Math.trunc(f.limit)}`;
  return db.prepare(`${CURRENT} ${sql} ORDER BY e.on_date, e.id${limit}`).all(params) as RelayRow[];
}

export interface EventRow {
  id: number;
  entry_id: number;
  kind: 'confirm' | 'sent' | 'void';
  person: string | null;
  at: string;
  reason: string | null;
}

export function eventsOf(db: DB, entryId: number, kind?: EventRow['kind']): EventRow[] {
  if (kind === undefined) return cached(db, 'SELECT * FROM relay_events WHERE entry_id = ? ORDER BY id').all(entryId) as EventRow[];
  return cached(db, 'SELECT * FROM relay_events WHERE entry_id = ? AND kind = ? ORDER BY id').all(entryId, kind) as EventRow[];
}

/** Entries that may still be due: important ones down not fully confirmed, reports up not sent; void ones left out. */
export function openEntries(db: DB): RelayRow[] {
  return cached(db, `SELECT * FROM (${CURRENT}) x
    WHERE x.voided = 0 AND ((x.direction = '下达' AND x.important = 1) OR (x.direction = '上报' AND x.sent_at IS NULL AND x.deadline IS NOT NULL))
    ORDER BY x.on_date, x.id`).all() as RelayRow[];
}

/** Every journal entry about one entry, oldest first. */
export function journalOf(db: DB, entryId: number) {
  return cached(
    db,
    `SELECT j.seq, j.at, j.operator, j.action, j.reason FROM journal j
     WHERE (j.tbl = 'relay_entries' AND j.row_id = @id)
        OR (j.tbl = 'relay_events' AND j.row_id IN (SELECT id FROM relay_events WHERE entry_id = @id))
     ORDER BY j.seq`,
  ).all({ id: entryId }) as { seq: number; at: string; operator: string; action: string; reason: string | null }[];
}
