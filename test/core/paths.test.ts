import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultDbPath } from '../../src/core/paths.js';

/** Runs the path logic as on another system: its platform, its environment, its home folder. */
function on(platform: NodeJS.Platform, env: Record<string, string | undefined>, home = '/home/wang'): string {
  const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { ...real, value: platform });
  // os.homedir() follows HOME on Linux and macOS, USERPROFILE on Windows.
  vi.stubEnv('HOME', home);
  vi.stubEnv('USERPROFILE', home);
  for (const name of ['XDG_DATA_HOME', 'LOCALAPPDATA', 'APPDATA']) vi.stubEnv(name, env[name]);
  try {
    return defaultDbPath();
  } finally {
    Object.defineProperty(process, 'platform', real);
  }
}

afterEach(() => vi.unstubAllEnvs());

describe('the default database path', () => {
  it('is $XDG_DATA_HOME/wenmi/wenmi.db on Linux, else under ~/.local/share', () => {
    expect(on('linux', { XDG_DATA_HOME: '/data/王' })).toBe('/data/王/wenmi/wenmi.db');
    expect(on('linux', {})).toBe('/home/wang/.local/share/wenmi/wenmi.db');
  });

  it('is under ~/Library/Application Support on macOS, whatever XDG_DATA_HOME says', () => {
    expect(on('darwin', { XDG_DATA_HOME: '/data/王' }, '/Users/wang')).toBe('/Users/wang/Library/Application Support/wenmi/wenmi.db');
  });

  it('is %LOCALAPPDATA%\\wenmi\\wenmi.db on Windows, else under the profile\'s AppData\\Local', () => {
    // The separators are this host's: path.join is the host's own, in the library as here.
    const local = 'C:\\Users\\王秘书\\AppData\\Local';
    expect(on('win32', { LOCALAPPDATA: local, APPDATA: 'C:\\Users\\王秘书\\AppData\\Roaming', XDG_DATA_HOME: '/data' }, 'C:\\Users\\王秘书')).toBe(path.join(local, 'wenmi', 'wenmi.db'));
    expect(on('win32', {}, 'C:\\Users\\王秘书')).toBe(path.join('C:\\Users\\王秘书', 'AppData', 'Local', 'wenmi', 'wenmi.db'));
  });
});
