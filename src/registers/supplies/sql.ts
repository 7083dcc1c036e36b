/** Every query of the supplies register. */
import { cached, whereOf, type DB } from '../../core/db.js';

export interface ItemRow {
  id: number;
  added_on: string;
  revision: number;
  name: string;
  spec: string;
  unit: string;
  category: string | null;
  price: number | null;
  reorder: number;
  state: '在用' | '停用';
}

/** A row of supplies_ledger: a movement, or a reversal (kind 冲销) carrying the descriptive fields of the movement it reverses. */
export interface MovementRow {
  id: number;
  item_id: number;
  kind: '入库' | '领用' | '报废' | '盘点调整' | '冲销';
  /** The report column it counts in: its own kind, or for a reversal the kind it reverses. */
  books_as: '入库' | '领用' | '报废' | '盘点调整';
  moved_on: string;
  qty: number;
  value: number;
  unit_price: number | null;
  supplier: string | null;
  plan_id: number | null;
  dept: string | null;
  person: string | null;
  approver: string | null;
  stocktake_id: number | null;
  reason: string | null;
  /** For a reversal: the row id of the movement it reverses. */
  reverses: number | null;
  /** The number people see, 2026-0012: year and serial (rows before supplies:004: year of date, row id). */
  year: number;
  serial: number;
}

/** A movement's number as people write it: 2026-0012. */
export function movementNo(m: { year: number; serial: number }): string {
  return `${m.year}-${String(m.serial).padStart(4, '0')}`;
}

export interface ReversalRow {
  id: number;
  movement_id: number;
  item_id: number;
  moved_on: string;
  qty: number;
  value: number;
  approver: string | null;
  reason: string;
}

export interface PlanRow {
  id: number;
  number: string;
  item_id: number;
  qty: number;
  drafted_on: string;
  needed_by: string | null;
  reason: string | null;
  state: '草拟' | '已批准' | '已取消' | '已完成';
  approver: string | null;
  approved_on: string | null;
  received: number;
}

export interface StocktakeRow {
  id: number;
  number: string;
  counted_on: string;
  counter: string;
  witness: string;
  scope: string;
  state: '进行中' | '已结束' | '已取消';
  reason: string | null;
}

export const itemById = (db: DB, id: number) => cached(db, 'SELECT * FROM supplies_items_current WHERE id = ?').get(id) as ItemRow | undefined;

/** Items whose name, or name and spec as `name spec`, `name（spec）` or `name(spec)`, is exactly this text. */
export const itemsNamed = (db: DB, text: string) =>
  cached(db, "SELECT * FROM supplies_items_current WHERE @t IN (name, name || ' ' || spec, name || '（' || spec || '）', name || '(' || spec || ')') ORDER BY id").all({ t: text }) as ItemRow[];

export const activeItemLike = (db: DB, name: string, spec: string) =>
  cached(db, "SELECT * FROM supplies_items_current WHERE name = ? AND spec = ? AND state = '在用'").get(name, spec) as ItemRow | undefined;

export function listItems(db: DB, all: boolean): ItemRow[] {
  return cached(db, `SELECT * FROM supplies_items_current ${all ? '' : "WHERE state = '在用'"} ORDER BY category, name, spec, id`).all() as ItemRow[];
}

export interface Balance {
  qty: number;
  value: number;
}

/**
 * The balance stored on the item's latest ledger row (supplies:005), among its rows dated before
 * `before` when given: one row found by index in each table (posting order is date order per item,
 * so the latest row by date is the latest by number). `qty` and `value` are null on a row written
 * before supplies:005.
 */
function storedBalance(db: DB, itemId: number, before: string | null): { qty: number | null; value: number | null } | undefined {
  type Latest = { id: number; qty: number | null; value: number | null };
  const latest = (table: string) =>
    cached(db, `SELECT id, balance_qty AS qty, balance_value AS value FROM ${table} WHERE item_id = @item${before === null ? ' ORDER BY id DESC' : ' AND moved_on < @before ORDER BY moved_on DESC, id DESC'} LIMIT 1`).get(
      before === null ? { item: itemId } : { item: itemId, before },
    ) as Latest | undefined;
  const [movement, reversal] = [latest('supplies_movements'), latest('supplies_reversals')];
  return movement === undefined || (reversal !== undefined && reversal.id > movement.id) ? reversal : movement;
}

/**
 * The balance of an item (quantity and value in fen), after all its movements or, with `before`, after
 * those dated before that day (a period's opening): read from its latest row; summed over its ledger
 * only when that row was written before supplies:005.
 */
export function balanceOf(db: DB, itemId: number, before: string | null = null): Balance {
  const stored = storedBalance(db, itemId, before);
  if (stored === undefined) return { qty: 0, value: 0 };
  if (stored.qty !== null && stored.value !== null) return { qty: stored.qty, value: stored.value };
  return cached(db, 'SELECT COALESCE(SUM(qty), 0) AS qty, COALESCE(SUM(value), 0) AS value FROM supplies_ledger WHERE item_id = @item AND (@before IS NULL OR moved_on < @before)').get({
    item: itemId,
    before,
  }) as Balance;
}

/** The latest date that binds an item's next movement: its last movement, reversal or count (each found by its index). */
export function lastDateOf(db: DB, itemId: number): string | null {
  return cached(
      db,
      `SELECT max(d) FROM (SELECT max(moved_on) AS d FROM supplies_movements WHERE item_id = @id
       UNION ALL SELECT max(moved_on) FROM supplies_reversals WHERE item_id = @id
       UNION ALL SELECT max(counted_on) FROM supplies_stocktake_results WHERE item_id = @id)`,
    )
    .pluck()
    .get({ id: itemId }) as string | null;
}

/** The unit price of the item's last receipt that was not reversed. */
export const lastReceiptPrice = (db: DB, itemId: number) =>
  cached(
      db,
      "SELECT m.unit_price FROM supplies_movements m WHERE m.item_id = ? AND m.kind = '入库' AND NOT EXISTS (SELECT 1 FROM supplies_reversals r WHERE r.movement_id = m.id) ORDER BY m.id DESC LIMIT 1",
    )
    .pluck()
    .get(itemId) as number | undefined;

/** A movement or a reversal by its row id. */
export const movementById = (db: DB, id: number) => cached(db, 'SELECT * FROM supplies_ledger WHERE id = ?').get(id) as MovementRow | undefined;

/** A movement or a reversal by its number: year and serial. */
export function movementByNumber(db: DB, year: number, serial: number): MovementRow | undefined {
  // each table by its (year, serial) index, or a row written before supplies:004 by its id within the year
  const id = cached(
      db,
      `SELECT id FROM supplies_movements WHERE year = @year AND serial = @serial AND serial IS NOT NULL
       UNION ALL SELECT id FROM supplies_reversals WHERE year = @year AND serial = @serial AND serial IS NOT NULL
       UNION ALL SELECT id FROM supplies_movements WHERE id = @serial AND serial IS NULL AND moved_on >= @from AND moved_on <= @to
       UNION ALL SELECT id FROM supplies_reversals WHERE id = @serial AND serial IS NULL AND moved_on >= @from AND moved_on <= @to
       LIMIT 1`,
    )
    .pluck()
    .get({ year, serial, from: `${year}-01-01`, to: `${year}-12-31` }) as number | undefined;
  return id === undefined ? undefined : movementById(db, id);
}

/** The reversal of a movement, if it has one. */
export const reversalOf = (db: DB, movementId: number) => cached(db, 'SELECT * FROM supplies_reversals WHERE movement_id = ?').get(movementId) as ReversalRow | undefined;

/**
 * The next serial of a year in the one series that movements and reversals share (inside the write
 * transaction): after the year's newest, or after the highest number the year's rows written before
 * supplies:004 carry (their row id).
 */
export function nextMovementSerial(db: DB, year: number): number {
  // `serial IS NOT NULL` lets SQLite use the partial index (year, serial): without it, each new number scanned the table
  const last = cached(
    db,
    'SELECT max(COALESCE((SELECT max(serial) FROM supplies_movements WHERE year = @y AND serial IS NOT NULL), 0), COALESCE((SELECT max(serial) FROM supplies_reversals WHERE year = @y AND serial IS NOT NULL), 0))')
    .pluck()
    .get({ y: year }) as number;
  if (last > 0) return last + 1;
  const span = { from: `${year}-01-01`, to: `${year}-12-31` };
  const old = cached(
      db,
      `SELECT max(COALESCE((SELECT max(id) FROM supplies_movements WHERE serial IS NULL AND moved_on >= @from AND moved_on <= @to), 0),
                  COALESCE((SELECT max(id) FROM supplies_reversals WHERE serial IS NULL AND moved_on >= @from AND moved_on <= @to), 0))`,
    )
    .pluck()
    .get(span) as number;
  return old + 1;
}

/** The next row id of the one series that movements and reversals share (computed inside the write transaction). */
export function nextMovementId(db: DB): number {
  return (cached(db, 'SELECT max(COALESCE((SELECT max(id) FROM supplies_movements), 0), COALESCE((SELECT max(id) FROM supplies_reversals), 0))').pluck().get() as number) + 1;
}

// ---- plans

// What a plan has received: its receipts less their reversals (supplies_ledger's two halves, each
// found by the plan's index; SQLite cannot push a correlated filter into the UNION ALL view).
const RECEIVED = `(COALESCE((SELECT SUM(m.qty) FROM supplies_movements m WHERE m.plan_id = p.id), 0)
       + COALESCE((SELECT SUM(r.qty) FROM supplies_movements o JOIN supplies_reversals r ON r.movement_id = o.id WHERE o.plan_id = p.id), 0))`;

const PLAN_SELECT = `
SELECT p.id, p.number, p.item_id, p.qty, p.drafted_on, p.needed_by, p.reason,
       a.approver, a.on_date AS approved_on,
       ${RECEIVED} AS received,
       CASE WHEN x.id IS NOT NULL THEN '已取消'
            WHEN a.id IS NULL THEN '草拟'
            WHEN ${RECEIVED} >= p.qty THEN '已完成'
            ELSE '已批准' END AS state
FROM supplies_plans p
LEFT JOIN supplies_plan_events a ON a.plan_id = p.id AND a.state = '已批准'
LEFT JOIN supplies_plan_events x ON x.plan_id = p.id AND x.state = '已取消'`;

export const planByNumber = (db: DB, number: string) => cached(db, `${PLAN_SELECT} WHERE p.number = ?`).get(number) as PlanRow | undefined;

export function listPlans(db: DB, f: { state?: string; from?: string; to?: string }): PlanRow[] {
  const rows = cached(db, `SELECT * FROM (${PLAN_SELECT}) WHERE (@from IS NULL OR drafted_on >= @from) AND (@to IS NULL OR drafted_on <= @to) ORDER BY number`).all({
    from: f.from ?? null,
    to: f.to ?? null,
  }) as PlanRow[];
  return f.state ? rows.filter((r) => r.state === f.state) : rows;
}


export function nextSerial(db: DB, table: 'supplies_plans' | 'supplies_stocktakes', year: number): number {
  return ((cached(db, `SELECT max(serial) FROM ${table} WHERE year = ?`).pluck().get(year) as number | null) ?? 0) + 1;
}

// ---- stocktakes

const TAKE_SELECT = `
SELECT s.id, s.number, s.counted_on, s.counter, s.witness, s.scope, COALESCE(e.state, '进行中') AS state, e.reason
FROM supplies_stocktakes s LEFT JOIN supplies_stocktake_events e ON e.stocktake_id = s.id`;

export const stocktakeByNumber = (db: DB, number: string) => cached(db, `${TAKE_SELECT} WHERE s.number = ?`).get(number) as StocktakeRow | undefined;
export const openStocktake = (db: DB) => cached(db, `${TAKE_SELECT} WHERE e.id IS NULL ORDER BY s.id DESC LIMIT 1`).get() as StocktakeRow | undefined;
export const listStocktakes = (db: DB) => cached(db, `${TAKE_SELECT} ORDER BY s.id`).all() as StocktakeRow[];

/** The open count that holds this item, if any. */
export function openCountOf(db: DB, itemId: number): StocktakeRow | undefined {
  return db
    .prepare(`${TAKE_SELECT} JOIN supplies_stocktake_items si ON si.stocktake_id = s.id AND si.item_id = ? WHERE e.id IS NULL LIMIT 1`)
    .get(itemId) as StocktakeRow | undefined;
}

export interface TakeLine extends ItemRow {
  book_qty: number;
  counted: number | null;
  /** The stored result once the count is closed. */
  result_value: number | null;
}

/** The items of a count (or the one item asked for) with their book quantity and the latest count entered for each. */
export function takeLines(db: DB, stocktakeId: number, itemId?: number): TakeLine[] {
  return cached(
      db,
      `SELECT c.*, si.book_qty,
              (SELECT k.counted FROM supplies_counts k WHERE k.stocktake_id = si.stocktake_id AND k.item_id = si.item_id ORDER BY k.id DESC LIMIT 1) AS counted,
              (SELECT r.value FROM supplies_stocktake_results r WHERE r.stocktake_id = si.stocktake_id AND r.item_id = si.item_id) AS result_value
       FROM supplies_stocktake_items si JOIN supplies_items_current c ON c.id = si.item_id
       WHERE si.stocktake_id = @take AND (@item IS NULL OR si.item_id = @item) ORDER BY c.category, c.name, c.spec, c.id`,
    )
    .all({ take: stocktakeId, item: itemId ?? null }) as TakeLine[];
}

// ---- views

export interface StockRow extends ItemRow {
  qty: number;
  value: number;
  last_counted: string | null;
  /** Units still to come: drafted or approved plans, less what was received against them. */
  to_come: number;
}

/** Every item (in use, or all) with its balance, read from its latest ledger row (balanceOf) rather than summed over the ledger. */
export function stockRows(db: DB, all: boolean): StockRow[] {
  const rows = cached(
      db,
      `SELECT c.*,
              (SELECT max(r.counted_on) FROM supplies_stocktake_results r WHERE r.item_id = c.id) AS last_counted,
              COALESCE(tc.to_come, 0) AS to_come
       FROM supplies_items_current c
       LEFT JOIN (SELECT item_id, SUM(qty - received) AS to_come FROM (${PLAN_SELECT}) WHERE state IN ('草拟', '已批准') GROUP BY item_id) tc ON tc.item_id = c.id
       ${all ? '' : "WHERE c.state = '在用'"}
       ORDER BY c.category, c.name, c.spec, c.id`,
    )
    .all() as Omit<StockRow, 'qty' | 'value'>[];
  return rows.map((r) => ({ ...r, ...balanceOf(db, r.id) }));
}

export interface MovementFilter {
  from?: string;
  to?: string;
  itemId?: number;
  dept?: string;
  kind?: string;
}

export interface MovementListRow extends MovementRow {
  name: string;
  spec: string;
  unit: string;
  balance: number;
  plan: string | null;
  stocktake: string | null;
  operator: string | null;
  /** For a movement that was reversed: the row id of its reversal. */
  reversed_by: number | null;
  /** The numbers (year, serial) of the movement a reversal reverses, and of the reversal of a reversed movement. */
  reverses_year: number | null;
  reverses_serial: number | null;
  reversed_by_year: number | null;
  reversed_by_serial: number | null;
}

// A line's running balance: stored on the row since supplies:005; for a row written before it, the
// sum of the item's rows up to it (each table's half found by its (item_id, id) index).
const runningBalance = (t: string) => `COALESCE(${t}.balance_qty,
         COALESCE((SELECT SUM(a.qty) FROM supplies_movements a WHERE a.item_id = ${t}.item_id AND a.id <= ${t}.id), 0)
         + COALESCE((SELECT SUM(a.qty) FROM supplies_reversals a WHERE a.item_id = ${t}.item_id AND a.id <= ${t}.id), 0))`;

/** The person who posted a row, from its journal entry. */
const operatorOf = (t: string, table: string) => `(SELECT j.operator FROM journal j WHERE j.tbl = '${table}' AND j.row_id = ${t}.id)`;

/** The number people see of a movement or reversal row `t` (rows before supplies:004: year of date, row id). */
const yearOf = (t: string) => `COALESCE(${t}.year, CAST(substr(${t}.moved_on, 1, 4) AS INTEGER))`;
const serialOf = (t: string) => `COALESCE(${t}.serial, ${t}.id)`;

/**
 * Movements in posting order, each with the item's running balance after it. The two halves of the
 * ledger (movements, reversals) are read apart and merged in date order, each from its date index:
 * a period is an index range, the whole list an ordered walk.
 */
export function iterateMovements(db: DB, f: MovementFilter): IterableIterator<MovementListRow> {
  const conditions = (t: string, kind: string, dept: string) =>
    whereOf([
      f.from && [`${t}.moved_on >= @from`, { from: f.from }],
      f.to && [`${t}.moved_on <= @to`, { to: f.to }],
      f.itemId !== undefined && [`${t}.item_id = @item`, { item: f.itemId }],
      f.dept && [`${dept} = @dept`, { dept: f.dept }],
      f.kind && [`${kind} = @kind`, { kind: f.kind }],
    ]);
  const movements = conditions('m', 'm.kind', 'm.dept');
  const reversals = conditions('r', "'冲销'", 'o.dept');
  return cached(
      db,
      `SELECT m.id AS id, m.item_id, m.kind, m.kind AS books_as, m.moved_on AS moved_on, m.qty, m.value, m.unit_price, m.supplier, m.plan_id,
              m.dept, m.person, m.approver, m.stocktake_id, m.reason, NULL AS reverses, ${yearOf('m')} AS year, ${serialOf('m')} AS serial,
              m.balance_qty, m.balance_value, c.name, c.spec, c.unit, ${runningBalance('m')} AS balance,
              p.number AS plan, s.number AS stocktake, ${operatorOf('m', 'supplies_movements')} AS operator,
              x.id AS reversed_by, ${yearOf('x')} AS reversed_by_year, ${serialOf('x')} AS reversed_by_serial,
              NULL AS reverses_year, NULL AS reverses_serial
       FROM supplies_movements m
       LEFT JOIN supplies_reversals x ON x.movement_id = m.id
       JOIN supplies_items_current c ON c.id = m.item_id
       LEFT JOIN supplies_plans p ON p.id = m.plan_id
       LEFT JOIN supplies_stocktakes s ON s.id = m.stocktake_id
       ${movements.sql}
       UNION ALL
       SELECT r.id, r.item_id, '冲销', o.kind, r.moved_on, r.qty, r.value, o.unit_price, o.supplier, o.plan_id,
              o.dept, o.person, r.approver, o.stocktake_id, r.reason, r.movement_id, ${yearOf('r')}, ${serialOf('r')},
              r.balance_qty, r.balance_value, c.name, c.spec, c.unit, ${runningBalance('r')},
              p.number, s.number, ${operatorOf('r', 'supplies_reversals')},
              NULL, NULL, NULL, ${yearOf('o')}, ${serialOf('o')}
       FROM supplies_reversals r
       JOIN supplies_movements o ON o.id = r.movement_id
       JOIN supplies_items_current c ON c.id = r.item_id
       LEFT JOIN supplies_plans p ON p.id = o.plan_id
       LEFT JOIN supplies_stocktakes s ON s.id = o.stocktake_id
       ${reversals.sql}
       ORDER BY moved_on, id`,
    )
    .iterate({ ...movements.params, ...reversals.params }) as IterableIterator<MovementListRow>;
}

export interface MonthRow {
  id: number;
  name: string;
  spec: string;
  unit: string;
  opening_qty: number;
  opening_value: number;
  received_qty: number;
  received_value: number;
  issued_qty: number;
  issued_value: number;
  written_off_qty: number;
  written_off_value: number;
  adjusted_qty: number;
  adjusted_value: number;
  closing_qty: number;
  closing_value: number;
  /** Receipts of the period without a purchase plan (--unplanned). */
  unplanned: number;
}

type PeriodSums = Omit<MonthRow, 'name' | 'spec' | 'unit' | 'opening_qty' | 'opening_value' | 'closing_qty' | 'closing_value'> & { net_qty: number; net_value: number };

/**
 * The month-end summary: per item, its balance before the period (read from its last row before it,
 * balanceOf) and the sums of its rows within the period by kind (outflows as positive numbers), those
 * rows found by their date index. A reversal counts in the column of the kind it reverses, with the
 * opposite sign (红字): a reversed receipt lowers `received`, a reversed issue lowers `issued`.
 */
export function monthRows(db: DB, from: string, to: string): MonthRow[] {
  const sum = (kind: string, col: string, sign = '') => `COALESCE(SUM(CASE WHEN m.books_as = '${kind}' THEN ${sign}m.${col} END), 0)`;
  const sums = cached(
      db,
      `SELECT m.item_id AS id,
              ${sum('入库', 'qty')} AS received_qty, ${sum('入库', 'value')} AS received_value,
              ${sum('领用', 'qty', '-')} AS issued_qty, ${sum('领用', 'value', '-')} AS issued_value,
              ${sum('报废', 'qty', '-')} AS written_off_qty, ${sum('报废', 'value', '-')} AS written_off_value,
              ${sum('盘点调整', 'qty')} AS adjusted_qty, ${sum('盘点调整', 'value')} AS adjusted_value,
              SUM(m.qty) AS net_qty, SUM(m.value) AS net_value,
              COUNT(CASE WHEN m.kind = '入库' AND m.plan_id IS NULL THEN 1 END) AS unplanned
       FROM supplies_ledger m WHERE m.moved_on >= @from AND m.moved_on <= @to
       GROUP BY m.item_id`,
    )
    .all({ from, to }) as PeriodSums[];
  const inPeriod = new Map(sums.map((r) => [r.id, r]));
  const rows: MonthRow[] = [];
  for (const item of listItems(db, true)) {
    const opening = balanceOf(db, item.id, from);
    const moved = inPeriod.get(item.id);
    if (!moved && opening.qty === 0 && opening.value === 0) continue;
    const { net_qty = 0, net_value = 0, ...period } = moved ?? { id: item.id, received_qty: 0, received_value: 0, issued_qty: 0, issued_value: 0, written_off_qty: 0, written_off_value: 0, adjusted_qty: 0, adjusted_value: 0, unplanned: 0 };
    rows.push({ ...period, name: item.name, spec: item.spec, unit: item.unit, opening_qty: opening.qty, opening_value: opening.value, closing_qty: opening.qty + net_qty, closing_value: opening.value + net_value });
  }
  return rows;
}

export interface UsageRow {
  dept: string;
  person: string;
  id: number;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  value: number;
  times: number;
}

/**
 * Issues of a period by department, person and item (quantities and values as positive numbers). A reversed
 * issue counts against the department and person of the issue it reverses, with the opposite sign, and
 * takes one off `times`; a group that nets to nothing is left out.
 */
export function usageRows(db: DB, from: string, to: string, dept?: string): UsageRow[] {
  return cached(
      db,
      `SELECT m.dept, m.person, c.id, c.name, c.spec, c.unit, -SUM(m.qty) AS qty, -SUM(m.value) AS value,
              SUM(CASE m.kind WHEN '冲销' THEN -1 ELSE 1 END) AS times
       FROM supplies_ledger m JOIN supplies_items_current c ON c.id = m.item_id
       WHERE m.books_as = '领用' AND m.moved_on BETWEEN @from AND @to AND (@dept IS NULL OR m.dept = @dept)
       GROUP BY m.dept, m.person, c.id
       HAVING SUM(CASE m.kind WHEN '冲销' THEN -1 ELSE 1 END) <> 0 OR SUM(m.qty) <> 0 OR SUM(m.value) <> 0
       ORDER BY m.dept, m.person, c.name, c.spec, c.id`,
    )
    .all({ from, to, dept: dept ?? null }) as UsageRow[];
}

/** Approved plans not yet fully received that carry a needed-by date, for the deadline engine. */
export const openPlansWithDate = (db: DB) =>
  cached(db, `SELECT * FROM (${PLAN_SELECT}) WHERE state = '已批准' AND needed_by IS NOT NULL ORDER BY needed_by`).all() as PlanRow[];
