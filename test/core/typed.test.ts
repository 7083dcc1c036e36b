import { describe, expect, it } from 'vitest';
import { englishWord, entryNumber, foldTyped, splitList, storedWord } from '../../src/core/typed.js';

describe('text as people type it', () => {
  it('folds full-width forms and every dash look-alike', () => {
    expect(foldTyped(' ２０２６－１１－２７ ')).toBe('2026-11-27');
    for (const dash of ['‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－']) expect(foldTyped(`2026${dash}0001`)).toBe('2026-0001');
  });

  it.each([
    ['2026-0001', ['', 'M'], '2026-0001'],
    ['２０２６—０００１', ['', 'M'], '2026-0001'],
    ['2026–1', ['', 'M'], '2026-0001'],
    ['m2026－7', ['', 'M'], 'M2026-0007'],
    ['Y２０２６－０００１', ['Y'], 'Y2026-0001'],
    ['j2026_3', ['J'], 'J2026-0003'],
    ['cg2026 — 2', ['CG'], 'CG2026-0002'],
    ['PD2026―1', ['PD'], 'PD2026-0001'],
  ])('reads the entry number %s', (typed, prefixes, stored) => {
    expect(entryNumber(typed, prefixes)).toBe(stored);
  });

  it('is null for another series or another shape', () => {
    expect(entryNumber('Y2026-0001', ['', 'M'])).toBeNull();
    expect(entryNumber('2026-0001', ['Y'])).toBeNull();
    expect(entryNumber('Z001-WS·2026-Y-0001', ['', 'M'])).toBeNull();
    expect(entryNumber('20260001', [''])).toBeNull();
  });

  it('splits names on , ， and 、', () => {
    expect(splitList(['甲,乙', '丙、丁，戊'])).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(splitList(undefined)).toEqual([]);
  });

  it('reads a stored word typed as stored or in English', () => {
    const words = { 已登记: { zh: '已登记', en: 'registered' }, 在用: { zh: '在用', en: 'in use' } };
    const stored = ['已登记', '在用'];
    expect(storedWord('已登记', stored, words)).toBe('已登记');
    expect(storedWord('registered', stored, words)).toBe('已登记');
    expect(storedWord('Registered', stored, words)).toBe('已登记');
    expect(storedWord('in-use', stored, words)).toBe('在用');
    expect(storedWord('in use', stored, words)).toBe('在用');
    expect(storedWord('used', stored, words)).toBeUndefined();
    // an apostrophe needs quoting in a shell: the word is typed without it, or with it
    const seals = { 领导手章: { zh: '领导手章', en: "leader's seal" } };
    expect(englishWord(seals.领导手章)).toBe('leaders-seal');
    for (const typed of ['leaders-seal', "leader's seal", 'Leader’s-Seal']) expect(storedWord(typed, ['领导手章'], seals)).toBe('领导手章');
  });
});
