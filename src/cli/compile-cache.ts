/**
 * V8's compiled code for the bundle, kept between runs where Node can (module.enableCompileCache,
 * Node ≥ 22.1; Node 20 has none and compiles as before). It lives in the user's cache folder,
 * `wenmi/compile-cache` there; NODE_COMPILE_CACHE, when set, is Node's own and wins, and
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node checks every entry against the source and skips a
 * stale, corrupt or unwritable cache; nothing here fails a command.
 */
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The folder each system keeps an application's caches in (where appdirsjs puts them). */
export function cacheFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'wenmi', 'Cache');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'wenmi');
  const xdg = env.XDG_CACHE_HOME;
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.cache'), 'wenmi');
}

type WithCompileCache = { enableCompileCache?: (dir?: string) => unknown };

/** Turns the cache on for the modules loaded after it (the program's chunks); returns whether Node has one. */
export function useCompileCache(env: NodeJS.ProcessEnv = process.env): boolean {
  const enable = (module as WithCompileCache).enableCompileCache;
  if (typeof enable !== 'function') return false;
  try {
    if (env.NODE_COMPILE_CACHE) enable();
    else enable(path.join(cacheFolder(process.platform, env, os.homedir()), 'compile-cache'));
  } catch {
    // no home folder, or Node refused the folder: run without the cache
  }
  return true;
}
