/**
 * The bundle's entry: answers `--version` without loading anything, and loads the program
 * (commander, every register) for everything else, through Node's compile cache where it has one.
 */
import fs from 'node:fs';
import { useCompileCache } from './compile-cache.js';
import { VERSION } from './version.js';

export async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    fs.writeSync(1, `${VERSION}\n`);
    return;
  }
  useCompileCache();
  const { runProcess } = await import('./main.js');
  await runProcess();
}
