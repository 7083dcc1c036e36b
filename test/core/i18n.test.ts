import { afterEach, describe, expect, it } from 'vitest';
import { intArg } from '../../src/cli/kit.js';
import { addMessages, detectLang, setLang, t, wordsText, yesNo } from '../../src/core/i18n.js';

afterEach(() => setLang('en'));

describe('messages', () => {
  it('picks Chinese for a zh locale, English otherwise, LC_ALL first', () => {
    expect(detectLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLang({})).toBe('en');
  });

  it('shows a register word in English under en and as stored under zh', () => {
    addMessages({ zh: { 'test.state': '{ref} 处于“{state}”状态。' }, en: { 'test.state': '{ref} is {state}.' }, terms: { 外借: 'on loan' } });
    expect(t('test.state', { ref: 'S001', state: '外借' })).toBe('S001 is on loan.');
    addMessages({ zh: {}, en: {}, terms: { 在用: 'in use' } });
    expect(t('test.state', { ref: 'S001', state: '在用、外借' })).toBe('S001 is in use, on loan.');
    expect(t('test.state', { ref: 'S001', state: '在用、别的' })).toBe('S001 is 在用、别的.');
    setLang('zh');
    expect(t('test.state', { ref: 'S001', state: '外借' })).toBe('S001 处于“外借”状态。');
  });
});

describe('counts', () => {
  it('agrees a word with its count: {n|one|many}', () => {
    addMessages({ zh: { 'test.count': '共 {n} 件。' }, en: { 'test.count': '{n} {n|document|documents}; {n|it is|they are} filed.' } });
    expect(t('test.count', { n: 1 })).toBe('1 document; it is filed.');
    expect(t('test.count', { n: 0 })).toBe('0 documents; they are filed.');
    expect(t('test.count', { n: '2' })).toBe('2 documents; they are filed.');
    expect(t('test.count', {})).toBe('{n} {n|document|documents}; {n|it is|they are} filed.');
    setLang('zh');
    expect(t('test.count', { n: 1 })).toBe('共 1 件。');
  });

  it('says every count in the English catalogue with a word that agrees with it', async () => {
    const { buildRegistry, loadRegister } = await import('../../src/cli/registry.js');
    const registry = buildRegistry();
    for (const r of registry.registers) await loadRegister(r);
    const { hasMessage } = await import('../../src/core/i18n.js');
    expect(hasMessage('incoming.bookFooter', 'en')).toBe(true);
    expect(t('incoming.bookFooter', { count: 1, at: 'x', operator: 'y', head: 'z' })).toMatch(/^1 document\. /);
    expect(t('due.overdue', { count: 1 })).toBe('1 item is overdue.');
    expect(t('verify.ok', { entries: 1, head: 'h' })).toBe('verified: 1 journal entry, head h');
    expect(t('seal.requested', { number: 'Y1', seal: 'S', count: 1 })).toContain('1 copy)');
    expect(t('supplies.imported', { n: 1, skipped: 1, count: 'PD1' })).toBe('imported 1 count (1 blank row skipped) into count PD1');
    expect(t('archive.termTooLong', { days: 1, max: 1 })).toBe('a term of 1 day is longer than the longest allowed, 1 day.');
  });
});

describe('yes and no', () => {
  it('reads 是/否 under zh and yes/no under en', () => {
    expect([yesNo(true), yesNo(false)]).toEqual(['yes', 'no']);
    setLang('zh');
    expect([yesNo(true), yesNo(false)]).toEqual(['是', '否']);
  });
});

describe('stored words in columns', () => {
  it('shows a known word in the current language and an unknown one as it is', () => {
    const text = wordsText({ 外借: { zh: '外借', en: 'lent' } });
    expect(text('外借')).toBe('lent');
    setLang('zh');
    expect(text('外借')).toBe('外借');
    expect(text('别的')).toBe('别的');
  });
});

describe('whole-number arguments', () => {
  it('accepts full-width digits and refuses numbers out of range or past what is exact', () => {
    const parse = intArg(1, 999_999);
    expect(parse('３')).toBe(3);
    expect(parse(' 12 ')).toBe(12);
    for (const bad of ['0', '-1', '1.5', 'abc', '', '1000000', '99999999999999999999']) expect(() => parse(bad), bad).toThrow(/whole number from 1 to 999999/);
    const open = intArg(1);
    expect(open('1000000')).toBe(1_000_000);
    expect(open('999999999999999')).toBe(999_999_999_999_999);
    for (const bad of ['0', '1000000000000000']) expect(() => open(bad), bad).toThrow('must be a whole number of at least 1 (at most 15 digits).');
  });
});
