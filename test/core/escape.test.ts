import { describe, expect, it } from 'vitest';
import { csvCell, tsvCell, tsvLine } from '../../src/core/output/csv.js';
import { jsonText, visible } from '../../src/core/output/escape.js';
import { layoutTable, renderStream, type Column } from '../../src/core/output/render.js';
import { memoryOut } from '../../src/core/output/sink.js';

const ESC_TITLE = '\u001b]0;PWNED\u0007标题\u0085尾\u009b31m';

describe('control characters in output', () => {
  it('are shown as \\x1b / \\u0085 escapes; a newline stays a line break', () => {
    expect(visible(ESC_TITLE)).toBe('\\x1b]0;PWNED\\x07标题\\u0085尾\\u009b31m');
    expect(visible('a\nb\tc\u007f')).toBe('a\nb\\x09c\\x7f');
    expect(visible('a\nb', false)).toBe('a\\x0ab');
  });

  it('never reach a table, CSV or TSV raw', () => {
    const cols: Column[] = [{ key: 't', label: { zh: '标题', en: 'title' }, kind: 'text' }];
    const { body } = layoutTable(cols, [{ t: ESC_TITLE }], undefined);
    expect(body[0]![0]).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(body[0]![0]).toContain('\\x1b]0;PWNED');
    expect(csvCell(ESC_TITLE)).toBe('\\x1b]0;PWNED\\x07标题\\u0085尾\\u009b31m');
    expect(tsvCell(ESC_TITLE)).toBe('\\x1b]0;PWNED\\x07标题\\u0085尾\\u009b31m');
    for (const format of ['csv', 'tsv'] as const) {
      const out = memoryOut();
      renderStream(out, cols, [{ t: ESC_TITLE }], { format, bom: false });
      expect(out.text()).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    }
  });

  it('JSON escapes U+0080–U+009F too, and still parses to the same text', () => {
    expect(JSON.stringify({ t: 'a\u0085' })).toContain('\u0085'); // what JSON.stringify alone does
    expect(jsonText({ t: 'a\u0085\u009b' })).toBe('{"t":"a\\u0085\\u009b"}');
    const out = memoryOut();
    renderStream(out, [{ key: 't', label: { zh: '标题', en: 'title' }, kind: 'text' }], [{ t: ESC_TITLE }], { format: 'json', bom: false });
    expect(out.text()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(out.text())).toEqual([{ t: ESC_TITLE }]);
  });
});

describe('TSV for scripts', () => {
  it('neutralises formula starters as CSV does; numbers stay numbers', () => {
    for (const v of ['=1+1', '+86', '-2+3', '-1e3', '@SUM(A1)', '＝1', '＋1', '－1', '＠x']) expect(tsvCell(v)).toMatch(/^'/);
    expect(tsvCell('-12.50')).toBe('-12.50'); // a negative amount is no formula: a script sums it
    expect(tsvCell('\tx')).toBe(' x'); // a tab or line break in a TSV cell becomes a space

    expect(tsvCell(-2)).toBe('-2');
    expect(tsvCell('000003')).toBe('000003');
    expect(tsvLine(['=HYPERLINK("x")', 3])).toBe(`'=HYPERLINK("x")\t3\n`);
  });
});
