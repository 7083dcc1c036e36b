/**
 * Where output goes: a terminal or pipe (file descriptor), or a file given with -o.
 * Writes are buffered and synchronous; a closed pipe (`| head`) quietly stops the output.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';

export interface Out {
  write(text: string): void;
  /** Bytes (an .xlsx): what is buffered first, then these, as they are. */
  writeBytes(data: Uint8Array): void;
  /** Writes what is buffered. */
  flush(): void;
  /** True once the reader has gone away (EPIPE): loops may stop producing. */
  readonly closed: boolean;
  readonly isTTY: boolean;
  /** Terminal width, when a terminal. */
  readonly columns: number | undefined;
}

const CHUNK = 64 * 1024;
const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) {
    try {
      off += fs.writeSync(fd, data, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 2); // a non-blocking pipe is full: wait for the reader
    }
  }
}

/** Output to an open file descriptor (1 or 2). */
export function fdOut(fd: number, isTTY: boolean, columns?: number): Out {
  // text is encoded into one reused buffer as it comes (no growing string, no new Buffer per chunk)
  const pending = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let closed = false;
  const send = (data: Buffer) => {
    try {
      writeAll(fd, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
      else throw e;
    }
  };
  const flush = () => {
    if (used === 0 || closed) return;
    const data = pending.subarray(0, used);
    used = 0;
    send(data);
  };
  return {
    write(text) {
      if (closed) return;
      // a UTF-16 unit is at most 3 bytes of UTF-8: what may not fit goes after what is buffered
      if (text.length * 3 > CHUNK - used) {
        flush();
        if (closed) return;
        if (text.length * 3 > CHUNK) return send(Buffer.from(text));
      }
      used += pending.write(text, used);
      if (isTTY) flush();
    },
    writeBytes(data) {
      flush();
      if (!closed) send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    },
    flush,
    get closed() {
      return closed;
    },
    isTTY,
    columns,
  };
}

/** Output collected in memory: for tests and for building a whole text before writing it (`bytes`: what writeBytes wrote). */
export function memoryOut(opts: { isTTY?: boolean; columns?: number } = {}): Out & { text(): string; bytes(): Buffer } {
  let text = '';
  const bytes: Buffer[] = [];
  return {
    write(t) {
      text += t;
    },
    writeBytes(data) {
      bytes.push(Buffer.from(data));
    },
    bytes: () => Buffer.concat(bytes),
    flush() {},
    closed: false,
    isTTY: opts.isTTY ?? false,
    columns: opts.columns,
    text: () => text,
  };
}

export interface FileOutOptions {
  force: boolean;
  /** Files that must never be written over, whatever --force says (the database and its -wal/-shm). */
  protect: string[];
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * A temporary file of ours: `.wenmi-PID-RANDOM.tmp` — short whatever the target's name (so it
 * never pushes a legal name past the system's limit), unpredictable (16 hex digits), and
 * carrying its writer's pid so a later run can tell a leftover from a live export.
 */
const TEMP_NAME = /^\.wenmi-(\d{1,10})-[0-9a-f]{16}\.tmp$/;
/** A temp file older than this is a leftover even if its pid has been reused. */
const STALE_MS = 24 * 60 * 60 * 1000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process: alive
  }
}

/**
 * Removes what a killed export left in `dir`: only regular files (not links) named like ours,
 * owned by us, whose writer is gone or which are older than a day. Anything else is left alone.
 */
export function removeStaleTemps(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile() || (uid !== undefined && st.uid !== uid)) continue;
      if (alive(Number(m[1])) && now - st.mtimeMs < STALE_MS) continue;
      fs.unlinkSync(file);
      removed.push(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/**
 * A new private temporary file of ours in `dir` (0600, O_EXCL|O_NOFOLLOW, named as above),
 * after removing the leftovers of killed writers there. Returns its path and open descriptor.
 */
export function tempBeside(dir: string): { path: string; fd: number } {
  removeStaleTemps(dir);
  const temp = path.join(dir, `.wenmi-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
  const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
  return { path: temp, fd: fs.openSync(temp, O_WRONLY | O_CREAT | O_EXCL | (O_NOFOLLOW ?? 0), 0o600) };
}

/**
 * Output to a file (created private, 0600). It is written to a temporary file beside the target
 * (created anew: O_EXCL | O_NOFOLLOW, so nothing planted there is followed or written over) and
 * renamed into place at `commit`, so a failure never leaves half a file; an existing file needs --force.
 */
export function fileOut(target: string, opts: FileOutOptions): Out & { bytes(data: Buffer): void; commit(): void; abort(): void } {
  if (target.trim() === '') throw usageError('output.empty');
  for (const p of opts.protect) if (samePath(target, p)) throw usageError('output.isDatabase', { path: target });
  if (fs.existsSync(target)) {
    if (!opts.force) throw usageError('output.exists', { path: target });
    if (!fs.statSync(target).isFile()) throw usageError('output.notAFile', { path: target });
  }
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw usageError('output.noFolder', { path: dir });
  const { path: temp, fd } = tempBeside(dir);
  const inner = fdOut(fd, false);
  let done = false;
  return {
    write: (t) => inner.write(t),
    writeBytes: (data) => inner.writeBytes(data),
    flush: () => inner.flush(),
    /** Binary content (a PDF), after what was written so far. */
    bytes(data) {
      inner.flush();
      writeAll(fd, data);
    },
    closed: false,
    isTTY: false,
    columns: undefined,
    commit() {
      if (done) return;
      done = true;
      inner.flush();
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(temp, target);
    },
    abort() {
      if (done) return;
      done = true;
      fs.closeSync(fd);
      fs.rmSync(temp, { force: true });
    },
  };
}
