/** Register.requires: the registry loads the registers a register uses before it, each once. */
import { describe, expect, it } from 'vitest';
import { buildRegistry, requiredRegisters } from '../../src/cli/registry.js';
import { registers } from '../../src/registers/index.js';

describe('requiredRegisters', () => {
  const r = (name: string, requires?: string[]) => ({ name, requires });

  it('lists what a register requires, theirs first, each once', () => {
    const all = [r('a', ['b', 'c']), r('b', ['c']), r('c'), r('d')];
    expect(requiredRegisters(all[0]!, all).map((x) => x.name)).toEqual(['c', 'b']);
    expect(requiredRegisters(all[3]!, all)).toEqual([]);
  });

  it('ends in a circle, and refuses a name that is no register', () => {
    const all = [r('a', ['b']), r('b', ['a'])];
    expect(requiredRegisters(all[0]!, all).map((x) => x.name)).toEqual(['b']);
    expect(() => requiredRegisters(r('x', ['nowhere']), all)).toThrow('register x requires nowhere, which is not a register');
  });

  it('loads incoming, outgoing and meeting with archive, whose filing speaks through them', () => {
    const archive = registers.find((x) => x.name === 'archive')!;
    expect(requiredRegisters(archive, registers).map((x) => x.name)).toEqual(['incoming', 'seal', 'meeting', 'outgoing']);
  });
});

describe('link kinds and faces', () => {
  it('gives every link kind one register, words for both ends, and a face for each register a link may name', async () => {
    const kinds = registers.flatMap((x) => Object.keys(x.linkKinds ?? {}));
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const x of registers)
      for (const kind of Object.values(x.linkKinds ?? {})) for (const word of [kind.forward, kind.backward]) expect(word.zh && word.en).toBeTruthy();
    // a register that makes links names entries of the registers it requires, and those have faces
    for (const x of registers.filter((y) => y.linkKinds)) {
      expect(x.face, `${x.name} has a face`).toBeDefined();
      for (const name of x.requires ?? []) expect(registers.find((y) => y.name === name)?.face, `${name} has a face`).toBeDefined();
    }
    const face = await buildRegistry().face('incoming');
    expect(typeof face?.summary).toBe('function');
    expect(await buildRegistry().face('supplies')).toBeUndefined();
  });
});

describe("registers' stored words", () => {
  it('give one English word for each stored word, since messages under en share one dictionary', async () => {
    const english = new Map<string, { en: string; register: string }>();
    const clashes: string[] = [];
    for (const r of registers) {
      const words = (await r.load()).words ?? {};
      for (const [word, l] of Object.entries(words)) {
        const seen = english.get(word);
        if (seen && seen.en !== l.en) clashes.push(`${word}: ${seen.register} "${seen.en}", ${r.name} "${l.en}"`);
        else if (!seen) english.set(word, { en: l.en, register: r.name });
      }
    }
    expect(clashes).toEqual([]);
  });
});
