import { describe, expect, it } from 'vitest';
import { checkPrefix, docNoLines, docNoSearchText, formatDocNo, parseDocNo, readDocNo, recordDocNo } from '../../src/core/docno.js';
import { setLang } from '../../src/core/i18n.js';

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

describe('a 文号 as incoming and archive record it (recordDocNo)', () => {
  it('stores look-alike brackets as 〔〕 and says so', () => {
    for (const typed of ['财预[2026]12号', '财预【2026】12号', '财预(2026)12号', '财预（2026）12号', '财预［２０２６］１２号']) {
      const r = recordDocNo(typed);
      expect(r.value, typed).toBe('财预〔2026〕12号');
      expect(r.notes).toEqual([{ key: 'docno.bracketsChanged', params: { typed, value: '财预〔2026〕12号' } }]);
    }
  });
  it('keeps a well-formed number as it is, with nothing to say', () => {
    expect(recordDocNo(' 财预〔2026〕12号 ')).toEqual({ value: '财预〔2026〕12号', notes: [] });
  });
  it('keeps a form the standard forbids as written, naming the rule', () => {
    const cases: [string, string, string][] = [
      ['财预〔2026〕012号', '财预〔2026〕012号', 'docno.leadingZero'],
      ['财预〔2026〕第12号', '财预〔2026〕第12号', 'docno.di'],
      ['财预〔26〕12号', '财预〔26〕12号', 'docno.year'],
      ['财预〔2026〕12', '财预〔2026〕12', 'docno.hao'],
      ['财预[26]12号', '财预〔26〕12号', 'docno.year'],
    ];
    for (const [typed, value, rule] of cases) {
      const r = recordDocNo(typed);
      expect(r.value, typed).toBe(value);
      expect(r.notes.at(-1), typed).toEqual({ key: 'docno.keptAsWritten', params: { rule, value } });
    }
    // brackets changed and a forbidden form: both said
    expect(recordDocNo('财预[2026]012号').notes.map((n) => n.key)).toEqual(['docno.bracketsChanged', 'docno.keptAsWritten']);
  });
  it("keeps a number that is not a 文号 as typed, without a word", () => {
    for (const typed of ['HT-2026-001', '合同(甲)001', '2026-15', 'No. 12 (draft)']) expect(recordDocNo(typed), typed).toEqual({ value: typed, notes: [] });
  });
  it('says each note in one line, zh and en', () => {
    setLang('zh');
    try {
      expect(docNoLines('财预[2026]12号')).toEqual(['文号“财预[2026]12号”的括号已改为六角括号：财预〔2026〕12号']);
      expect(docNoLines('财预〔2026〕012号')).toEqual(['文号“财预〔2026〕012号”：序号不编虚位，1 不写作 01（GB/T 9704 §7.2.5）。已按原文照录，未改动。']);
    } finally {
      setLang('en');
    }
    expect(docNoLines('财预〔2026〕第12号')).toEqual(['the document number "财预〔2026〕第12号": no 第 before the serial (GB/T 9704 §7.2.5). Kept as written.']);
    expect(docNoLines(undefined)).toEqual([]);
    expect(docNoLines(' ')).toEqual([]);
    expect(docNoLines('HT-2026-001')).toEqual([]);
  });
  it('reads a search text with 〔〕 for its look-alike brackets', () => {
    expect(docNoSearchText('[2026]')).toBe('〔2026〕');
    expect(docNoSearchText('财预（2026）')).toBe('财预〔2026〕');
    expect(docNoSearchText('预算')).toBe('预算');
  });
});
