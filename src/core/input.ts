/** Reading a file a user hands us (a CSV of counts, a list of shelf numbers): all of it, checked, before anything changes. */
import fs from 'node:fs';
import { dataError, usageError } from './errors.js';
import { t } from './i18n.js';
import { codePointName } from './text.js';

export const ENCODINGS = ['utf-8', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The largest file an import reads (a year of shelf lists or counts is far smaller). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** How many bad lines a refused import lists; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;

/**
 * The bad lines of a file, as a refusal lists them: the first MAX_LISTED_PROBLEMS in full, then
 * how many more (so a huge bad file gives a short message and holds little memory).
 */
export class LineProblems {
  private listed: string[] = [];
  count = 0;
  add(line: number, problem: string): void {
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(t('input.line', { line, problem }));
    this.count++;
  }
  text(): string {
    const more = this.count - this.listed.length;
    return [...this.listed, ...(more > 0 ? [t('input.moreProblems', { n: more })] : [])].join('\n');
  }
}

function lineOfBadByte(bytes: Buffer): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Reads at most MAX_INPUT_BYTES from an open descriptor; more is refused. */
function readLimited(fd: number, file: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 2); // a non-blocking pipe with nothing yet: wait for the writer
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw usageError('input.tooLarge', { path: file, max: `${MAX_INPUT_BYTES / 1024 / 1024} MB` });
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/** The bytes of a regular file (or of standard input for `-`); devices, pipes by name, folders are refused. */
function readInput(file: string): Buffer {
  if (file === '-') return readLimited(0, 'stdin');
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer before it can be refused
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw dataError('input.notFound', { path: file });
    if (code === 'EISDIR') throw dataError('input.notAFile', { path: file });
    throw e;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw dataError('input.notAFile', { path: file });
    return readLimited(fd, file);
  } finally {
    fs.closeSync(fd);
  }
}

/** Control characters other than tab, CR and LF (which separate cells and lines). */
const FILE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Refuses text holding control characters, listing the lines they are on. */
function refuseControls(text: string, file: string): void {
  if (!FILE_CONTROL.test(text)) return;
  const problems = new LineProblems();
  text.split('\n').forEach((l, i) => {
    const bad = FILE_CONTROL.exec(l)?.[0];
    if (bad !== undefined) problems.add(i + 1, t('input.controlChar', { char: codePointName(bad) }));
  });
  throw usageError('input.fileControl', { path: file, count: problems.count, problems: problems.text() });
}

/**
 * Reads a text file (`-` is standard input) as UTF-8 (a BOM is dropped) or GB18030: a regular
 * file of at most MAX_INPUT_BYTES with no control characters but tab and line breaks.
 * Invalid UTF-8 is refused with its line number and a hint to use --encoding gb18030.
 */
export function readTextFile(file: string, encoding: string = 'utf-8'): string {
  const enc = encoding.toLowerCase() === 'utf8' ? 'utf-8' : encoding.toLowerCase();
  if (!(ENCODINGS as readonly string[]).includes(enc)) throw usageError('input.encoding', { value: encoding, choices: ENCODINGS.join('|') });
  const bytes = readInput(file);
  let text: string;
  try {
    text = new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    throw dataError('input.badEncoding', { path: file, line: enc === 'utf-8' ? lineOfBadByte(bytes) : '?', encoding: enc });
  }
  if (text.startsWith('\ufeff')) text = text.slice(1);
  refuseControls(text, file === '-' ? 'stdin' : file);
  return text;
}
