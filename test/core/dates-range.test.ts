import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { parseDate, parseMonth } from '../../src/core/dates.js';
import { cli, tempDir } from '../helpers.js';

const clock = fixedClock('2026-11-27T09:30');

describe('years outside 1000–9999', () => {
  it.each(['0000-01', '0000-12', '0001-01', '0099-11', '0999-11', '000001'])('month %j is refused, not read as a year of the 1900s', (input) => {
    expect(() => parseMonth(input, clock)).toThrow(/month.invalid/);
  });

  it.each(['0000-01-01', '0099-01-01', '0999-12-31', '+9999y', '-2100y'])('date %j is refused', (input) => {
    expect(() => parseDate(input, clock)).toThrow(/date.invalid/);
  });

  it('the edges still work', () => {
    expect(parseMonth('1000-01', clock).from).toBe('1000-01-01');
    expect(parseMonth('9999-12', clock).to).toBe('9999-12-31');
    expect(parseDate('+10y', clock)).toBe('2036-11-27');
  });

  it('--month 0000-01 is a usage error (exit 2)', async () => {
    const dir = tempDir();
    try {
      const env = { WENMI_DB: path.join(dir, 'w.db') };
      expect((await cli(['init'], { env })).code).toBe(0);
      const r = await cli(['incoming', 'list', '--month', '0000-01'], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('"0000-01" is not a valid month');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
