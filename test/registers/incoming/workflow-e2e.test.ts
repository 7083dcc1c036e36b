/** The morning cron job and the 清点核对 check, run as a script would: the built binary, exit codes only. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, bin, ROOT, tempDir } from '../../helpers.js';

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

describe('the built wenmi binary', () => {
  it('due --fail-if-overdue and incoming check exit 0 or 3 under a fixed WENMI_NOW', () => {
    const db = path.join(tempDir(), 'w.db');
    const at = (now: string) => ({ env: { WENMI_DB: db, WENMI_NOW: now } });
    const step = (args: string[], now = '2026-11-20T09:30') => {
      const r = bin(args, at(now));
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    step(['init', '--db', db]);
    expect(step(['incoming', 'receive', '--sender', '市政府办公室', '--title', '紧急通知', '--urgency', '加急', '--deadline', '2026-11-24'])).toBe('2026-0001\n');
    step(['incoming', 'review', '2026-0001', '--accept']);
    step(['incoming', 'assign', '2026-0001', '--lead', '安全科']);
    expect(bin(['due', '--fail-if-overdue'], at('2026-11-24T09:30')).code).toBe(0);
    const late = bin(['due', '--fail-if-overdue', '--format', 'tsv'], at('2026-11-27T09:30'));
    expect(late.code).toBe(3);
    expect(late.stdout).toContain('2026-0001');

    step(['incoming', 'receive', '--sender', '市委办公室', '--title', '涉密文件', '--secret', '秘密★5年', '--copy-no', '7', '--circle', '张局长']);
    step(['incoming', 'review', 'M2026-0001', '--accept']);
    step(['incoming', 'hand', 'M2026-0001', '--to', '张局长']);
    expect(bin(['incoming', 'check'], at('2026-11-21T09:00')).code).toBe(0);
    step(['incoming', 'close', 'M2026-0001', '--force', '--reason', '张局长出差'], '2026-11-21T09:00');
    const check = bin(['incoming', 'check', '--format', 'tsv'], at('2026-11-21T09:30'));
    expect(check.code).toBe(3);
    expect(check.stdout).toContain('000007\theld\t张局长');
    step(['incoming', 'back', 'M2026-0001', '--copy', '7'], '2026-11-22T09:00');
    expect(bin(['incoming', 'check'], at('2026-11-22T09:30')).code).toBe(0);
    expect(bin(['verify'], at('2026-11-22T09:30')).code).toBe(0);
  });
});

/** Runs the binary as a child process without waiting; resolves with its exit code and stderr. */
function spawnWenmi(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', WENMI_OPERATOR: '王秘书', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('two secretaries handing the same copy at once', () => {
  it('lets exactly one hand-over through; the other is refused because the secretariat no longer holds it', async () => {
    const db = path.join(tempDir(), 'w.db');
    const env = { WENMI_DB: db, WENMI_NOW: '2026-11-27T09:30' };
    expect(bin(['init', '--db', db], { env }).code).toBe(0);
    expect(bin(['incoming', 'receive', '--sender', 'A', '--title', 'T'], { env }).code).toBe(0);
    expect(bin(['incoming', 'review', '2026-0001', '--accept'], { env }).code).toBe(0);
    const results = await Promise.all([
      spawnWenmi(['incoming', 'hand', '2026-0001', '--copy', '1', '--to', '张局长'], env),
      spawnWenmi(['incoming', 'hand', '2026-0001', '--copy', '1', '--to', '李局长'], env),
    ]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(results.find((r) => r.code === 1)!.stderr).toMatch(/copy 1 is held by (张|李)局长/);
    const where = JSON.parse(bin(['incoming', 'where', '2026-0001', '--format', 'json'], { env }).stdout);
    expect(where).toHaveLength(1);
    expect(where[0].status).toBe('持有');
    expect(bin(['verify'], { env }).code).toBe(0);
  });
});
