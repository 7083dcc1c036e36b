/**
 * The driver is loaded without better-sqlite3's path-searching wrapper: the bundle carries the
 * driver's JavaScript and hands it the binding, unless the installed package is another version.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { driverSource } from '../../src/core/driver.js';
import { BIN, tempDir } from '../helpers.js';

describe('the SQLite driver', () => {
  it('runs the bundled JavaScript only with an installed binding of the very same version', () => {
    expect(driverSource('12.11.1', '12.11.1', true)).toBe('bundled');
    expect(driverSource('12.11.1', '12.12.0', true)).toBe('installed');
    expect(driverSource('12.11.1', '12.11.1', false)).toBe('installed');
    expect(driverSource(undefined, '12.11.1', true)).toBe('installed');
  });

  it('is loaded by the built program without the package\'s own JavaScript or its `bindings` lookup', () => {
    const dir = tempDir();
    const hook = path.join(dir, 'hook.cjs');
    const loaded = path.join(dir, 'loaded.json');
    fs.writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const p = spawnSync(process.execPath, ['-r', hook, BIN, 'init', '--db', path.join(dir, 'w.db')], { env: { ...process.env, WENMI_OPERATOR: 't', WENMI_NOW: '2026-11-27T09:30' }, encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const files = JSON.parse(fs.readFileSync(loaded, 'utf8')) as string[];
    expect(files.some((f) => f.endsWith(path.join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node')))).toBe(true);
    expect(files.filter((f) => /[\\/]node_modules[\\/](bindings|file-uri-to-path)[\\/]|[\\/]better-sqlite3[\\/]lib[\\/]/.test(f))).toEqual([]);
  });
});
