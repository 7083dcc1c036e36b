/**
 * The relay register's face: the only file another register may import from relay/
 * (test/architecture.test.ts). How other registers name a relay entry in links and typed
 * references, and the one line their `show` gives it.
 */
import type { DB } from '../../core/db.js';
import { entryNumber } from '../../core/typed.js';
import { SERIES, shownSummary, stateOf } from './rules.js';
import { findByNumber } from './sql.js';

/** The canonical number a typed reference names (`cd2026-1` → `CD2026-0001`), or undefined when there is none. */
export function find(db: DB, typed: string): string | undefined {
  const number = entryNumber(typed, SERIES);
  return number === null ? undefined : findByNumber(db, number)?.number;
}

/** One line naming the entry: its main points (classified ones masked), its day, its state. */
export function summary(db: DB, ref: string): string {
  const row = findByNumber(db, ref);
  if (!row) return ref;
  return `${shownSummary(row, false)}（${row.on_date}，${stateOf(row)}）`;
}
