/**
 * 办公用品库存台账. Everything is an append-only event:
 * - supplies_items (identity) + supplies_item_revisions (its card: a correction or a retirement is a new revision);
 * - supplies_movements: 入库 / 领用 / 报废 / 盘点调整, each with its signed quantity and signed value in fen.
 *   The balance of an item is SUM(qty), its value SUM(value); since 005 each new row also carries the
 *   balance after it (balance_qty, balance_value: the row before's plus its own, checked by a trigger),
 *   so the balance is read from the item's latest row; rows before 005 carry NULL and are summed;
 * - supplies_plans + supplies_plan_events (采购计划: 草拟 → 已批准 → received against, or 已取消);
 * - supplies_stocktakes (盘点): the items in scope with their book quantity, the counts entered
 *   (latest wins), one closing or cancelling event, and on close one result row per item
 *   (book, counted, difference, value, counted_on: the item's last-counted date);
 * - supplies_reversals (003, 红字冲销): one row per reversed movement, with the exact opposite quantity
 *   and value. Movements and reversals share one series of numbers, and every query reads them through
 *   the view supplies_ledger (a reversal appears there as kind 冲销, `books_as` the kind it reverses).
 * - year, serial (004) of movements and reversals: the number people see restarts each year, 2026-0012
 *   (the year of the movement's date; movements and reversals share the year's series). Rows written
 *   before 004 keep theirs: the year of their date and their row id, read through COALESCE in
 *   supplies_ledger, never filled in (they still verify against their journal entries).
 */
import { appendOnly, type Migration } from '../../core/db.js';

/** The tables of migration 001, frozen: that migration makes exactly these append-only. */
const TABLES_001 = [
  'supplies_items',
  'supplies_item_revisions',
  'supplies_plans',
  'supplies_plan_events',
  'supplies_stocktakes',
  'supplies_stocktake_items',
  'supplies_counts',
  'supplies_stocktake_events',
  'supplies_stocktake_results',
  'supplies_movements',
];

export const tables = [...TABLES_001, 'supplies_reversals'];

export const migrations: Migration[] = [
  {
    id: 'supplies:001-register',
    up(db) {
      db.exec(`
CREATE TABLE supplies_items (
  id INTEGER PRIMARY KEY,
  added_on TEXT NOT NULL
);
CREATE TABLE supplies_item_revisions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES supplies_items (id),
  name TEXT NOT NULL CHECK (name <> ''),
  spec TEXT NOT NULL CHECK (spec <> ''),
  unit TEXT NOT NULL CHECK (unit <> ''),
  category TEXT,
  price INTEGER CHECK (price >= 0),
  reorder INTEGER NOT NULL CHECK (reorder >= 0),
  state TEXT NOT NULL CHECK (state IN ('在用', '停用')),
  corrects INTEGER REFERENCES supplies_item_revisions (id),
  reason TEXT
);
CREATE INDEX supplies_item_revisions_item ON supplies_item_revisions (item_id, id);
CREATE VIEW supplies_items_current AS
SELECT i.id, i.added_on, r.id AS revision, r.name, r.spec, r.unit, r.category, r.price, r.reorder, r.state
FROM supplies_items i
JOIN supplies_item_revisions r ON r.id = (SELECT max(x.id) FROM supplies_item_revisions x WHERE x.item_id = i.id);

CREATE TABLE supplies_plans (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  item_id INTEGER NOT NULL REFERENCES supplies_items (id),
  qty INTEGER NOT NULL CHECK (qty >= 1),
  drafted_on TEXT NOT NULL,
  needed_by TEXT,
  reason TEXT,
  UNIQUE (year, serial)
);
CREATE TABLE supplies_plan_events (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES supplies_plans (id),
  state TEXT NOT NULL CHECK (state IN ('已批准', '已取消')),
  on_date TEXT NOT NULL,
  approver TEXT,
  reason TEXT,
  CHECK (state <> '已批准' OR approver IS NOT NULL),
  CHECK (state <> '已取消' OR reason IS NOT NULL)
);
CREATE INDEX supplies_plan_events_plan ON supplies_plan_events (plan_id, id);

CREATE TABLE supplies_stocktakes (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  counted_on TEXT NOT NULL,
  counter TEXT NOT NULL CHECK (counter <> ''),
  witness TEXT NOT NULL CHECK (witness <> ''),
  scope TEXT NOT NULL CHECK (scope IN ('全部', '部分')),
  UNIQUE (year, serial)
);
CREATE TABLE supplies_stocktake_items (
  id INTEGER PRIMARY KEY,
  stocktake_id INTEGER NOT NULL REFERENCES supplies_stocktakes (id),
  item_id INTEGER NOT NULL REFERENCES supplies_items (id),
  book_qty INTEGER NOT NULL,
  UNIQUE (stocktake_id, item_id)
);
CREATE INDEX supplies_stocktake_items_item ON supplies_stocktake_items (item_id, stocktake_id);
CREATE TABLE supplies_counts (
  id INTEGER PRIMARY KEY,
  stocktake_id INTEGER NOT NULL REFERENCES supplies_stocktakes (id),
  item_id INTEGER NOT NULL REFERENCES supplies_items (id),
  counted INTEGER NOT NULL CHECK (counted >= 0),
  source TEXT NOT NULL CHECK (source IN ('录入', '导入'))
);
CREATE INDEX supplies_counts_take ON supplies_counts (stocktake_id, item_id, id);
CREATE TABLE supplies_stocktake_events (
  id INTEGER PRIMARY KEY,
  stocktake_id INTEGER NOT NULL UNIQUE REFERENCES supplies_stocktakes (id),
  state TEXT NOT NULL CHECK (state IN ('已结束', '已取消')),
  on_date TEXT NOT NULL,
  reason TEXT,
  CHECK (state <> '已取消' OR reason IS NOT NULL)
);
CREATE TABLE supplies_stocktake_results (
  id INTEGER PRIMARY KEY,
  stocktake_id INTEGER NOT NULL REFERENCES supplies_stocktakes (id),
  item_id INTEGER NOT NULL REFERENCES supplies_items (id),
  counted_on TEXT NOT NULL,
  book_qty INTEGER NOT NULL,
  counted INTEGER NOT NULL CHECK (counted >= 0),
  difference INTEGER NOT NULL CHECK (difference = counted - book_qty),
  value INTEGER NOT NULL,
  UNIQUE (stocktake_id, item_id)
);
CREATE INDEX supplies_stocktake_results_item ON supplies_stocktake_results (item_id, counted_on);

CREATE TABLE supplies_movements (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES supplies_items (id),
  kind TEXT NOT NULL CHECK (kind IN ('入库', '领用', '报废', '盘点调整')),
  moved_on TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK (qty <> 0),
  value INTEGER NOT NULL,
  unit_price INTEGER CHECK (unit_price >= 0),
  supplier TEXT,
  plan_id INTEGER REFERENCES supplies_plans (id),
  dept TEXT,
  person TEXT,
  approver TEXT,
  stocktake_id INTEGER REFERENCES supplies_stocktakes (id),
  reason TEXT,
  CHECK (kind <> '入库' OR (qty > 0 AND value >= 0 AND unit_price IS NOT NULL AND value = qty * unit_price)),
  CHECK (kind NOT IN ('领用', '报废') OR (qty < 0 AND value <= 0)),
  CHECK (kind <> '领用' OR (dept IS NOT NULL AND person IS NOT NULL)),
  CHECK (kind <> '报废' OR reason IS NOT NULL),
  CHECK (kind <> '盘点调整' OR (stocktake_id IS NOT NULL AND reason IS NOT NULL))
);
CREATE INDEX supplies_movements_item ON supplies_movements (item_id, id);
CREATE INDEX supplies_movements_date ON supplies_movements (moved_on, id);
${TABLES_001.map(appendOnly).join('\n')}`);
    },
  },
  {
    // what was received against each plan is summed per plan, for every plan listed or suggested
    id: 'supplies:002-movements-by-plan',
    up(db) {
      db.exec('CREATE INDEX supplies_movements_plan ON supplies_movements (plan_id) WHERE plan_id IS NOT NULL;');
    },
  },
  {
    // 红字冲销. The CHECK of supplies_movements cannot be altered, so a reversal is a row of its own
    // table; it takes the next number of the movements' series (the rules give every movement and
    // reversal its id; the triggers refuse a number used twice and a reversal that is not the exact
    // opposite of the movement it names). Existing rows are not touched.
    id: 'supplies:003-reversals',
    up(db) {
      db.exec(`
CREATE TABLE supplies_reversals (
  id INTEGER PRIMARY KEY,
  movement_id INTEGER NOT NULL UNIQUE REFERENCES supplies_movements (id),
  item_id INTEGER NOT NULL REFERENCES supplies_items (id),
  moved_on TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK (qty <> 0),
  value INTEGER NOT NULL,
  approver TEXT,
  reason TEXT NOT NULL CHECK (reason <> '')
);
CREATE INDEX supplies_reversals_item ON supplies_reversals (item_id, id);
CREATE INDEX supplies_reversals_date ON supplies_reversals (moved_on, id);
CREATE TRIGGER supplies_reversals_exact AFTER INSERT ON supplies_reversals BEGIN
  SELECT RAISE(ABORT, 'supplies_reversals: the number is a movement''s already') WHERE EXISTS (SELECT 1 FROM supplies_movements WHERE id = NEW.id);
  SELECT RAISE(ABORT, 'supplies_reversals: not the exact opposite of the movement it reverses')
  WHERE NOT EXISTS (SELECT 1 FROM supplies_movements o WHERE o.id = NEW.movement_id AND o.item_id = NEW.item_id AND o.qty = -NEW.qty AND o.value = -NEW.value AND o.moved_on <= NEW.moved_on);
END;
CREATE TRIGGER supplies_movements_number_free AFTER INSERT ON supplies_movements
WHEN EXISTS (SELECT 1 FROM supplies_reversals WHERE id = NEW.id) BEGIN
  SELECT RAISE(ABORT, 'supplies_movements: the number is a reversal''s already');
END;
CREATE VIEW supplies_ledger AS
SELECT m.id, m.item_id, m.kind, m.kind AS books_as, m.moved_on, m.qty, m.value, m.unit_price, m.supplier, m.plan_id,
       m.dept, m.person, m.approver, m.stocktake_id, m.reason, NULL AS reverses
FROM supplies_movements m
UNION ALL
SELECT r.id, r.item_id, '冲销', o.kind, r.moved_on, r.qty, r.value, o.unit_price, o.supplier, o.plan_id,
       o.dept, o.person, r.approver, o.stocktake_id, r.reason, r.movement_id
FROM supplies_reversals r JOIN supplies_movements o ON o.id = r.movement_id;
${appendOnly('supplies_reversals')}`);
    },
  },
  {
    // 收发记录的序号 restarts each year (2026-0012), one series for movements and reversals. Older rows
    // keep year of date + row id (supplies_ledger reads them through COALESCE); the unique indexes
    // and triggers guard the new numbers across both tables, and the partial indexes find the
    // highest old number of a year, after which the year's new rows continue.
    id: 'supplies:004-yearly-numbers',
    up(db) {
      db.exec(`
ALTER TABLE supplies_movements ADD COLUMN year INTEGER CHECK (year BETWEEN 1000 AND 9999);
ALTER TABLE supplies_movements ADD COLUMN serial INTEGER CHECK (serial >= 1);
CREATE UNIQUE INDEX supplies_movements_year_serial ON supplies_movements (year, serial) WHERE serial IS NOT NULL;
CREATE INDEX supplies_movements_before_yearly ON supplies_movements (moved_on, id) WHERE serial IS NULL;
CREATE TRIGGER supplies_movements_serial_free AFTER INSERT ON supplies_movements
WHEN NEW.serial IS NOT NULL AND EXISTS (SELECT 1 FROM supplies_reversals x WHERE x.year = NEW.year AND x.serial = NEW.serial) BEGIN
  SELECT RAISE(ABORT, 'supplies_movements: the year''s number is taken already');
END;
ALTER TABLE supplies_reversals ADD COLUMN year INTEGER CHECK (year BETWEEN 1000 AND 9999);
ALTER TABLE supplies_reversals ADD COLUMN serial INTEGER CHECK (serial >= 1);
CREATE UNIQUE INDEX supplies_reversals_year_serial ON supplies_reversals (year, serial) WHERE serial IS NOT NULL;
CREATE INDEX supplies_reversals_before_yearly ON supplies_reversals (moved_on, id) WHERE serial IS NULL;
CREATE TRIGGER supplies_reversals_serial_free AFTER INSERT ON supplies_reversals
WHEN NEW.serial IS NOT NULL AND EXISTS (SELECT 1 FROM supplies_movements x WHERE x.year = NEW.year AND x.serial = NEW.serial) BEGIN
  SELECT RAISE(ABORT, 'supplies_reversals: the year''s number is taken already');
END;
DROP VIEW supplies_ledger;
CREATE VIEW supplies_ledger AS
SELECT m.id, m.item_id, m.kind, m.kind AS books_as, m.moved_on, m.qty, m.value, m.unit_price, m.supplier, m.plan_id,
       m.dept, m.person, m.approver, m.stocktake_id, m.reason, NULL AS reverses,
       COALESCE(m.year, CAST(substr(m.moved_on, 1, 4) AS INTEGER)) AS year, COALESCE(m.serial, m.id) AS serial
FROM supplies_movements m
UNION ALL
SELECT r.id, r.item_id, '冲销', o.kind, r.moved_on, r.qty, r.value, o.unit_price, o.supplier, o.plan_id,
       o.dept, o.person, r.approver, o.stocktake_id, r.reason, r.movement_id,
       COALESCE(r.year, CAST(substr(r.moved_on, 1, 4) AS INTEGER)), COALESCE(r.serial, r.id)
FROM supplies_reversals r JOIN supplies_movements o ON o.id = r.movement_id;`);
    },
  },
  {
    // 结存 after each movement and reversal, stored on the row as it is written (the item's previous
    // row's balance plus this row), so an item's balance, a line's running balance and a period's
    // opening are read from one row found by index instead of summed over the item's whole ledger
    // (#16). Rows written before this migration keep NULL (never filled in: they verify against their
    // journal entries) and are summed as before; the first row after them stores the sum.
    // (item_id, moved_on) finds an item's last date without walking its rows.
    id: 'supplies:005-running-balance',
    up(db) {
      // the triggers refuse a stored balance that is not the item's row before plus this one: that row's
      // stored balance, or (before it, rows without one) the sum of the item's earlier rows
      const earlier = (table: string, what: string) => `SELECT ${what} FROM ${table} WHERE item_id = NEW.item_id AND id < NEW.id`;
      const BEFORE = `(SELECT * FROM (${earlier('supplies_movements', 'id, balance_qty, balance_value')} ORDER BY id DESC LIMIT 1)
        UNION ALL SELECT * FROM (${earlier('supplies_reversals', 'id, balance_qty, balance_value')} ORDER BY id DESC LIMIT 1) ORDER BY id DESC LIMIT 1)`;
      const SUM = (col: string) => `(${earlier('supplies_movements', `COALESCE(SUM(${col}), 0)`)}) + (${earlier('supplies_reversals', `COALESCE(SUM(${col}), 0)`)})`;
      /** Refuses a row whose stored balance is not the one before plus this row. */
      const balanceTrigger = (table: string) => `CREATE TRIGGER ${table}_balance AFTER INSERT ON ${table}
WHEN NEW.balance_qty IS NOT NULL OR NEW.balance_value IS NOT NULL BEGIN
  SELECT RAISE(ABORT, '${table}: the balance is not the one before plus this row')
  WHERE NEW.balance_qty IS NOT NEW.qty + COALESCE((SELECT balance_qty FROM ${BEFORE}), ${SUM('qty')})
     OR NEW.balance_value IS NOT NEW.value + COALESCE((SELECT balance_value FROM ${BEFORE}), ${SUM('value')});
END;`;
      db.exec(`
ALTER TABLE supplies_movements ADD COLUMN balance_qty INTEGER;
ALTER TABLE supplies_movements ADD COLUMN balance_value INTEGER;
ALTER TABLE supplies_reversals ADD COLUMN balance_qty INTEGER;
ALTER TABLE supplies_reversals ADD COLUMN balance_value INTEGER;
CREATE INDEX supplies_movements_item_date ON supplies_movements (item_id, moved_on);
CREATE INDEX supplies_reversals_item_date ON supplies_reversals (item_id, moved_on);
${balanceTrigger('supplies_movements')}
${balanceTrigger('supplies_reversals')}
DROP VIEW supplies_ledger;
CREATE VIEW supplies_ledger AS
SELECT m.id, m.item_id, m.kind, m.kind AS books_as, m.moved_on, m.qty, m.value, m.unit_price, m.supplier, m.plan_id,
       m.dept, m.person, m.approver, m.stocktake_id, m.reason, NULL AS reverses,
       COALESCE(m.year, CAST(substr(m.moved_on, 1, 4) AS INTEGER)) AS year, COALESCE(m.serial, m.id) AS serial,
       m.balance_qty, m.balance_value
FROM supplies_movements m
UNION ALL
SELECT r.id, r.item_id, '冲销', o.kind, r.moved_on, r.qty, r.value, o.unit_price, o.supplier, o.plan_id,
       o.dept, o.person, r.approver, o.stocktake_id, r.reason, r.movement_id,
       COALESCE(r.year, CAST(substr(r.moved_on, 1, 4) AS INTEGER)), COALESCE(r.serial, r.id),
       r.balance_qty, r.balance_value
FROM supplies_reversals r JOIN supplies_movements o ON o.id = r.movement_id;`);
    },
  },
];
