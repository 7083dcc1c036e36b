/**
 * Control characters that reach output (stored by an older version, or echoed from a refused
 * argument) are shown as visible escapes, so text can never drive the terminal it is printed
 * on: C0 controls and DEL as `\x1b`, C1 controls as `\u0085`. A newline stays a line break
 * where the format has lines (tables, CSV cells, messages); TSV turns it into a space first.
 */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
const CONTROLS_AND_NEWLINE = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeOne(ch: string): string {
  const cp = ch.charCodeAt(0);
  return cp < 0x80 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** The text with every control character shown as an escape; `keepNewline` leaves U+000A as it is. */
export function visible(text: string, keepNewline = true): string {
  return text.replace(keepNewline ? CONTROLS : CONTROLS_AND_NEWLINE, escapeOne);
}

/** JSON text with C1 controls escaped too (JSON.stringify leaves U+0080–U+009F raw, and a terminal obeys them). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\u009f]/g, escapeOne);
}
