import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { daysBetween, parseDate, parseMoment, parseMonth, periodOf } from '../../src/core/dates.js';

const clock = fixedClock('2026-11-27T09:30');

describe('date grammar', () => {
  it.each([
    ['2026-11-27', '2026-11-27'],
    ['2026/11/7', '2026-11-07'],
    ['2026年11月27日', '2026-11-27'],
    ['20261127', '2026-11-27'],
    ['today', '2026-11-27'],
    ['今天', '2026-11-27'],
    ['yesterday', '2026-11-26'],
    ['+7d', '2026-12-04'],
    ['-2w', '2026-11-13'],
    ['+1m', '2026-12-27'],
    ['som', '2026-11-01'],
    ['eom', '2026-11-30'],
    ['2026.11.27', '2026-11-27'],
    ['２０２６－１１－２７', '2026-11-27'],
    ['２０２６／１１／２７', '2026-11-27'],
    ['２０２６．１１．２７', '2026-11-27'],
    ['2026—11—27', '2026-11-27'],
    ['２０２６年１１月２７日', '2026-11-27'],
    ['11月27日', '2026-11-27'],
    ['１１月２日', '2026-11-02'],
    ['11-27', '2026-11-27'],
    ['1-5', '2026-01-05'],
    ['11/27', '2026-11-27'],
    ['＋７ｄ', '2026-12-04'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input, clock)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', 'tomorrowish', '', '27/11/2026', '+7x', '2026.02.30', '2月30日', '13-01', '11-27-2026'])('refuses %j with a usage error', (input) => {
    expect(() => parseDate(input, clock)).toThrow(/date.invalid/);
  });

  it('parses moments with a time and refuses impossible times', () => {
    expect(parseMoment('2026-11-27 08:05', clock)).toMatch(/^2026-11-27T08:05:00[+-]\d\d:\d\d$/);
    expect(parseMoment('now', clock)).toMatch(/^2026-11-27T09:30:00/);
    expect(() => parseMoment('2026-11-27 25:00', clock)).toThrow(/date.invalid/);
    expect(parseMoment('２０２６－１１－２７　０８：０５', clock)).toMatch(/^2026-11-27T08:05:00/);
    expect(parseMoment('11月26日 15:10', clock)).toMatch(/^2026-11-26T15:10:00/);
  });

  it('parses months and periods', () => {
    expect(parseMonth('2026-02', clock)).toEqual({ from: '2026-02-01', to: '2026-02-28', month: '2026-02' });
    expect(parseMonth('last-month', clock).month).toBe('2026-10');
    expect(parseMonth('2026年11月', clock).to).toBe('2026-11-30');
    expect(() => parseMonth('2026-13', clock)).toThrow(/month.invalid/);
    expect(parseMonth('２０２６－１１', clock).month).toBe('2026-11');
    expect(parseMonth('2026.11', clock).month).toBe('2026-11');
    expect(periodOf({ from: '2026-11-01', to: 'today' }, clock)).toEqual({ from: '2026-11-01', to: '2026-11-27' });
    expect(() => periodOf({ from: '2026-11-02', to: '2026-11-01' }, clock)).toThrow(/period.reversed/);
    expect(() => periodOf({ month: '2026-11', from: '2026-11-01' }, clock)).toThrow(/period.monthAndRange/);
  });

  it('counts days across a month end', () => {
    expect(daysBetween('2026-11-27', '2026-12-04')).toBe(7);
    expect(daysBetween('2026-12-04', '2026-11-27')).toBe(-7);
  });

  it('refuses a malformed fixed clock', () => {
    expect(() => fixedClock('2026-11-31T09:00')).toThrow(/clock.invalid/);
  });
});
