/**
 * The install is quiet and correct: every dependency that runs an install script (per the
 * lockfile) is approved by name in package.json's allowScripts, which npm 11 reads to stop its
 * "not covered by allowScripts" warning and npm 12 to decide which scripts run at all. A new
 * dependency with an install script fails here until someone reviews and approves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, any>;

describe('install scripts', () => {
  it('are each approved in package.json allowScripts, and nothing else is', () => {
    const lock = read('package-lock.json');
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([key, p]) => key !== '' && p.hasInstallScript)
      .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    const approved = read('package.json').allowScripts as Record<string, boolean> | undefined;
    expect([...new Set(withScripts)].sort()).toEqual(['better-sqlite3', 'esbuild']);
    expect(approved).toEqual({ 'better-sqlite3': true, esbuild: true });
  });
});
