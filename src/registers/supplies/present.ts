/** What every supplies command shares: rendering rows (money as yuan in CSV), quantities and dates from the command line. */
import { parseDate } from '../../core/dates.js';
import { usageError } from '../../core/errors.js';
import { chooseFormat, type Column, type Row } from '../../core/output/render.js';
import type { OutputOpts, Session } from '../../cli/kit.js';
import { moneyForFormat } from './columns.js';
import { MAX_QTY } from './rules.js';

/** Renders rows like s.output, with money columns as yuan numbers when the format is CSV. */
export async function outputRows(s: Session, columns: Column[], rows: Row[], o: OutputOpts): Promise<void> {
  const toFile = o.output !== undefined && o.output !== '-';
  const shaped = moneyForFormat(columns, rows, chooseFormat(o.format, o.output, !toFile && s.io.stdout.isTTY));
  await s.output(shaped.columns, shaped.rows, o);
}

/** A whole number of at least 1 (from an option already parsed, or a prompt's answer). */
export function qtyOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !/^\s*\d{1,9}\s*$/.test(v) || Number(v) < 1 || Number(v) > MAX_QTY) throw usageError('supplies.qty', { value: v, max: MAX_QTY });
  return Number(v);
}

export const dateOf = (s: Session, v: string | undefined) => (v === undefined ? undefined : parseDate(v, s.clock));
