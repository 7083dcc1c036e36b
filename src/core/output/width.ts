/** Display width of terminal text: CJK and full-width forms take two columns (the same ranges cli-table3 measures with). */
function wide(cp: number): boolean {
  return (
    cp >= 0x1100 &&
    (cp <= 0x115f ||
      cp === 0x2329 ||
      cp === 0x232a ||
      (cp >= 0x2e80 && cp <= 0x3247 && cp !== 0x303f) ||
      (cp >= 0x3250 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0xa4c6) ||
      (cp >= 0xa960 && cp <= 0xa97c) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe10 && cp <= 0xfe19) ||
      (cp >= 0xfe30 && cp <= 0xfe6b) ||
      (cp >= 0xff01 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1b000 && cp <= 0x1b001) ||
      (cp >= 0x1f200 && cp <= 0x1f251) ||
      (cp >= 0x20000 && cp <= 0x3fffd))
  );
}

function charWidth(cp: number): number {
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f)) return 0;
  return wide(cp) ? 2 : 1;
}

const ANSI = /\u001b\[[0-9;]*m/g;

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(ANSI, '')) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * Breaks text into lines of at most `width` columns, never losing a character: at spaces where
 * it can, between any two CJK characters, and inside a long word only when it must.
 */
export function wrapText(text: string, width: number): string[] {
  if (!/[\r\n]/.test(text) && displayWidth(text) <= width) return [text];
  const out: string[] = [];
  for (const para of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let lineWidth = 0;
    let lastSpace = -1; // index in `line` after which a break may go
    for (const ch of para) {
      const w = charWidth(ch.codePointAt(0)!);
      if (lineWidth + w > width && line !== '') {
        if (ch === ' ') {
          out.push(line);
          line = '';
          lineWidth = 0;
          lastSpace = -1;
          continue;
        }
        if (lastSpace > 0 && !wide(ch.codePointAt(0)!)) {
          const head = line.slice(0, lastSpace).trimEnd();
          const tail = line.slice(lastSpace);
          out.push(head);
          line = tail;
          lineWidth = displayWidth(tail);
        } else {
          out.push(line);
          line = '';
          lineWidth = 0;
        }
        lastSpace = -1;
      }
      line += ch;
      lineWidth += w;
      if (ch === ' ' || wide(ch.codePointAt(0)!)) lastSpace = line.length;
    }
    out.push(line);
  }
  return out;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts text to at most `width` columns, ending it with `…` when something was cut. Reads only as far as it keeps. */
export function truncateText(text: string, width: number): string {
  if (width <= 0) return '';
  let kept = '';
  let w = 0;
  let end = -1; // length of `kept` that still leaves room for the ellipsis
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width) return kept.slice(0, end < 0 ? 0 : end) + '…';
    kept += ch;
    w += cw;
    if (w <= width - 1) end = kept.length;
  }
  return kept;
}
