/**
 * Money in integer fen (分) and the moving weighted-average cost (移动加权平均).
 *
 * An item holds Q units worth V fen (both sums of its movements). A receipt adds
 * qty × unit price. An outflow of q units (issue, write-off, stocktake shortage) takes
 *
 *     round(q × V / Q)   rounded half up, in exact integer arithmetic,
 *
 * and the units left keep V minus that, so the remainder of every rounding stays in stock:
 * taking the last unit (q = Q) takes exactly V, an empty item is worth exactly 0, and the
 * values of all movements always add up to the value on hand. A stocktake surplus adds
 * round(q × V / Q) the same way; when the book holds nothing it is valued at the item's last
 * receipt price, else its card price, else 0.
 */
import { usageError } from '../../core/errors.js';
import { formatYuan, yuanToFen } from '../../core/money.js';

/**
 * The largest unit price, in fen (9 999 999.99 yuan). With at most MAX_QTY units a movement,
 * one movement's value stays far below 2^53, so every value is an exact integer in JavaScript too.
 */
export const MAX_PRICE_FEN = 999_999_999;

/** Parses a price in yuan (see core/money.ts) to integer fen; anything else is refused naming the value. */
export function parseYuan(text: string): number {
  const fen = yuanToFen(text);
  if (fen === null) throw usageError('supplies.price', { value: text });
  return fen;
}

export { formatYuan };

/** round(a × b / c) half up, for a, b ≥ 0 and c > 0, in BigInt so no product loses precision. */
function mulDivRound(a: number, b: number, c: number): number {
  const [x, y, z] = [BigInt(a), BigInt(b), BigInt(c)];
  return Number((2n * x * y + z) / (2n * z));
}

/** The value (positive fen) of taking q of Q units worth V fen: round(q·V/Q); q = Q takes exactly V. */
export function outflowValue(q: number, Q: number, V: number): number {
  if (!(q > 0 && q <= Q && V >= 0)) throw new Error(`outflowValue(${q}, ${Q}, ${V})`);
  return q === Q ? V : mulDivRound(q, V, Q);
}

/**
 * The signed value of a stocktake difference d (counted − book) against a book of Q units worth V:
 * a shortage is an outflow; a surplus is valued at the average cost, or at `fallbackPrice` when the book is empty.
 */
export function adjustmentValue(d: number, Q: number, V: number, fallbackPrice: number): number {
  if (d === 0) return 0;
  if (d < 0) return -outflowValue(-d, Q, V);
  return Q > 0 ? mulDivRound(d, V, Q) : d * fallbackPrice;
}

/** The average unit cost in fen (for display only; never stored or summed). */
export function averageCost(Q: number, V: number): number | null {
  return Q > 0 ? mulDivRound(1, V, Q) : null;
}
