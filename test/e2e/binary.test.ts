/** The built binary, run as a user and a script would. `npm test` builds it first. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, BIN, NOW, tempDir } from '../helpers.js';
import { seedIncoming } from '../seed.js';

beforeAll(() => {
  if (!fs.existsSync(path.join(path.dirname(BIN), '..', 'dist', 'cli.js'))) throw new Error('run `npm run build` first (npm test does)');
});

function fresh(): Record<string, string> {
  const env = { WENMI_DB: path.join(tempDir(), 'w.db') };
  expect(bin(['init'], { env }).code).toBe(0);
  return env;
}

/** Runs the binary with stdin a pipe that is never closed; resolves with its exit code. */
function withOpenStdin(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', WENMI_NOW: NOW, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hung with an open stdin: wenmi ${args.join(' ')}`));
    }, 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the wenmi binary', () => {
  it('creates the default database on first write under XDG_DATA_HOME, privately', () => {
    const data = tempDir();
    const env = { XDG_DATA_HOME: data, WENMI_DB: undefined } as unknown as Record<string, string>;
    const r = bin(['incoming', 'receive', '--sender', '市财政局', '--title', '通知'], { env });
    expect(r).toMatchObject({ code: 0, stdout: '2026-0001\n' });
    const file = path.join(data, 'wenmi', 'wenmi.db');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it('never hangs on a stdin pipe that stays open, and never reads it as an answer', async () => {
    const env = fresh();
    expect((await withOpenStdin(['incoming', 'list'], env)).code).toBe(0);
    const missing = await withOpenStdin(['incoming', 'receive'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--sender --title');
  });

  it('stops quietly when the reader of a pipe goes away (| head)', () => {
    const env = { WENMI_DB: path.join(tempDir(), 'w.db') };
    seedIncoming(env.WENMI_DB, 3000); // ~250 KB of CSV: far more than a pipe holds
    const r = spawnSync('bash', ['-c', `node ${BIN} incoming list --format csv | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { env: { ...process.env, ...env, WENMI_NOW: NOW }, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe("number,received,sender,sender's no.,title,classification,urgency,copies,deadline,state,reminders,last reminder");
    expect(r.stderr).toBe('status=0\n');
  });

  it('gives gap-free numbers to two processes writing at once', async () => {
    const env = fresh();
    const writer = (who: string) =>
      new Promise<number>((resolve) => {
        const script = Array.from({ length: 15 }, (_, i) => `node ${BIN} incoming receive --sender ${who} --title 文件${i} >/dev/null || exit 1`).join('\n');
        const child = spawn('bash', ['-c', script], { env: { ...process.env, ...env, WENMI_NOW: NOW }, stdio: 'ignore' });
        child.on('close', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([writer('甲'), writer('乙')])).toEqual([0, 0]);
    const rows = JSON.parse(bin(['incoming', 'list', '--format', 'json'], { env }).stdout) as { number: string }[];
    expect(rows.map((r) => r.number).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
    expect(bin(['verify'], { env }).code).toBe(0);
  }, 120_000);

  it('colours errors only when asked and never under NO_COLOR', () => {
    const env = fresh();
    expect(bin(['incoming', 'show', 'x'], { env: { ...env, FORCE_COLOR: '1' } }).stderr).toMatch(/\u001b\[31m/);
    expect(bin(['incoming', 'show', 'x'], { env: { ...env, FORCE_COLOR: '1', NO_COLOR: '1' } }).stderr).not.toMatch(/\u001b\[/);
    expect(bin(['incoming', 'show', 'x', '--no-color'], { env: { ...env, FORCE_COLOR: '1' } }).stderr).not.toMatch(/\u001b\[/);
  });

  it('prints the journal head and proves it later with --against', () => {
    const env = fresh();
    bin(['incoming', 'receive', '--sender', 'A', '--title', 'T'], { env });
    const head = bin(['verify'], { env }).stdout.trim();
    expect(head).toMatch(/^2:[0-9a-f]{64}$/);
    bin(['incoming', 'receive', '--sender', 'B', '--title', 'U'], { env });
    expect(bin(['verify', '--against', head], { env }).code).toBe(0);
    expect(bin(['verify', '--against', `2:${'0'.repeat(64)}`], { env }).code).toBe(3);
    expect(bin(['verify', '--against', 'nonsense'], { env }).code).toBe(2);
  });

  it('refuses a database newer than the code, changing nothing', async () => {
    const env = fresh();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(env.WENMI_DB!);
    raw.prepare("INSERT INTO schema_migrations (id, position) VALUES ('incoming:999-from-the-future', 999)").run();
    raw.close();
    const r = bin(['incoming', 'list'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer wenmi/);
  });
});
