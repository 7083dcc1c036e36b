/**
 * Where the database lives when neither --db nor WENMI_DB says: wenmi.db in the folder each
 * system keeps application data in, as appdirsjs knows it —
 * Linux `$XDG_DATA_HOME/wenmi` (else `~/.local/share/wenmi`), macOS
 * `~/Library/Application Support/wenmi`, Windows `%LOCALAPPDATA%\wenmi`.
 * It reads the process's platform, environment and home folder at each call.
 */
import appdirs from 'appdirsjs';
import path from 'node:path';

/**
 * appdirsjs is CommonJS with an `exports.default`: Node and esbuild hand this module the whole
 * module.exports (so the function is its `default`); vitest's loader hands it the function.
 */
const loaded: unknown = appdirs;
const appDirs = typeof loaded === 'function' ? (loaded as typeof appdirs.default) : appdirs.default;

export function defaultDbPath(): string {
  return path.join(appDirs({ appName: 'wenmi' }).data, 'wenmi.db');
}
