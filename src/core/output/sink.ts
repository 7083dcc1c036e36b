/**
 * Where output goes: a terminal or pipe (file descriptor), or a file given with -o.
 * Writes are buffered and synchronous; a closed pipe (`| head`) quietly stops the output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';

export interface Out {
  write(text: string): void;
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
  let buf = '';
  let closed = false;
  const flush = () => {
    if (buf === '' || closed) return;
    const data = Buffer.from(buf);
    buf = '';
    try {
      writeAll(fd, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
      else throw e;
    }
  };
  return {
    write(text) {
      if (closed) return;
      buf += text;
      if (buf.length >= CHUNK || isTTY) flush();
    },
    flush,
    get closed() {
      return closed;
    },
    isTTY,
    columns,
  };
}

/** Output collected in memory: for tests and for building a whole text before writing it. */
export function memoryOut(opts: { isTTY?: boolean; columns?: number } = {}): Out & { text(): string } {
  let text = '';
  return {
    write(t) {
      text += t;
    },
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
 * Output to a file (created private, 0600). It is written beside the target and renamed into place at `commit`,
 * so a failure never leaves half a file; an existing file needs --force.
 */
export function fileOut(target: string, opts: FileOutOptions): Out & { commit(): void; abort(): void } {
  if (target.trim() === '') throw usageError('output.empty');
  for (const p of opts.protect) if (samePath(target, p)) throw usageError('output.isDatabase', { path: target });
  if (fs.existsSync(target)) {
    if (!opts.force) throw usageError('output.exists', { path: target });
    if (!fs.statSync(target).isFile()) throw usageError('output.notAFile', { path: target });
  }
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw usageError('output.noFolder', { path: dir });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  const fd = fs.openSync(temp, 'w', 0o600);
  const inner = fdOut(fd, false);
  let done = false;
  return {
    write: (t) => inner.write(t),
    flush: () => inner.flush(),
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
