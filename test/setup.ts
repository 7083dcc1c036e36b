/** Every test sees every register's messages, as a command of that register would. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { buildRegistry, loadRegister } from '../src/cli/registry.js';

await Promise.all(buildRegistry().registers.map(loadRegister));

// The default database is found from this process's environment: an in-process command that
// falls back to it writes into a temporary data folder, never the real user's.
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-data-'));
process.env.XDG_DATA_HOME = data;
process.env.LOCALAPPDATA = data;
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));
