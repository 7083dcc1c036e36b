/**
 * Loading better-sqlite3 without its path-searching wrapper. The package finds its native
 * binding through `bindings`, which reads the call stack and tries a dozen folders; the bundle
 * (scripts/build.mjs) carries the driver's JavaScript instead and hands it the binding, loaded
 * from next to the installed package wherever npm put it. When the installed package is not the
 * version the bundle carries (or its binding is not where its install script builds it), the
 * installed package is loaded as it ships: its JavaScript always matches its binding.
 */
import type Database from 'better-sqlite3';
import Bundled from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The version of better-sqlite3 whose JavaScript the bundle carries (an esbuild define); not defined when not bundled (tests). */
declare const WENMI_BUNDLED_SQLITE: string | undefined;

/** The driver's options as its JavaScript takes them: the binding as a path or as the loaded addon (the type declarations know only the path). */
type DriverOptions = Omit<Database.Options, 'nativeBinding'> & { nativeBinding?: string | object };

interface Driver {
  Database: new (file: string, options?: DriverOptions) => Database.Database;
  /** The loaded native binding, when the bundled JavaScript is used. */
  nativeBinding?: object;
}

/** Which copy of the driver's JavaScript to run: the bundled one only with the binding of the very same version. */
export function driverSource(bundled: string | undefined, installed: string, bindingExists: boolean): 'bundled' | 'installed' {
  return bundled !== undefined && bundled === installed && bindingExists ? 'bundled' : 'installed';
}

let loaded: Driver | undefined;

/** The driver, found once per process, on the first open (so --help and --version never load the binding). */
function driver(): Driver {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const installedPackage = (): Driver => ({ Database: require('better-sqlite3') as Driver['Database'] });
  const bundled = typeof WENMI_BUNDLED_SQLITE === 'string' ? WENMI_BUNDLED_SQLITE : undefined;
  if (bundled === undefined) return (loaded = installedPackage());
  const manifest = require.resolve('better-sqlite3/package.json');
  const installed = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  const binding = path.join(path.dirname(manifest), 'build', 'Release', 'better_sqlite3.node');
  loaded =
    driverSource(bundled, installed, fs.existsSync(binding)) === 'bundled'
      ? { Database: Bundled as unknown as Driver['Database'], nativeBinding: require(binding) as object }
      : installedPackage();
  return loaded;
}

/** Opens a connection with the driver. */
export function openDriver(file: string, options: Database.Options = {}): Database.Database {
  const d = driver();
  return new d.Database(file, d.nativeBinding ? { ...options, nativeBinding: d.nativeBinding } : options);
}
