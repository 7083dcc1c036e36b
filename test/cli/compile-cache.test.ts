/**
 * Node's compile cache for the bundle (src/cli/compile-cache.ts): in the user's cache folder where
 * Node has one (≥ 22.1), nowhere on Node 20, and never a reason for a command to fail.
 */
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFolder } from '../../src/cli/compile-cache.js';
import { bin, tempDir } from '../helpers.js';

const nodeHasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** Every file under a folder (none when it does not exist). */
const filesUnder = (dir: string): string[] => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name)) : []);

describe('compile cache', () => {
  it('lives in the folder each system keeps caches in', () => {
    expect(cacheFolder('linux', {}, '/home/li')).toBe('/home/li/.cache/wenmi');
    expect(cacheFolder('linux', { XDG_CACHE_HOME: '/var/cache/li' }, '/home/li')).toBe('/var/cache/li/wenmi');
    expect(cacheFolder('linux', { XDG_CACHE_HOME: 'relative' }, '/home/li')).toBe('/home/li/.cache/wenmi');
    expect(cacheFolder('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Caches/wenmi');
    expect(cacheFolder('win32', { LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Local\\wenmi\\Cache');
    expect(cacheFolder('win32', {}, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Local\\wenmi\\Cache');
  });

  it('is written where Node has one, and a corrupt or unwritable cache changes nothing a command does', () => {
    const home = tempDir();
    const env = { XDG_CACHE_HOME: home, WENMI_DB: path.join(home, 'none.db') };
    const first = bin(['incoming', '--help'], { env });
    expect(first.code).toBe(0);
    const files = filesUnder(path.join(home, 'wenmi', 'compile-cache'));
    if (nodeHasCache) expect(files.length).toBeGreaterThan(0);
    else expect(files).toEqual([]);

    // a cache whose entries are garbage is skipped (and rewritten) by Node
    for (const f of files) fs.writeFileSync(f, 'not a cache entry');
    expect(bin(['incoming', '--help'], { env })).toEqual(first);

    // a cache folder that cannot be made (a file stands where it would go)
    const blocked = tempDir();
    fs.writeFileSync(path.join(blocked, 'wenmi'), '');
    expect(bin(['incoming', '--help'], { env: { ...env, XDG_CACHE_HOME: blocked } })).toEqual(first);
    const refused = bin(['incoming', 'list'], { env: { ...env, XDG_CACHE_HOME: blocked } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/none\.db/);
  });

  it('is not touched by --version, which loads nothing', () => {
    const home = tempDir();
    expect(bin(['--version'], { env: { XDG_CACHE_HOME: home } }).code).toBe(0);
    expect(filesUnder(home)).toEqual([]);
  });
});
