/**
 * Text as people type it, made comparable once for every register: full-width digits, letters
 * and signs folded (NFKC: `２０２６－０００１` is `2026-0001`), every dash look-alike
 * (‐ ‑ ‒ – — ― − ﹘ ﹣) made `-`, and lists of names split on the commas people type.
 */
import type { Label } from './i18n.js';

const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** Full-width forms folded, dash look-alikes made `-`, the ends trimmed. */
export function foldTyped(text: string): string {
  return text.normalize('NFKC').replace(DASHES, '-').trim();
}

/**
 * Reads an entry number as typed — `2026-0001`, `m2026-1`, `Y２０２６—０００１`, `J2026_1` — given
 * the letters its series may start with (`''` for none). Returns the stored form
 * (prefix, year, `-`, the serial padded to 4 digits), or null when the text is not shaped like
 * one of them (the caller then tries its other kinds of reference, or says it is not found).
 */
export function entryNumber(ref: string, prefixes: readonly string[]): string | null {
  const m = /^([A-Z]*)(\d{4})[-_\s]+0*(\d{1,9})$/.exec(foldTyped(ref).toUpperCase());
  if (!m || !prefixes.includes(m[1]!)) return null;
  return `${m[1]}${m[2]}-${m[3]!.padStart(4, '0')}`;
}

/** What separates names in one option: `A,B`, `A，B`, `A、B`. */
export const SEPARATOR = /[,，、]/;

/** Splits repeated flags and `A,B，C、D` into trimmed items, in order, repeats and blanks kept. */
export function splitList(values: string | string[] | undefined): string[] {
  if (values === undefined) return [];
  return (Array.isArray(values) ? values : [values]).flatMap((v) => v.split(SEPARATOR)).map((n) => n.trim());
}


/** A register's word as typed on the command line in English: `in use` is `in-use`, `leader's seal` `leaders-seal` (no quote to escape in a shell). */
export function englishWord(l: Label): string {
  return l.en.toLowerCase().replace(/['’]/g, '').replace(/[\s_]+/g, '-');
}

/**
 * A register's stored word (a state, a kind) from what was typed: the stored word itself
 * (`已登记`) or its English (`registered`, `in-use`, `In use`), whatever the current language.
 * Undefined when it is none of `stored`.
 */
export function storedWord(typed: string, stored: readonly string[], words: Record<string, Label>): string | undefined {
  const text = foldTyped(typed);
  if (stored.includes(text)) return text;
  const en = text.toLowerCase().replace(/['’]/g, '').replace(/[\s_-]+/g, '-');
  return stored.find((w) => words[w] !== undefined && englishWord(words[w]!) === en);
}
