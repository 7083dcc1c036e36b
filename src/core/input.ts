/** Reading a file a user hands us (a CSV of counts, a list of shelf numbers): all of it, checked, before anything changes. */
import fs from 'node:fs';
import { dataError, usageError } from './errors.js';

export const ENCODINGS = ['utf-8', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

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

/**
 * Reads a text file (`-` is standard input) as UTF-8 (a BOM is dropped) or GB18030.
 * Invalid UTF-8 is refused with its line number and a hint to use --encoding gb18030.
 */
export function readTextFile(file: string, encoding: string = 'utf-8'): string {
  const enc = encoding.toLowerCase() === 'utf8' ? 'utf-8' : encoding.toLowerCase();
  if (!(ENCODINGS as readonly string[]).includes(enc)) throw usageError('input.encoding', { value: encoding, choices: ENCODINGS.join('|') });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw dataError('input.notFound', { path: file });
    if (code === 'EISDIR') throw dataError('input.notAFile', { path: file });
    throw e;
  }
  let text: string;
  try {
    text = new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    throw dataError('input.badEncoding', { path: file, line: enc === 'utf-8' ? lineOfBadByte(bytes) : '?', encoding: enc });
  }
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
