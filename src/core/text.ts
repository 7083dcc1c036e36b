/**
 * Text from users is data, never commands, and never unbounded: one table of the longest text
 * each field takes, control characters refused, full-width digits read as ASCII ones.
 * The CLI checks every option and argument against these (kit.run), imports every cell.
 */
import { usageError } from './errors.js';

/** Fields that may hold several lines (a newline, U+000A, is allowed there and nowhere else). */
export const MULTILINE_FIELDS: readonly string[] = ['note', 'opinion', 'text'];

/**
 * The longest text (in characters) a field takes, by option name without `--` or argument name.
 * Anything not named here takes DEFAULT_TEXT_LIMIT. The README lists these.
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  note: 2000,
  opinion: 2000,
  text: 2000,
  title: 500,
  reason: 500,
  purpose: 500,
  attachments: 500,
  search: 500,
  value: 500,
  sender: 200,
  supplier: 200,
  location: 200,
  circle: 500,
  add: 500,
  remove: 500,
  items: 500,
  attendees: 4000,
  agenda: 2000,
  arrangements: 2000,
  materials: 500,
  equipment: 500,
  item: 500,
  summary: 2000,
  db: 4096,
  output: 4096,
  found: 4096,
  file: 4096,
};

/** Names of people, departments, item codes, dates, numbers, …: every field not in TEXT_LIMITS. */
export const DEFAULT_TEXT_LIMIT = 100;

/** The most characters one cell of an imported file may hold (the longest field). */
export const MAX_CELL_LENGTH = 2000;

export function textLimit(field: string): number {
  return TEXT_LIMITS[field] ?? DEFAULT_TEXT_LIMIT;
}

/** C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F). */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** The first control character in the text (a newline counts only when `multiline` is false), or undefined. */
export function controlIn(text: string, multiline = false): string | undefined {
  return (multiline ? CONTROL_BUT_NEWLINE : CONTROL).exec(text)?.[0];
}

/** `U+001B`: how a message names a character. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Refuses (exit 2) text that holds a control character or is longer than its field takes.
 * `field` is the option's name without `--` (or an argument's name); `flag` how messages name it.
 */
export function checkInputText(text: string, field: string, flag: string): void {
  const bad = controlIn(text, MULTILINE_FIELDS.includes(field));
  if (bad !== undefined) throw usageError('input.control', { flag, char: codePointName(bad) });
  const max = textLimit(field);
  const length = [...text].length;
  if (length > max) throw usageError('input.tooLong', { flag, max, length });
}

