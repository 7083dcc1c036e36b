/**
 * Table layout, done before a table reaches its renderer: which columns show, how wide each is,
 * and each cell finished to that width. Identifiers (numbers, dates, codes, states) never break;
 * free text shares what width is left, cut with `…` (a list on a terminal) or wrapped (`show`,
 * the paper books). Every step is linear in the text (or n log n in the number of columns).
 */
import { displayWidth, truncateText, wrapText } from './width.js';

export type ColumnKind = 'id' | 'text';

/** The table as text: header labels and body cells, with what each column is. */
export interface Grid {
  head: string[];
  body: string[][];
  kinds: ColumnKind[];
  /** A text column's wrapping width in a full layout (undefined: its natural width). */
  wraps: (number | undefined)[];
  /** How much a narrow terminal needs each column: the lowest are left out first (from the right among equals). */
  ranks: number[];
}

/** A table ready to draw: the columns kept (indexes into the grid), their widths, cells as single lines or joined with `\n`. */
export interface Laid {
  keep: number[];
  head: string[];
  body: string[][];
  /** Columns left out for want of width (indexes into the grid). */
  hidden: number[];
}

/** The narrowest a text column gets before a column is left out instead: four CJK characters. */
export const MIN_TEXT = 8;

const lines = (text: string) => text.split(/\r\n|\r|\n/);
const widest = (text: string) => lines(text).reduce((w, l) => Math.max(w, displayWidth(l)), 0);

/** Everything, nothing cut: text columns wrap at their hint, identifiers keep their width. For books, --wide and piped tables. */
export function fullLayout(g: Grid): Laid {
  const keep = g.head.map((_, i) => i);
  // a text column wraps at its hint, or at its label's width when that is wider
  const wrapAt = g.wraps.map((w, i) => (g.kinds[i] === 'text' && w !== undefined ? Math.max(w, displayWidth(g.head[i]!)) : undefined));
  const finish = (text: string, i: number) => {
    const w = wrapAt[i];
    return w !== undefined ? lines(text).flatMap((l) => wrapText(l, w)).join('\n') : text;
  };
  return { keep, head: g.head.map(finish), body: g.body.map((cells) => cells.map(finish)), hidden: [] };
}

/**
 * Fits `width` with `gap` columns between columns, one line per row (`cut`) or text wrapped
 * (`wrap`, for one entry's fields). Empty columns are left out; identifiers keep their full
 * width; text columns share the rest. When even that does not fit, columns are left out, the
 * least needed first (their rank), and reported in `hidden`.
 */
export function fitLayout(g: Grid, width: number, gap: number, mode: 'cut' | 'wrap'): Laid {
  const flat = mode === 'cut' ? (t: string) => (/[\r\n]/.test(t) ? t.replace(/\r\n|\r|\n/g, ' ') : t) : (t: string) => t;
  const body = g.body.map((cells) => cells.map(flat));
  const n = g.head.length;
  const cellWidth = body.length ? Array.from({ length: n }, (_, i) => body.reduce((w, cells) => Math.max(w, widest(cells[i]!)), 0)) : g.head.map(() => 0);
  let keep = g.head.map((_, i) => i).filter((i) => cellWidth[i]! > 0 || body.length === 0);
  if (keep.length === 0) keep = g.head.map((_, i) => i);
  const headWidth = g.head.map((h) => displayWidth(h));
  const natural = (i: number) => Math.max(cellWidth[i]!, headWidth[i]!);
  const least = (i: number) => (g.kinds[i] === 'id' ? natural(i) : Math.min(natural(i), MIN_TEXT));
  const hidden: number[] = [];
  const need = () => keep.reduce((s, i) => s + least(i), 0) + gap * (keep.length - 1);
  let total = need();
  while (total > width && keep.length > 1) {
    let out = keep.length - 1;
    for (let k = out - 1; k >= 0; k--) if (g.ranks[keep[k]!]! < g.ranks[keep[out]!]!) out = k;
    hidden.push(keep[out]!);
    keep.splice(out, 1);
    total = need();
  }
  hidden.sort((a, b) => a - b);
  const widths = new Map(keep.map((i) => [i, least(i)]));
  shareOut(
    keep.filter((i) => g.kinds[i] === 'text'),
    widths,
    natural,
    width - total,
  );
  const finish = (text: string, i: number) => {
    const w = widths.get(i)!;
    if (g.kinds[i] === 'id' || displayWidth(text) <= w) return text;
    return mode === 'cut' ? truncateText(text, w) : lines(text).flatMap((l) => wrapText(l, w)).join('\n');
  };
  const head = keep.map((i) => (g.kinds[i] === 'text' ? truncateText(g.head[i]!, widths.get(i)!) : g.head[i]!));
  return { keep, head, body: body.map((cells) => keep.map((i) => finish(cells[i]!, i))), hidden };
}

/** Shares `room` among text columns (water-filling): the narrow get all they need, the wide share the rest evenly. */
function shareOut(cols: number[], widths: Map<number, number>, natural: (i: number) => number, room: number): void {
  const wanting = cols.map((i) => ({ i, want: natural(i) - widths.get(i)! })).sort((a, b) => a.want - b.want);
  let left = room;
  for (let k = 0; k < wanting.length && left > 0; k++) {
    const { i, want } = wanting[k]!;
    const give = Math.min(want, Math.floor(left / (wanting.length - k)));
    widths.set(i, widths.get(i)! + give);
    left -= give;
  }
  for (const { i } of wanting) {
    // what the even shares' rounding left over, to the columns still short
    if (left <= 0) break;
    const more = Math.min(left, natural(i) - widths.get(i)!);
    widths.set(i, widths.get(i)! + more);
    left -= more;
  }
}
