/**
 * The rules of the supplies register, part 4: 红字冲销 (reversal). A movement posted wrongly is not
 * offset by a fake issue or receipt: a reversal names it, says why, and carries its exact opposite
 * quantity and value. It takes the next number of the movements' series and is dated like any
 * movement (today by default, not before the item's last entry, not while the item is being counted).
 *
 * Valuation: the reversal takes out (or puts back) exactly the value the movement put in (or took
 * out), so the item's value stays the sum of its movements and nothing is restated. Outflows posted
 * between the two were valued at the average of their day and keep that value. A reversal that
 * would leave the item with fewer than 0 units, a negative value, or a value without units is
 * refused: the units or value it would take back have gone out since, and the later outflows must
 * be reversed first (newest first).
 */
import { writeTx } from '../../core/db.js';
import { dataError, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { word } from './columns.js';
import { foldTyped, entryNumber } from '../../core/typed.js';
import { checkFits, checkMovable, itemText, moved, movementSeries, REGISTER, today, type Moved } from './rules.js';
import { balanceOf, itemById, movementById, movementByNumber, movementNo, reversalOf, type MovementRow } from './sql.js';
import { formatYuan } from './valuation.js';

/**
 * MOVEMENT as `movements` shows it: `2026-0012`, `2026-12`, full-width `２０２６－００１２`; a bare `12`
 * (or `#12`) is number 12 of `year` (this year). Anything else is a usage error.
 */
export function movementNumber(ref: string, year: number): { year: number; serial: number } {
  const text = foldTyped(ref);
  const full = entryNumber(text, ['']);
  if (full !== null) {
    const [y, serial] = full.split('-').map(Number) as [number, number];
    if (serial >= 1) return { year: y, serial };
  }
  const bare = /^#?\s*0*(\d{1,9})$/.exec(text);
  if (!bare || Number(bare[1]) < 1) throw usageError('supplies.movementRef', { ref });
  return { year, serial: Number(bare[1]) };
}

export interface ReverseInput {
  reason?: string;
  approver?: string;
  date?: string;
}

export interface Reversed extends Moved {
  /** The movement reversed. */
  original: MovementRow;
}

/** 冲销 movement `ref`: once only, never a reversal itself; refused when it would leave the item short or its value wrong. */
export function reverseMovement(ctx: Ctx, ref: string, r: ReverseInput): Reversed {
  const number = movementNumber(ref, Number(today(ctx).slice(0, 4)));
  const why = requireReason(r.reason);
  const approver = r.approver?.trim() || null;
  return writeTx(ctx.db, () => {
    const original = movementByNumber(ctx.db, number.year, number.serial);
    const id = movementNo(number);
    if (!original) throw dataError('supplies.movementNotFound', { id });
    if (original.kind === '冲销') throw dataError('supplies.reverseReversal', { id, of: movementNo(movementById(ctx.db, original.reverses!)!) });
    const earlier = reversalOf(ctx.db, original.id);
    if (earlier) throw dataError('supplies.alreadyReversed', { id, by: movementNo(movementById(ctx.db, earlier.id)!), date: earlier.moved_on });
    const item = itemById(ctx.db, original.item_id)!;
    const date = r.date ?? today(ctx);
    checkMovable(ctx, item, date);
    const bal = balanceOf(ctx.db, item.id);
    const after = { qty: bal.qty - original.qty, value: bal.value - original.value };
    const what = { id, kind: word(original.kind), qty: Math.abs(original.qty), unit: item.unit, item: itemText(item), balance: bal.qty, balanceValue: formatYuan(bal.value) };
    if (after.qty < 0) throw dataError('supplies.reverseShort', what);
    if (after.value < 0 || (after.qty === 0 && after.value !== 0)) throw dataError('supplies.reverseValue', { ...what, value: formatYuan(-original.value), leftQty: after.qty, leftValue: formatYuan(after.value) });
    checkFits(item, bal, -original.qty, -original.value);
    const p = post(ctx, {
      register: REGISTER,
      action: 'reverse',
      table: 'supplies_reversals',
      values: { ...movementSeries(ctx, date), movement_id: original.id, item_id: item.id, moved_on: date, qty: -original.qty, value: -original.value, approver, reason: why, balance_qty: after.qty, balance_value: after.value },
      reason: why,
    });
    return { ...moved(ctx, p.id, item), original };
  });
}
