/** 档号 as people type them. */
/** A 档号 as typed: upper case, and the dots people type for the middle dot (. ・ • ‧ ･ ∙ ⋅ ．) made U+00B7. */
export function normalizeArchiveNo(text: string): string {
  return text.trim().toUpperCase().replace(/[.\u30fb\u2022\u2027\uff65\u2219\u22c5\uff0e]/g, '\u00b7');
}

