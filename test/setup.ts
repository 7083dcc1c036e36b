/**
 * Every test sees every register's messages, as a command of that register would. Each test
 * file writes its temporary files under a folder of its own (TMPDIR); after the file,
 * tempDir's folders are removed and that folder must be empty, else the file fails naming
 * what it left behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { buildRegistry, loadRegister } from '../src/cli/registry.js';
import { removeTempDirs } from './helpers.js';

await Promise.all(buildRegistry().registers.map(loadRegister));

// The default database is found from this process's environment: an in-process command that
// falls back to it writes into a temporary data folder, never the real user's. The built binary
// (test/helpers.ts bin) keeps Node's compile cache in a temporary cache folder (src/cli/compile-cache.ts).
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-data-'));
process.env.XDG_DATA_HOME = data;
process.env.LOCALAPPDATA = data;
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-cache-'));
process.env.XDG_CACHE_HOME = cache;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-file-'));
process.env.TMPDIR = root;

afterAll(() => {
  fs.rmSync(data, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
  removeTempDirs();
  const left = fs.readdirSync(root);
  fs.rmSync(root, { recursive: true, force: true });
  expect(left, 'temporary files left behind by this test file').toEqual([]);
});
