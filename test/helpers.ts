/**
 * Test seams: a rule context over a fresh in-memory database with a fixed clock; the CLI run
 * in-process with injected streams; the built binary run as a user or script would.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegistry } from '../src/cli/registry.js';
import { main } from '../src/cli/main.js';
import type { IO } from '../src/cli/kit.js';
import { fixedClock } from '../src/core/clock.js';
import { WenmiError, type ErrorKind } from '../src/core/errors.js';
import { openMemoryDatabase } from '../src/core/db.js';
import { setLang, type Lang } from '../src/core/i18n.js';
import type { Ctx } from '../src/core/journal.js';
import { memoryOut } from '../src/core/output/sink.js';
import { receiveIncoming } from '../src/registers/incoming/rules.js';
import { expect } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'wenmi.js');
export const NOW = '2026-11-27T09:30';

/** A rule context: every migration on a fresh in-memory database, a fixed clock, an operator. */
export function testCtx(now: string = NOW, operator = '王秘书'): Ctx & { setNow(at: string): void } {
  const registry = buildRegistry();
  const db = openMemoryDatabase(registry.migrations);
  let clock = fixedClock(now);
  return {
    db,
    get clock() {
      return clock;
    },
    operator,
    setNow(at: string) {
      clock = fixedClock(at);
    },
  };
}

export const tables = () => buildRegistry().tables;

const journalLength = (ctx: Ctx) => ctx.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;

/**
 * Asserts a refusal: `fn` throws a WenmiError whose code is `code` (a RegExp is matched against
 * the code and its parameters), of `kind` when given (usage → exit 2, data → exit 1), and the
 * journal is as long as before: nothing was written. Returns the error for further checks.
 */
export function expectRefused(ctx: Ctx, fn: () => unknown, code: string | RegExp, kind?: ErrorKind): WenmiError {
  const before = journalLength(ctx);
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${String(code)}`).toBeInstanceOf(WenmiError);
  const refusal = error as WenmiError;
  if (typeof code === 'string') expect(refusal.code).toBe(code);
  else expect(refusal.message).toMatch(code);
  if (kind) expect(refusal.kind).toBe(kind);
  expect(journalLength(ctx)).toBe(before);
  return refusal;
}

const made: string[] = [];

/** A private temporary folder, removed after the test file (test/setup.ts calls removeTempDirs). */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-test-'));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  tty?: boolean;
  columns?: number;
  lang?: Lang;
}

/** Runs one command line in-process with injected streams (not a terminal unless `tty`). */
export async function cli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const stdout = memoryOut({ isTTY: opts.tty ?? false, columns: opts.columns ?? 200 });
  const stderr = memoryOut({ isTTY: opts.tty ?? false });
  const io: IO = { stdout, stderr, stdinIsTTY: opts.tty ?? false, env: { LANG: 'en_US.UTF-8', WENMI_NOW: NOW, WENMI_OPERATOR: '王秘书', ...opts.env } };
  const code = await main(args, io);
  setLang('en');
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the built binary (npm run build first) as a process; stdin closed unless given. */
export function bin(args: string[], opts: { env?: Record<string, string | undefined>; input?: string; cwd?: string; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: opts.input ?? '',
    cwd: opts.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, LANG: 'en_US.UTF-8', WENMI_NOW: NOW, WENMI_OPERATOR: '王秘书', ...opts.env },
    timeout: opts.timeout ?? 20_000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the built binary as a child process without waiting for it, so that several can race; stdin closed. */
export function binAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, LANG: 'en_US.UTF-8', WENMI_NOW: NOW, WENMI_OPERATOR: '王秘书', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * An external program an end-to-end test needs (chromium, soffice, pdfinfo…): the first of `names`
 * found on PATH, or undefined, so the test can skip on a machine without it. In CI
 * (`WENMI_E2E=required`, set by .ci/run after it installs them) a missing program is an error.
 */
export function externalTool(...names: string[]): string | undefined {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  if (process.env.WENMI_E2E === 'required') throw new Error(`${names.join(' or ')} not found on PATH, and .ci/run installs it (WENMI_E2E=required)`);
  return undefined;
}

/** An in-memory register holding two incoming documents, one ordinary and one classified: what verify's tests tamper with. */
export function twoIncoming(): Ctx & { setNow(at: string): void } {
  const ctx = testCtx();
  const at = '2026-11-27T09:00:00+00:00';
  receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '一' });
  receiveIncoming(ctx, { receivedAt: at, sender: '市保密局', title: '机密文件', secret: '机密★10年', copyNo: '3' });
  return ctx;
}
