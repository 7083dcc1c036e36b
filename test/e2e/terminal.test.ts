/** The built binary on a real terminal (a pseudo-terminal made by util-linux `script`): prompts, Ctrl-C, colour. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, BIN, NOW, tempDir } from '../helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

/** A step of a terminal session: when `until` shows (after the previous step's), type `keys`. */
type Step = [until: string, keys: string];

/** Runs wenmi on a pseudo-terminal and plays the steps; resolves with the exit code and everything the screen showed. */
function onTerminal(args: string, env: Record<string, string>, steps: Step[]): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `node ${BIN} ${args}`, '/dev/null'], {
      env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', TERM: 'xterm', WENMI_NOW: NOW, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let from = 0;
    let next = 0;
    let waiting = false;
    child.stdout.on('data', (d) => {
      screen += d;
      const step = steps[next];
      if (!step || waiting) return;
      const at = screen.indexOf(step[0], from);
      if (at < 0) return;
      waiting = true;
      setTimeout(() => {
        from = screen.length;
        next++;
        waiting = false;
        child.stdin.write(step[1]);
      }, 150);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt for ${steps[next]?.[0]}: ${JSON.stringify(screen)}`));
    }, 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

const DOWN = '\u001b[B';
const BACKSPACE = '\u007f';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!hasScript)('on a terminal (skipped where util-linux `script` is missing)', () => {
  const fresh = () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = { WENMI_DB: path.join(dir, 'w.db') };
    expect(bin(['init'], { env }).code).toBe(0);
    return env;
  };

  it('asks for a missing field on stderr and takes the answer typed, then the optional ones', async () => {
    const env = fresh();
    const r = await onTerminal('incoming receive --sender 市财政局', env, [
      ['title (--title)', '关于预算的通知\r'],
      ['classification', '\r'],
      ['urgency (--urgency)', '\r'],
    ]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('2026-0001');
    const rows = JSON.parse(bin(['incoming', 'list', '--format', 'json'], { env }).stdout) as { title: string; urgency: string | null }[];
    expect(rows).toMatchObject([{ title: '关于预算的通知', urgency: null }]);
  });

  it('walks through receive: a bad value asked again, a select, the fields an answer makes required', async () => {
    const env = fresh();
    const r = await onTerminal('incoming receive', env, [
      ['sender (--sender)', '市委办公室\r'],
      ['title (--title)', '\r'], // empty: asked again, in the current language
      ['this is required', '关于清查的函\r'],
      ['classification', '绝密★99年\r'], // refused as typed, with the flag's own message
      ['cannot exceed', BACKSPACE.repeat(10) + '秘密★5年\r'],
      ['copy number (--copy-no)', '3\r'], // asked because a classification was given
      ['urgency (--urgency)', DOWN + DOWN + '\r'], // (none), 特急, 加急
      ['deadline', '2026-11-01\r'], // before the receipt: refused as typed
      ['before the receipt date', BACKSPACE.repeat(10) + '+3d\r'],
    ]);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('M2026-0001');
    expect(r.screen).toMatch(/move.*choose/); // the select's key help, through our words
    expect(r.screen).not.toMatch(/You must provide|navigate/);
    const shown = JSON.parse(bin(['incoming', 'show', 'M2026-0001', '--reveal', '--format', 'json'], { env }).stdout).entry;
    expect(shown).toMatchObject({ sender: '市委办公室', title: '关于清查的函', secret: '秘密★5年', copyNo: '000003', urgency: '加急', deadline: '2026-11-30' });
  });

  it('holds a typed answer to the text rules as it is typed (an over-long title is asked again, not refused after the last question)', async () => {
    const env = fresh();
    const long = '长'.repeat(501);
    const r = await onTerminal('incoming receive --sender 市财政局', env, [
      ['title (--title)', long + '\r'],
      ['at most 500', BACKSPACE.repeat(501) + '关于预算的通知\r'],
      ['classification', '\r'],
      ['urgency (--urgency)', '\r'],
    ]);
    expect(r.code, r.screen).toBe(0);
    const rows = JSON.parse(bin(['incoming', 'list', '--format', 'json'], { env }).stdout) as { title: string }[];
    expect(rows).toMatchObject([{ title: '关于预算的通知' }]);
  });

  it('asks for the deadline an urgency given as a flag makes required, in Chinese under zh', async () => {
    const env = fresh();
    const r = await onTerminal('incoming receive --sender 市财政局 --title 紧急通知 --urgency 特急', { ...env, LANG: 'zh_CN.UTF-8' }, [['办理时限', '+1d\r']]);
    expect(r.code, r.screen).toBe(0);
    expect(JSON.parse(bin(['incoming', 'list', '--format', 'json'], { env }).stdout)).toMatchObject([{ urgency: '特急', deadline: '2026-11-28' }]);
  });

  it('offers a fixed set of values as a select (seal type)', async () => {
    const env = fresh();
    const r = await onTerminal('seal add --name 办公室公章 --custodian 李保管', env, [['type (--type)', DOWN + '\r']]);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('contract seal (合同章)');
    expect(JSON.parse(bin(['seal', 'list', '--format', 'json'], { env }).stdout)).toMatchObject([{ type: '合同章' }]);
  });

  it('checks an answer against the register as typed (an unknown seal is asked again, not refused after the last question)', async () => {
    const env = fresh();
    expect(bin(['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管'], { env }).code).toBe(0);
    const r = await onTerminal('seal request --doc 合同 --unit 办公室 --purpose 签订合同 --count 2', env, [
      ['seal (--seal)', 'S009\r'],
      ['no seal', BACKSPACE.repeat(4) + 'S001\r'],
    ]);
    expect(r.code, r.screen).toBe(0);
    expect(JSON.parse(bin(['seal', 'requests', '--format', 'json'], { env }).stdout)).toMatchObject([{ number: 'Y2026-0001', count: 2 }]);
  });

  it('exits 130 on Ctrl-C at a prompt with one line saying so, writing nothing', async () => {
    const env = fresh();
    const r = await onTerminal('incoming receive', env, [['sender (--sender)', '\u0003']]);
    expect(r.code).toBe(130);
    expect(r.screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')).toMatch(/^cancelled\r?$/m);
    expect(bin(['verify'], { env }).stdout).toMatch(/^0:/);
    const zh = await onTerminal('incoming receive --sender A', { ...env, LANG: 'zh_CN.UTF-8' }, [['标题', '\u0003']]);
    expect(zh.code).toBe(130);
    expect(zh.screen).toContain('已取消');
  });

  it('draws the prompt without colour under --no-color', async () => {
    const env = fresh();
    const r = await onTerminal('--no-color incoming receive --sender A --urgency 加急 --deadline +1d', env, [
      ['title (--title)', 'T\r'],
      ['classification', '\r'],
    ]);
    expect(r.code).toBe(0);
    expect(r.screen).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});
