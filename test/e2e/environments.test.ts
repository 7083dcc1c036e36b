/**
 * Environments that fail: a read-only database file or folder, a full disk. Runs the built
 * binary. Root ignores file permissions, so as root the read-only cases run as `nobody` through
 * setpriv; the full disk is a 1 MB tmpfs, which needs root and a kernel that allows the mount.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, bin, tempDir } from '../helpers.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
/**
 * As root, run as nobody (root would ignore the permissions under test); otherwise as ourselves.
 * nobody must be able to reach node and the built wenmi: not so when either lies under a private
 * folder (CI's runs on other Nodes unpack both into mktemp folders).
 */
const nobodyRuns = () => spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, '--version'], { timeout: 20_000 }).status === 0;
const canDropRoot = !isRoot || (hasSetpriv && nobodyRuns());

function runAs(args: string[]): { code: number; stdout: string; stderr: string } {
  if (!isRoot) return bin(args);
  const r = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', WENMI_NOW: '2026-11-27T09:30', WENMI_OPERATOR: '王秘书', HOME: os.tmpdir() },
    timeout: 20_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const receive = ['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报预算的通知'];

/** A database with one document in its own folder, owned by whoever runs the commands. */
function database(): { dir: string; db: string } {
  const base = tempDir();
  fs.chmodSync(base, 0o711);
  fs.chmodSync(path.dirname(base), 0o711); // the test file's own TMPDIR, private by default
  const dir = path.join(base, 'office');
  fs.mkdirSync(dir);
  const db = path.join(dir, 'w.db');
  expect(bin(['--db', db, 'init']).code).toBe(0);
  expect(bin(['--db', db, ...receive]).code).toBe(0);
  for (const f of fs.readdirSync(dir)) if (f !== 'w.db') fs.rmSync(path.join(dir, f)); // closed cleanly: no -wal/-shm left
  if (isRoot) for (const p of [dir, db]) fs.chownSync(p, NOBODY, NOBODY);
  return { dir, db };
}

describe.skipIf(!canDropRoot)('a read-only database (as root this needs setpriv, and node and wenmi where nobody can run them)', () => {
  it('read-only file in a writable folder: reads work, a write fails with "the database is read-only" (exit 1), nothing changes', () => {
    const { db } = database();
    fs.chmodSync(db, 0o400);
    const list = runAs(['--db', db, 'incoming', 'list']);
    expect([list.code, list.stderr]).toEqual([0, '']);
    expect(list.stdout).toContain('2026-0001');
    const w = runAs(['--db', db, ...receive]);
    expect(w.code).toBe(1);
    expect(w.stderr).toBe('error: the database is read-only: nothing was written.\nCheck the write permission of the database file and its folder.\n');
    expect(runAs(['--db', db, 'verify']).code).toBe(0);
  });

  it('read-only folder: a read says the folder must be writable for the WAL files; a write fails clearly; no internal error', () => {
    const { dir, db } = database();
    fs.chmodSync(dir, 0o500);
    try {
      for (const args of [['incoming', 'list'], receive]) {
        const r = runAs(['--db', db, ...args]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain("the database's folder is not writable: SQLite needs to create its -wal and -shm files beside the database.");
        expect(r.stderr).not.toMatch(/internal error/);
      }
      const v = runAs(['--db', db, 'verify']);
      expect(v.code).toBe(3);
      expect(v.stderr).not.toMatch(/internal error/);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });
});

/** A 1 MB tmpfs, or the reason it cannot be had here. */
function smallDisk(): { dir?: string; why?: string } {
  if (!isRoot) return { why: 'mounting a tmpfs needs root' };
  const dir = tempDir();
  // 2 MiB: init's write-ahead log of every migration (about 0.8 MiB now) must fit, with room for one receipt
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { why: `mount -t tmpfs failed here: ${(r.stderr || String(r.error)).trim()}` };
  return { dir };
}
const disk = smallDisk();
afterAll(() => {
  if (disk.dir) spawnSync('umount', [disk.dir]);
});

describe.skipIf(!disk.dir)(`a full disk${disk.why ? ` (skipped: ${disk.why})` : ''}`, () => {
  it('a write on a full disk says so (exit 1), and nothing is half-written: verify passes and the count is unchanged once there is room', () => {
    const db = path.join(disk.dir!, 'w.db');
    expect(bin(['--db', db, 'init']).code).toBe(0);
    expect(bin(['--db', db, ...receive]).code).toBe(0);
    const filler = path.join(disk.dir!, 'filler');
    const free = fs.statfsSync(disk.dir!);
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free.bavail * free.bsize - 2048)));
    for (let i = 0; i < 3; i++) {
      const r = bin(['--db', db, ...receive]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('error: the disk is full: nothing was written.\nFree some space and try again.\n');
    }
    fs.rmSync(filler);
    const v = bin(['--db', db, 'verify']);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('verified: 2 journal entries');
    expect(bin(['--db', db, 'incoming', 'list']).stdout.trim().split('\n')).toHaveLength(2);
    expect(bin(['--db', db, ...receive]).code).toBe(0);
  });
});
