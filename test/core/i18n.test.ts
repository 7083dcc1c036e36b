import { afterEach, describe, expect, it } from 'vitest';
import { intArg } from '../../src/cli/kit.js';
import { addMessages, detectLang, setLang, t, wordsText } from '../../src/core/i18n.js';

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
    const parse = intArg(1);
    expect(parse('３')).toBe(3);
    expect(parse(' 12 ')).toBe(12);
    for (const bad of ['0', '-1', '1.5', 'abc', '', '1000000', '99999999999999999999']) expect(() => parse(bad), bad).toThrow(/whole number/);
  });
});
