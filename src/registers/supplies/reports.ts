/**
 * The views of the supplies register, computed apart from rendering: plain rows keyed by the
 * column keys (money in integer fen). Each is a pure function of the database.
 */
import type { DB } from '../../core/db.js';
import { label } from '../../core/i18n.js';
import type { Row } from '../../core/output/render.js';
import type { Suggestion } from './plans.js';
import { itemById, iterateMovements, movementNo, listPlans, listStocktakes, monthRows, stockRows, takeLines, usageRows, type ItemRow, type MovementFilter, type PlanRow } from './sql.js';
import type { DiffLine } from './stocktake.js';
import { averageCost } from './valuation.js';

const itemPart = (r: { id: number; name: string; spec: string; unit: string }) => ({ item: r.id, name: r.name, spec: r.spec, unit: r.unit });

export const itemRow = (r: ItemRow): Row => ({ ...itemPart(r), category: r.category, priceFen: r.price, reorder: r.reorder, state: r.state });

/** 库存: on hand, value, average cost, below-reorder flag, still to come, last counted. */
export function stockView(db: DB, opts: { all?: boolean; below?: boolean } = {}): Row[] {
  return stockRows(db, opts.all === true)
    .map((r) => ({
      ...itemPart(r),
      category: r.category,
      qty: r.qty,
      valueFen: r.value,
      averageFen: averageCost(r.qty, r.value),
      reorder: r.reorder,
      below: r.reorder > 0 && r.qty < r.reorder,
      toCome: r.to_come,
      lastCounted: r.last_counted,
    }))
    .filter((r) => !opts.below || r.below);
}

export function* movementView(db: DB, f: MovementFilter): Generator<Row> {
  for (const m of iterateMovements(db, f))
    yield {
      no: movementNo(m),
      date: m.moved_on,
      kind: m.kind,
      ...itemPart({ id: m.item_id, name: m.name, spec: m.spec, unit: m.unit }),
      qty: m.qty,
      unitPriceFen: m.unit_price,
      valueFen: m.value,
      balance: m.balance,
      dept: m.dept,
      person: m.person,
      approver: m.approver,
      supplier: m.supplier,
      plan: m.plan,
      stocktake: m.stocktake,
      reason: m.reason,
      reverses: m.reverses_year === null ? null : movementNo({ year: m.reverses_year, serial: m.reverses_serial! }),
      reversedBy: m.reversed_by_year === null ? null : movementNo({ year: m.reversed_by_year, serial: m.reversed_by_serial! }),
      operator: m.operator,
    };
}

const totalLabel = () => label({ zh: '合计', en: 'total' });

/** 领用汇总 by department and person, with a total row (values only: units differ between items). */
export function usageView(db: DB, from: string, to: string, dept?: string): Row[] {
  const rows: Row[] = usageRows(db, from, to, dept).map((r) => ({ dept: r.dept, person: r.person, ...itemPart(r), qty: r.qty, valueFen: r.value, times: r.times }));
  if (rows.length) rows.push({ dept: totalLabel(), valueFen: rows.reduce((a, r) => a + (r.valueFen as number), 0), times: rows.reduce((a, r) => a + (r.times as number), 0) });
  return rows;
}

const REPORT_KEYS = ['opening', 'received', 'issued', 'writtenOff', 'adjusted', 'closing'] as const;

/**
 * 收发存汇总表 for one period: per item opening, received, issued, written off, adjusted and
 * closing (quantity and value), with a total row of values. closing = opening + received −
 * issued − written off + adjusted, and equals the next period's opening (both are sums of movements).
 */
export function monthReport(db: DB, from: string, to: string): { items: Row[]; total: Row } {
  const items = monthRows(db, from, to).map((r) => {
    const row: Row = {
      ...itemPart(r),
      openingQty: r.opening_qty,
      openingValueFen: r.opening_value,
      receivedQty: r.received_qty,
      receivedValueFen: r.received_value,
      issuedQty: r.issued_qty,
      issuedValueFen: r.issued_value,
      writtenOffQty: r.written_off_qty,
      writtenOffValueFen: r.written_off_value,
      adjustedQty: r.adjusted_qty,
      adjustedValueFen: r.adjusted_value,
      closingQty: r.closing_qty,
      closingValueFen: r.closing_value,
      unplanned: r.unplanned,
    };
    if (r.opening_qty + r.received_qty - r.issued_qty - r.written_off_qty + r.adjusted_qty !== r.closing_qty) throw new Error(`report does not balance for item ${r.id}`);
    return row;
  });
  const total: Row = { name: totalLabel() };
  for (const k of REPORT_KEYS) total[`${k}ValueFen`] = items.reduce((a, r) => a + (r[`${k}ValueFen`] as number), 0);
  total.unplanned = items.reduce((a, r) => a + (r.unplanned as number), 0);
  return { items, total };
}

function planRow(p: PlanRow, item: ItemRow): Row {
  const toCome = p.state === '草拟' || p.state === '已批准' ? p.qty - p.received : 0;
  return {
    number: p.number,
    drafted: p.drafted_on,
    ...itemPart(item),
    qty: p.qty,
    received: p.received,
    toCome,
    estimateFen: item.price === null ? null : item.price * p.qty,
    neededBy: p.needed_by,
    state: p.state,
    approver: p.approver,
    reason: p.reason,
  };
}

/** 采购计划 with what is still to come. */
export function planView(db: DB, f: { state?: string; from?: string; to?: string }): Row[] {
  return listPlans(db, f).map((p) => planRow(p, itemById(db, p.item_id)!));
}

export const suggestionRow = (s: Suggestion): Row => ({ ...itemPart(s), qty: s.qty, reorder: s.reorder, toCome: s.toCome, proposed: s.proposed, estimateFen: s.price === null ? null : s.price * s.proposed });

export const diffRow = (l: DiffLine): Row => ({ ...itemPart(l), book: l.book, counted: l.counted, difference: l.difference, valueFen: l.value, result: l.result });

export function stocktakeView(db: DB): Row[] {
  return listStocktakes(db).map((s) => {
    const lines = takeLines(db, s.id);
    return {
      number: s.number,
      date: s.counted_on,
      counter: s.counter,
      witness: s.witness,
      scope: s.scope,
      state: s.state,
      items: lines.length,
      differences: lines.filter((l) => l.counted !== null && l.counted !== l.book_qty).length,
      reason: s.reason,
    };
  });
}
