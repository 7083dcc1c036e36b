/**
 * The export's hot path (#16): CSV/TSV lines built cell by cell, text encoded into one reused
 * buffer, plain cells passed through in one test. Each gives the bytes the plain composition gives,
 * and a reader going away stops the export.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, csvLine, tsvCell, tsvLine } from '../../src/core/output/csv.js';
import { renderStream, written, type Column, type Row } from '../../src/core/output/render.js';
import { fdOut, fileOut, memoryOut } from '../../src/core/output/sink.js';
import { readZip, ZipWriter } from '../../src/core/output/zip.js';
import { tempDir } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every kind of cell the rules treat differently: formula starts (ASCII and full-width), quotes, commas, edge spaces (a full-width one too), controls (C0, C1, newline, tab). */
const TRICKY = ['', 'plain', '关于做好第1项工作的通知', '财预〔2026〕1号', 'a b', ' lead', 'trail ', '\u3000全角', '全角\u3000', '=1+1', '+86', '-2', '-2+3', '@x', '＝1', '＋1', '－1', '＠x', 'a,b', 'say "hi"', 'two\nlines', 'tab\there', 'cr\rhere', '\tx', 'esc\u001b[31m', 'c1\u0085x', 'del\u007f', '000003'];

describe('cells and lines', () => {
  it('a plain cell is written as it is, every other one as the rules say', () => {
    expect(TRICKY.map(csvCell)).toEqual([
      '', 'plain', '关于做好第1项工作的通知', '财预〔2026〕1号', 'a b', '" lead"', '"trail "', '"\u3000全角"', '"全角\u3000"', "'=1+1", "'+86", '-2', "'-2+3", "'@x", "'＝1", "'＋1", "'－1", "'＠x",
      '"a,b"', '"say ""hi"""', '"two\nlines"', 'tab\\x09here', 'cr\\x0dhere', "'\\x09x", 'esc\\x1b[31m', 'c1\\u0085x', 'del\\x7f', '000003',
    ]);
    expect(TRICKY.map(tsvCell)).toEqual([
      '', 'plain', '关于做好第1项工作的通知', '财预〔2026〕1号', 'a b', ' lead', 'trail ', '\u3000全角', '全角\u3000', "'=1+1", "'+86", '-2', "'-2+3", "'@x", "'＝1", "'＋1", "'－1", "'＠x",
      'a,b', 'say "hi"', 'two lines', 'tab here', 'cr here', ' x', 'esc\\x1b[31m', 'c1\\u0085x', 'del\\x7f', '000003',
    ]);
  });

  it('renderStream gives, line for line, what csvLine and tsvLine give the written values', () => {
    const columns: Column[] = [
      { key: 'a', label: { zh: '甲', en: 'a' }, kind: 'text' },
      { key: 'n', label: { zh: '数', en: 'n' }, kind: 'id', num: true },
      { key: 's', label: { zh: '状态', en: 'state' }, kind: 'id', text: (v) => `[${String(v)}]` },
      { key: 'm', label: { zh: '金额', en: 'money' }, kind: 'id', num: true, text: (v) => (Number(v) / 100).toFixed(2), as: { csv: (v) => Number(v) / 100 } },
    ];
    const rows: Row[] = TRICKY.map((a, i) => ({ a, n: i % 3 === 0 ? null : i, s: i % 4 === 0 ? undefined : a, m: i * 125 - 1000 }));
    for (const [format, line] of [['csv', csvLine], ['tsv', tsvLine]] as const) {
      const out = memoryOut();
      expect(renderStream(out, columns, rows, { format, bom: false })).toBe(rows.length);
      const expected = [line(['a', 'n', 'state', 'money']), ...rows.map((r) => line(columns.map((c) => written(c, r, format))))].join('');
      expect(out.text()).toBe(expected);
    }
  });
});

describe('output to a file descriptor', () => {
  it('gives the bytes of the text written, across buffer edges, for a text longer than the buffer and after bytes', () => {
    const target = path.join(dir, 'out.csv');
    const out = fileOut(target, { force: false, protect: [] });
    const parts: string[] = [];
    const write = (text: string) => {
      parts.push(text);
      out.write(text);
    };
    for (let i = 0; i < 30_000; i++) write(`收文${i},〔2026〕\r\n`);
    write('甲'.repeat(100_000));
    write('x');
    out.writeBytes(Buffer.from([0xff, 0x00]));
    write('尾');
    out.commit();
    const bytes = fs.readFileSync(target);
    const texts = parts.slice(0, -1).join('');
    expect(bytes.equals(Buffer.concat([Buffer.from(texts), Buffer.from([0xff, 0x00]), Buffer.from('尾')]))).toBe(true);
  });

  it('stops the export when the reader goes away (| head), having read only some of the rows', async () => {
    const fifo = path.join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const head = spawn('head', ['-c', '100', fifo], { stdio: ['ignore', 'ignore', 'ignore'] });
    const ended = new Promise((resolve) => head.on('close', resolve));
    const fd = fs.openSync(fifo, 'w');
    try {
      const out = fdOut(fd, false);
      const total = 2_000_000;
      let pulled = 0;
      const rows = function* () {
        for (let i = 0; i < total; i++) {
          pulled++;
          yield { n: i, title: `关于做好第${i}项工作的通知` };
        }
      };
      const columns: Column[] = [
        { key: 'n', label: { zh: '号', en: 'no' }, kind: 'id', num: true },
        { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text' },
      ];
      const written = renderStream(out, columns, rows(), { format: 'csv', bom: true });
      expect(out.closed).toBe(true);
      expect(written).toBeLessThan(total);
      expect(pulled).toBeLessThan(total);
    } finally {
      fs.closeSync(fd);
    }
    await ended;
  });
});

describe('the zip writer of an .xlsx', () => {
  it('encodes each piece into one reused buffer, grown for a text longer than it, and the entry reads back whole with its CRC', () => {
    const out = memoryOut();
    const zip = new ZipWriter(out);
    const parts: string[] = [];
    zip.begin('sheet.xml');
    for (let i = 0; i < 20_000; i++) parts.push(`<row r="${i}"><c><is><t>关于做好第${i}项工作的通知</t></is></c></row>`);
    parts.push('长'.repeat(400_000)); // more than the buffer holds at three bytes a unit
    parts.push('<end/>');
    for (const p of parts) zip.write(p);
    zip.begin('second.xml');
    zip.write('<b>二</b>');
    zip.finish();
    const files = readZip(out.bytes());
    expect(files.get('sheet.xml')!.toString('utf8')).toBe(parts.join(''));
    expect(files.get('second.xml')!.toString('utf8')).toBe('<b>二</b>');
  });
});
