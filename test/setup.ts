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

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-file-'));
process.env.TMPDIR = root;

afterAll(() => {
  removeTempDirs();
  const left = fs.readdirSync(root);
  fs.rmSync(root, { recursive: true, force: true });
  expect(left, 'temporary files left behind by this test file').toEqual([]);
});
