import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/output/width.js';
import { VERSION } from '../../src/cli/version.js';
import { commandWords } from '../../src/cli/main.js';
import { cli, ROOT, tempDir } from '../helpers.js';

let dir: string;
let env: Record<string, string>;
const run = (args: string[], opts: Parameters<typeof cli>[1] = {}) => cli(args, { ...opts, env: { ...env, ...opts.env } });

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await run(['init'])).code).toBe(0);
});

async function sample() {
  await run(['incoming', 'receive', '--sender', '市财政局', '--sender-no', '财预〔2026〕12号', '--title', '关于编报2027年部门预算的通知', '--pages', '6']);
  await run(['incoming', 'receive', '--sender', '=HYPERLINK("x")', '--title', '-1 公式样的标题']);
  await run(['incoming', 'receive', '--sender', '市委办公室', '--title', '涉密标题', '--secret', '机密★10年', '--copy-no', '3', '--urgency', '加急', '--deadline', '+3d']);
}

describe('exit codes', () => {
  it('0 for help and version, which never open the database', async () => {
    const noDb = { WENMI_DB: path.join(dir, 'missing', 'x.db') };
    expect(await run(['--version'], { env: noDb })).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect((await run(['--help'], { env: noDb })).code).toBe(0);
    expect((await run(['incoming', 'list', '--help'], { env: noDb })).stdout).toMatch(/Examples:/);
  });

  it('2 for an unknown command, option, bad choice, bad date, extra argument, or no verb — with a hint', async () => {
    for (const args of [
      ['nosuch'],
      ['incoming', 'list', '--nosuch'],
      ['incoming', 'receive', '--sender', 'A', '--title', 'T', '--urgency', '很急'],
      ['incoming', 'list', '--from', '2026-02-30'],
      ['incoming', 'show', '2026-0001', 'extra'],
      ['incoming'],
      ['--lang', 'fr', 'incoming', 'list'],
      ['incoming', 'receive', '--sender', 'A', '--title', 'T', '--copies', '0'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toBe('');
    }
    expect((await run(['incoming', 'list', '--from', '2026-02-30'])).stderr).toMatch(/not a valid date[\s\S]*2026\/11\/27/);
  });

  it('2 for a bad output format, a missing output folder, a malformed WENMI_NOW — and nothing written', async () => {
    expect((await run(['incoming', 'list', '--format', 'xml'])).code).toBe(2);
    expect((await run(['verify', '--format', 'xml'])).code).toBe(2);
    expect((await run(['incoming', 'export', '-o', path.join(dir, 'no', 'such', 'x.csv')])).code).toBe(2);
    const bad = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T'], { env: { WENMI_NOW: '2026-13-01' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/WENMI_NOW/);
    expect(JSON.parse((await run(['incoming', 'list', '--format', 'json'])).stdout)).toEqual([]);
  });

  it('2 on a terminal too when --no-input is given, naming the missing flags instead of asking', async () => {
    const r = await run(['--no-input', 'incoming', 'receive', '--title', 'T'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sender');
  });

  it('2 for a one-value option given twice, which would otherwise keep the last silently; repeatable ones collect', async () => {
    const r = await run(['incoming', 'receive', '--sender', 'A', '--sender', 'B', '--title', 'T']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sender was given more than once');
    expect((await run(['--db', env.WENMI_DB!, '--db', env.WENMI_DB!, 'incoming', 'list'])).code).toBe(2);
    expect((await run(['incoming', 'list', '--format=json', '--format', 'tsv'])).code).toBe(2);
    expect(JSON.parse((await run(['incoming', 'list', '--format', 'json'])).stdout)).toEqual([]);
    const circle = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--secret', '秘密', '--copy-no', '1', '--circle', '甲', '--circle', '乙']);
    expect(circle.code).toBe(0);
  });

  it('2 naming every missing flag at once when there is no terminal', async () => {
    const r = await run(['incoming', 'receive']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sender --title');
  });

  it('1 for an unknown number, a missing explicit database, a wrong state', async () => {
    expect((await run(['incoming', 'show', '2026-0099'])).code).toBe(1);
    const missing = await run(['incoming', 'list'], { env: { WENMI_DB: path.join(dir, 'typo.db') } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('wenmi init --db');
    expect(fs.existsSync(path.join(dir, 'typo.db'))).toBe(false);
    await sample();
    await run(['incoming', 'void', '2026-0002', '--reason', '重复']);
    expect((await run(['incoming', 'void', '2026-0002', '--reason', '再次'])).code).toBe(1);
  });

  it('refuses an empty path and :memory:', async () => {
    expect((await run(['incoming', 'list'], { env: { WENMI_DB: '' } })).code).toBe(2);
    expect((await run(['--db', ':memory:', 'incoming', 'list'])).code).toBe(2);
  });

  it('3 when verify fails', async () => {
    await sample();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(env.WENMI_DB!);
    raw.exec("DROP TRIGGER incoming_revisions_no_update; UPDATE incoming_revisions SET pages = 60 WHERE id = 1");
    raw.close();
    const r = await run(['verify']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/first bad sequence 2/);
  });
});

describe('loading registers', () => {
  it('lists every register in the root help, and loads the one a command names', async () => {
    const root = await run(['--help']);
    for (const name of ['incoming', 'seal', 'supplies', 'archive', 'due', 'verify']) expect(root.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect((await run(['help', 'seal'])).stdout).toMatch(/^  stamp\b/m);
    expect((await run(['--lang', 'en', 'seal', '--help'])).stdout).toMatch(/^  stamp\b/m);
    expect(commandWords(['--db', 'x.db', '--lang', 'zh', 'supplies', 'issue', '--qty', '3'])).toEqual(['supplies', 'issue', '3']);
    expect(commandWords(['help', 'archive'])).toEqual(['archive']);
  });
});

describe('listing', () => {
  it('prints tab-separated rows when piped, with labels in the chosen language', async () => {
    await sample();
    const r = await run(['incoming', 'list']);
    expect(r.stdout.split('\n')[0]).toBe("number\treceived\tsender\tsender's no.\ttitle\tclassification\turgency\tcopies\tdeadline\tstate\treminders\tlast reminder");
    expect(r.stdout).toContain('2026-0001\t2026-11-27\t市财政局\t财预〔2026〕12号\t关于编报2027年部门预算的通知\t\t\t1\t\tregistered\t0\t');
    const zh = await run(['incoming', 'list'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout.split('\n')[0]).toMatch(/^收文编号\t收文日期\t来文单位/);
    expect(zh.stdout).toContain('已登记');
    const en = await run(['--lang', 'en', 'incoming', 'list'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.stdout).toMatch(/^number/);
  });

  it('aligns CJK text by display width in a ruled table (a table asked for in a pipe), cutting nothing', async () => {
    await sample();
    const r = await run(['incoming', 'list', '--format', 'table'], { env: { LANG: 'zh_CN.UTF-8' } });
    const lines = r.stdout.trimEnd().split('\n');
    const widths = new Set(lines.map(displayWidth));
    expect(widths.size).toBe(1);
    // the title column, read back across its wrapped lines, holds every character
    const bodyLines = lines.slice(lines.findIndex((l) => l.startsWith('├')) + 1);
    const firstRow = bodyLines.slice(0, bodyLines.findIndex((l) => l.startsWith('├')));
    expect(firstRow.map((l) => l.split('│')[5]!.trim()).join('')).toBe('关于编报2027年部门预算的通知');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('masks classified titles, and records who revealed them', async () => {
    await sample();
    const masked = await run(['incoming', 'list', '--format', 'json']);
    const rows = JSON.parse(masked.stdout) as { number: string; title: string }[];
    expect(rows.find((r) => r.number === 'M2026-0001')!.title).toBe('【机密】');
    expect((await run(['incoming', 'list', '--search', '涉密'])).stdout.split('\n').filter(Boolean)).toHaveLength(1); // header only
    const revealed = await run(['incoming', 'list', '--format', 'json', '--reveal'], { env: { WENMI_OPERATOR: '张主任' } });
    expect(JSON.parse(revealed.stdout).find((r: { number: string }) => r.number === 'M2026-0001').title).toBe('涉密标题');
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(env.WENMI_DB!, { readonly: true });
    const j = raw.prepare("SELECT operator, action, content FROM journal WHERE tbl = 'reveals'").all() as { operator: string; action: string; content: string }[];
    raw.close();
    expect(j).toHaveLength(1);
    expect(j[0]!.operator).toBe('张主任');
    expect(JSON.parse(JSON.parse(j[0]!.content).refs)).toEqual(['M2026-0001']);
    expect((await run(['verify'])).code).toBe(0);
  });

  it('filters by period, sender and state', async () => {
    await sample();
    await run(['incoming', 'void', '2026-0002', '--reason', '重复登记']);
    const json = async (args: string[]) => JSON.parse((await run([...args, '--format', 'json'])).stdout) as { number: string }[];
    expect((await json(['incoming', 'list', '--sender', '财政'])).map((r) => r.number)).toEqual(['2026-0001']);
    expect((await json(['incoming', 'list', '--state', '作废'])).map((r) => r.number)).toEqual(['2026-0002']);
    expect(await json(['incoming', 'list', '--month', '2026-10'])).toEqual([]);
    expect((await json(['incoming', 'list', '--classified'])).map((r) => r.number)).toEqual(['M2026-0001']);
  });
});

describe('export files', () => {
  it('writes CSV with BOM, CRLF, guarded formula cells and leading zeros; never overwrites without --force', async () => {
    await sample();
    const file = path.join(dir, 'out.csv');
    const r = await run(['incoming', 'export', '-o', file]);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4); // header, two rows, trailing
    expect(text).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(text).toContain(",'-1 公式样的标题,");
    const again = await run(['incoming', 'export', '-o', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await run(['incoming', 'export', '-o', file, '--force', '--classified'])).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/,000003,/);
  });

  it('never writes over the database or its WAL files, even with --force', async () => {
    for (const target of [env.WENMI_DB!, `${env.WENMI_DB}-wal`])
      expect((await run(['incoming', 'export', '-o', target, '--force'])).code).toBe(2);
    expect((await run(['verify'])).code).toBe(0);
  });

  it('prints the paper book with its columns in paper order and the journal head', async () => {
    await sample();
    await run(['config', 'set', 'unit.name', '某市某局办公室']);
    const r = await run(['incoming', 'print', '--month', '2026-11'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]!.trim()).toBe('收文登记簿');
    expect(lines[1]!.trim()).toBe('某市某局办公室');
    expect(lines.find((l) => l.includes('收文编号'))!.split('│').map((c) => c.trim()).filter(Boolean)).toEqual(['收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '份数', '页数', '处理情况']);
    expect(r.stdout).toMatch(/共 2 件。.*日志链头 \d+:[0-9a-f]{64}/);
    expect(r.stdout).not.toContain('涉密标题');
  });
});

describe('history', () => {
  it('keeps a correction and a void in the history, each with operator and reason', async () => {
    await sample();
    await run(['incoming', 'correct', '2026-0001', '--pages', '7', '--reason', '页数点错']);
    await run(['incoming', 'void', '2026-0001', '--reason', '重复登记'], { env: { WENMI_OPERATOR: '李' } });
    const r = JSON.parse((await run(['incoming', 'show', '2026-0001', '--format', 'json'])).stdout);
    expect(r.entry).toMatchObject({ number: '2026-0001', pages: 7, state: '作废' });
    expect(r.history.map((h: { action: string }) => h.action)).toEqual(['receive', 'receive', 'correct', 'void']);
    expect(r.history[3]).toMatchObject({ operator: '李', reason: '重复登记' });
    expect((await run(['verify'])).code).toBe(0);
  });
});

describe('the version', () => {
  it('matches package.json', () => {
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version).toBe(VERSION);
  });
});
