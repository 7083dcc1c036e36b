/**
 * One option set for file output: every command that writes rows, a book or notices to `-o FILE`
 * takes the same -o/--bom/--no-bom/--force (declared once in cli/options.ts), refuses an extension
 * it cannot write, and works out its format in that option set, not in its action.
 */
import type { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { memoryOut } from '../../src/core/output/sink.js';
import { registers } from '../../src/registers/index.js';
import { cli, tempDir } from '../helpers.js';

/** Every command of the program that has -o, each register loaded (backup's -o is a database copy, not output). */
async function commandsWithOutput(): Promise<Map<string, Command>> {
  const found = new Map<string, Command>();
  const io = { stdout: memoryOut(), stderr: memoryOut(), stdinIsTTY: false, env: {} };
  const walk = (cmd: Command, at: string[]) => {
    for (const sub of cmd.commands) {
      const here = [...at, sub.name()];
      if (sub.options.some((o) => o.long === '--output') && here.join(' ') !== 'backup') found.set(here.join(' '), sub);
      walk(sub, here);
    }
  };
  for (const r of registers) walk(await buildProgram([r.name], io, () => {}, []), []);
  return found;
}

const optionOf = (cmd: Command, long: string): Option | undefined => cmd.options.find((o) => o.long === long);

/** The print, export and remind commands (and the books printed by other names). */
const WRITERS = ['incoming print', 'incoming export', 'seal print', 'seal export', 'archive remind', 'archive print-loans', 'archive catalog', 'supplies stocktake sheet'];

describe('the file output option set', () => {
  it('is on every command with -o, with the same flags and descriptions', async () => {
    const commands = await commandsWithOutput();
    for (const name of [...WRITERS, 'incoming list', 'supplies stock', 'due']) expect([...commands.keys()], name).toContain(name);
    const reference = commands.get('incoming list')!;
    for (const [name, cmd] of commands) {
      const output = optionOf(cmd, '--output')!;
      expect(output.short, name).toBe('-o');
      expect(output.description, name).toMatch(/^write to a file \(- for stdout\); /);
      for (const flag of ['--bom', '--no-bom', '--force']) {
        expect(optionOf(cmd, flag), `${name} ${flag}`).toBeDefined();
        expect(optionOf(cmd, flag)!.description, `${name} ${flag}`).toBe(optionOf(reference, flag)!.description);
      }
    }
  });
});

describe('print, export and remind', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (args: string[]) => cli(args, { env });

  beforeEach(async () => {
    dir = tempDir();
    env = { WENMI_DB: path.join(dir, 'w.db'), WENMI_NOW: '2026-11-27T09:30' };
    expect((await run(['init'])).code).toBe(0);
    expect((await run(['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报预算的通知'])).code).toBe(0);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuse -o x.ods with exit 2, writing nothing', async () => {
    const journal = async () => JSON.parse((await run(['verify', '--format', 'json'])).stdout).entries as number;
    const before = await journal();
    for (const name of WRITERS) {
      const args = [...name.split(' '), ...(name === 'archive catalog' ? ['--year', '2026'] : []), '-o', path.join(dir, 'x.ods')];
      const r = await run(args);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(/x\.ods/);
      expect(fs.readdirSync(dir), name).toEqual(['w.db']);
    }
    expect(await journal()).toBe(before);
  });

  it('an export is CSV unless --format or the extension of -o names another; --format is checked as it is read', async () => {
    const out = await run(['incoming', 'export']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^number,received,/); // CSV on stdout, no BOM
    const json = path.join(dir, 'x.json');
    expect((await run(['incoming', 'export', '-o', json])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toEqual([expect.objectContaining({ number: '2026-0001' })]);
    const bare = path.join(dir, 'bare');
    expect((await run(['incoming', 'export', '-o', bare])).code).toBe(0);
    expect(fs.readFileSync(bare, 'utf8')).toMatch(/^\ufeffnumber,/);
    expect((await run(['incoming', 'export', '--format', 'tsv'])).stdout).toMatch(/^number\treceived\t/);
    const bad = await run(['incoming', 'export', '--format', 'ods']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('table|csv|tsv|json|xlsx');
    const remind = await run(['archive', 'remind', '--format', 'xlsx']);
    expect(remind.code).toBe(2);
    expect(remind.stderr).toContain('text|csv|tsv|json');
  });
});
