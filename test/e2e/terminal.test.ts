/** The built binary on a real terminal (a pseudo-terminal made by util-linux `script`): prompts, Ctrl-C, colour. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, BIN, NOW, tempDir } from '../helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs wenmi on a pseudo-terminal; when the prompt for `until` shows, types `keys`. */
function onTerminal(args: string, env: Record<string, string>, until: string, keys: string): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `node ${BIN} ${args}`, '/dev/null'], {
      env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', TERM: 'xterm', WENMI_NOW: NOW, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let typed = false;
    child.stdout.on('data', (d) => {
      screen += d;
      if (!typed && screen.includes(until)) {
        typed = true;
        setTimeout(() => child.stdin.write(keys), 150);
      }
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt for ${until}: ${JSON.stringify(screen)}`));
    }, 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

describe.skipIf(!hasScript)('on a terminal (skipped where util-linux `script` is missing)', () => {
  const fresh = () => {
    const env = { WENMI_DB: path.join(tempDir(), 'w.db') };
    expect(bin(['init'], { env }).code).toBe(0);
    return env;
  };

  it('asks for a missing field on stderr and takes the answer typed', async () => {
    const env = fresh();
    const r = await onTerminal('incoming receive --sender 市财政局', env, 'title (--title)', '关于预算的通知\r');
    expect(r.code).toBe(0);
    expect(r.screen).toContain('2026-0001');
    const rows = JSON.parse(bin(['incoming', 'list', '--format', 'json'], { env }).stdout) as { title: string }[];
    expect(rows.map((x) => x.title)).toEqual(['关于预算的通知']);
  });

  it('exits 130 on Ctrl-C at a prompt, writing nothing', async () => {
    const env = fresh();
    const r = await onTerminal('incoming receive', env, 'sender (--sender)', '\u0003');
    expect(r.code).toBe(130);
    expect(bin(['verify'], { env }).stdout).toMatch(/^0:/);
  });

  it('draws the prompt without colour under --no-color', async () => {
    const env = fresh();
    const r = await onTerminal('--no-color incoming receive --sender A', env, 'title (--title)', 'T\r');
    expect(r.code).toBe(0);
    expect(r.screen).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});
