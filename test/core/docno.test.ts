import { describe, expect, it } from 'vitest';
import { checkPrefix, formatDocNo, parseDocNo, readDocNo } from '../../src/core/docno.js';

describe('发文字号 (GB/T 9704)', () => {
  it('writes 代字〔年份〕序号号 with six-corner brackets and no padding', () => {
    expect(formatDocNo({ prefix: '国办发', year: 2026, serial: 7 })).toBe('国办发〔2026〕7号');
    expect(formatDocNo({ prefix: '某办函', year: 2027, serial: 120 })).toBe('某办函〔2027〕120号');
  });
  it('reads a well-formed number and folds look-alike brackets, saying so', () => {
    expect(parseDocNo('国办发〔2026〕7号')).toEqual({ prefix: '国办发', year: 2026, serial: 7, bracketsChanged: false });
    for (const typed of ['国办发[2026]7号', '国办发【2026】7号', '国办发(2026)7号', '国办发（2026）7号', ' 国办发［２０２６］７号 ']) {
      const r = readDocNo(typed);
      expect(r.text).toBe('国办发〔2026〕7号');
      expect(r.docNo).toEqual({ prefix: '国办发', year: 2026, serial: 7 });
      expect(r.bracketsChanged).toBe(true);
    }
  });
  it('names the rule a malformed number breaks', () => {
    expect(readDocNo('国办发〔2026〕07号').problem).toBe('docno.leadingZero');
    expect(readDocNo('国办发〔2026〕第7号').problem).toBe('docno.di');
    expect(readDocNo('国办发〔26〕7号').problem).toBe('docno.year');
    expect(readDocNo('国办发〔2026〕7').problem).toBe('docno.hao');
    expect(readDocNo('国办发〔2026〕七号').problem).toBe('docno.serial');
    expect(readDocNo('国办发2026年7号').problem).toBe('docno.form');
    expect(() => parseDocNo('国办发[2026]07号')).toThrow(/docno.leadingZero/);
  });
  it('checks an issuer code', () => {
    expect(checkPrefix(' 某办发 ')).toBe('某办发');
    for (const bad of ['', '某 办', '某办〔', '办2']) expect(() => checkPrefix(bad)).toThrow(/docno.prefix/);
  });
});
