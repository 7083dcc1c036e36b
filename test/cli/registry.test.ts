/** Register.requires: the registry loads the registers a register uses before it, each once. */
import { describe, expect, it } from 'vitest';
import { requiredRegisters } from '../../src/cli/registry.js';
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

  it('loads incoming with archive, whose filing speaks through it', () => {
    const archive = registers.find((x) => x.name === 'archive')!;
    expect(requiredRegisters(archive, registers).map((x) => x.name)).toEqual(['incoming']);
  });
});
