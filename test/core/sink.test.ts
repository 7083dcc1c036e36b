import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileOut, removeStaleTemps } from '../../src/core/output/sink.js';
import { tempDir } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const opts = { force: false, protect: [] };
/** A pid that is surely gone: a child that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('-o temporary files', () => {
  it('never follows a link planted under the temporary name of the old scheme, nor any other name', () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    const target = path.join(dir, 'out.csv');
    fs.symlinkSync(victim, path.join(dir, `.out.csv.${process.pid}.tmp`));
    const out = fileOut(target, opts);
    out.write('data');
    out.commit();
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(fs.readFileSync(target, 'utf8')).toBe('data');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('uses a short, unpredictable name whatever the length of the target name (a 246-character name works)', () => {
    const target = path.join(dir, 'x'.repeat(242) + '.csv');
    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const out = fileOut(target, { force: true, protect: [] });
      const temps = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
      expect(temps).toHaveLength(1);
      expect(temps[0]!.length).toBeLessThan(40);
      seen.add(temps[0]!);
      out.write('ok');
      out.commit();
    }
    expect(seen.size).toBe(2);
    expect(fs.readFileSync(target, 'utf8')).toBe('ok');
  });

  it('cleans up what a killed export left, and nothing else', () => {
    const dead = deadPid();
    const stale = path.join(dir, `.wenmi-${dead}-0123456789abcdef.tmp`);
    const live = path.join(dir, `.wenmi-${process.pid}-fedcba9876543210.tmp`);
    const oldLive = path.join(dir, `.wenmi-${process.pid}-aaaaaaaaaaaaaaaa.tmp`);
    const lookalike = path.join(dir, `.wenmi-${dead}-notours.tmp`);
    const user = path.join(dir, 'notes.tmp');
    const link = path.join(dir, `.wenmi-${dead}-bbbbbbbbbbbbbbbb.tmp`);
    for (const f of [stale, live, oldLive, lookalike, user]) fs.writeFileSync(f, 'x');
    fs.symlinkSync(user, link);
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(oldLive, old, old);
    const out = fileOut(path.join(dir, 'out.csv'), opts);
    out.abort();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(oldLive)).toBe(false);
    for (const f of [live, lookalike, user]) expect(fs.existsSync(f)).toBe(true);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(removeStaleTemps(path.join(dir, 'missing'))).toEqual([]);
    expect(fs.readdirSync(dir).filter((n) => /^\.wenmi-\d+-[0-9a-f]{16}\.tmp$/.test(n)).sort()).toEqual([path.basename(link), path.basename(live)].sort());
  });
});
