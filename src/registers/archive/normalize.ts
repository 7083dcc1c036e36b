/** 档号 as people type them. */
import { foldTyped } from '../../core/typed.js';

/**
 * A 档号 as typed, made comparable: full-width letters, digits and signs folded (NFKC), upper
 * case, the dots people type for the middle dot (. ・ • ‧ ･ ∙ ⋅ ．) made U+00B7, and the dashes
 * (－ ‐ ‑ – — −) made `-`. Keeps partial numbers partial, so `search` can use it.
 */
export function normalizeArchiveNo(text: string): string {
  return foldTyped(text)
    .toUpperCase()
    .replace(/[.\u30fb\u2022\u2027\uff65\u2219\u22c5]/g, '\u00b7');
}

/** A whole 档号 as typed, for an exact look-up: normalized, and a short 件号 padded (`…-Y-7` is `…-Y-0007`). */
export function canonicalArchiveNo(text: string): string {
  return normalizeArchiveNo(text).replace(/-(\d{1,3})$/, (_, n: string) => `-${n.padStart(4, '0')}`);
}
