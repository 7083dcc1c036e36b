/**
 * A streaming zip writer (PKWARE APPNOTE 6.3, deflate, data descriptors, no zip64) for the .xlsx
 * writer: entries are written as they are produced and never held whole. Each entry is one
 * deflate stream built from independently compressed pieces: every piece ends with a sync
 * flush (an empty stored block, so the pieces concatenate), and the entry ends with an empty
 * final block. Memory is one piece, whatever the entry's size.
 */
import zlib from 'node:zlib';
import { dataError } from '../errors.js';

/** Where the bytes go: an output's binary write, and whether its reader went away. */
export interface ByteSink {
  writeBytes(data: Uint8Array): void;
  readonly closed: boolean;
}

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  packed: number;
}

/** Pieces are compressed this large: big enough that starting afresh costs little. */
const PIECE = 256 * 1024;
const LIMIT = 0xffffffff;
/** 1980-01-01 00:00 in DOS form: the file's entries carry no clock, so a file depends on its rows only. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

export class ZipWriter {
  private entries: Entry[] = [];
  private offset = 0;
  private current: (Entry & { pendingLength: number }) | undefined;
  /** The current piece, encoded as it is written (one buffer reused for every piece, grown if a piece needs more). */
  private piece = Buffer.allocUnsafe(PIECE * 3 + 64 * 1024);
  private used = 0;

  constructor(private sink: ByteSink) {}

  private put(data: Uint8Array): void {
    this.sink.writeBytes(data);
    this.offset += data.length;
    if (this.offset > LIMIT) throw dataError('output.xlsxTooLarge');
  }

  /** Starts an entry; text written with `write` goes into it until `end`. */
  begin(name: string): void {
    if (this.current) this.end();
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(FLAGS, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(DOS_TIME, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt16LE(nameBytes.length, 26);
    this.current = { name: nameBytes, offset: this.offset, crc: 0, size: 0, packed: 0, pendingLength: 0 };
    this.put(head);
    this.put(nameBytes);
  }

  write(text: string): void {
    const e = this.current!;
    // a UTF-16 unit is at most 3 bytes of UTF-8
    if (this.used + text.length * 3 > this.piece.length) {
      const bigger = Buffer.allocUnsafe(this.used + text.length * 3 + PIECE * 3);
      this.piece.copy(bigger, 0, 0, this.used);
      this.piece = bigger;
    }
    this.used += this.piece.write(text, this.used);
    e.pendingLength += text.length;
    if (e.pendingLength >= PIECE) this.compress();
  }

  private compress(): void {
    const e = this.current!;
    if (e.pendingLength === 0) return;
    const data = this.piece.subarray(0, this.used);
    this.used = 0;
    e.pendingLength = 0;
    e.crc = zlib.crc32(data, e.crc);
    e.size += data.length;
    if (e.size > LIMIT) throw dataError('output.xlsxTooLarge');
    const packed = zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    e.packed += packed.length;
    this.put(packed);
  }

  /** Ends the current entry: its last piece, the final block, and the data descriptor. */
  end(): void {
    const e = this.current;
    if (!e) return;
    this.compress();
    this.put(FINAL_EMPTY_BLOCK);
    e.packed += FINAL_EMPTY_BLOCK.length;
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(e.crc >>> 0, 4);
    desc.writeUInt32LE(e.packed, 8);
    desc.writeUInt32LE(e.size, 12);
    this.put(desc);
    this.entries.push({ name: e.name, offset: e.offset, crc: e.crc >>> 0, size: e.size, packed: e.packed });
    this.current = undefined;
  }

  /** Ends the last entry and writes the central directory. */
  finish(): void {
    this.end();
    const start = this.offset;
    for (const e of this.entries) {
      const rec = Buffer.alloc(46);
      rec.writeUInt32LE(0x02014b50, 0);
      rec.writeUInt16LE(20, 4);
      rec.writeUInt16LE(20, 6);
      rec.writeUInt16LE(FLAGS, 8);
      rec.writeUInt16LE(8, 10);
      rec.writeUInt16LE(DOS_TIME, 12);
      rec.writeUInt16LE(DOS_DATE, 14);
      rec.writeUInt32LE(e.crc, 16);
      rec.writeUInt32LE(e.packed, 20);
      rec.writeUInt32LE(e.size, 24);
      rec.writeUInt16LE(e.name.length, 28);
      rec.writeUInt32LE(e.offset, 42);
      this.put(rec);
      this.put(e.name);
    }
    const tail = Buffer.alloc(22);
    tail.writeUInt32LE(0x06054b50, 0);
    tail.writeUInt16LE(this.entries.length, 8);
    tail.writeUInt16LE(this.entries.length, 10);
    tail.writeUInt32LE(this.offset - start, 12);
    tail.writeUInt32LE(start, 16);
    this.put(tail);
  }
}

/** Reads a zip this writer made (or any deflated/stored zip without zip64): entry name → bytes. For tests and checks. */
export function readZip(data: Buffer): Map<string, Buffer> {
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = data.readUInt16LE(end + 10);
  let p = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = data.readUInt16LE(p + 10);
    const crc = data.readUInt32LE(p + 16);
    const packed = data.readUInt32LE(p + 20);
    const nameLength = data.readUInt16LE(p + 28);
    const extra = data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
    const local = data.readUInt32LE(p + 42);
    const name = data.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const at = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(at, at + packed);
    const body = method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
    if (zlib.crc32(body) >>> 0 !== crc) throw new Error(`bad CRC in ${name}`);
    files.set(name, body);
    p += 46 + nameLength + extra;
  }
  return files;
}
