/**
 * Paper books printed to PDF through the built binary and the browser on the machine, then read
 * back with poppler (pdfinfo, pdftotext, pdftoppm): a 120-row incoming book and a seal book.
 * Skipped where those programs are missing; CI installs them (WENMI_E2E=required).
 *
 * `WENMI_PRINT_PNG=docs/print-incoming.png npx vitest run test/e2e/print.test.ts` also writes
 * the picture of page 1 that the README shows (npm run build first).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, externalTool, ROOT, tempDir } from '../helpers.js';
import { seedIncoming } from '../seed.js';

const browser = externalTool('chromium', 'chromium-browser', 'google-chrome');
const pdfinfo = externalTool('pdfinfo');
const pdftotext = externalTool('pdftotext');
const pdftoppm = externalTool('pdftoppm');
const tools = browser && pdfinfo && pdftotext && pdftoppm;

/** A browser on a loaded machine can take a while to start. */
const SLOW = 120_000;

function run(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The PDF's pages as text, in the order it was drawn (a cell's wrapped lines stay together). */
function pagesOf(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(run(pdfinfo!, [pdf]))![1]);
  return Array.from({ length: count }, (_, i) => run(pdftotext!, ['-raw', '-f', String(i + 1), '-l', String(i + 1), pdf, '-']));
}

/** Text with the spaces pdftotext puts between Chinese characters and at wrapped lines taken out. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!tools)('paper books printed to PDF in a real browser', () => {
  let dir: string;
  let env: Record<string, string>;
  /** The browser's temporary folders go here, to see that they are removed. */
  let browserTemp: string;
  const wenmi = (args: string[]) => bin(args, { env, timeout: SLOW });

  beforeAll(() => {
    dir = tempDir();
    browserTemp = path.join(dir, 'tmp');
    fs.mkdirSync(browserTemp);
    env = { WENMI_DB: path.join(dir, 'w.db'), WENMI_BROWSER: browser!, TMPDIR: browserTemp, LANG: 'zh_CN.UTF-8' };
    seedIncoming(env.WENMI_DB!, 118);
    expect(wenmi(['config', 'set', 'unit.name', '某市某局办公室']).code).toBe(0);
    const long = '关于进一步做好二〇二七年度部门预算编制和政府采购预算管理工作有关事项的通知（请各单位于规定时间内报送书面材料和电子文档）';
    expect(wenmi(['incoming', 'receive', '--sender', '市财政局', '--sender-no', '财预〔2026〕119号', '--title', long, '--pages', '12']).code).toBe(0);
    expect(wenmi(['incoming', 'receive', '--sender', '市委办公室', '--title', '关于<script>alert(1)</script></td>的函', '--pages', '1']).code).toBe(0);
  }, SLOW);

  it('prints a 120-row incoming book on A4 landscape: headings and page numbers on every page, rows whole, every title in full, the journal head last', () => {
    const pdf = path.join(dir, '收文2026-11.pdf');
    const r = wenmi(['incoming', 'print', '--month', '2026-11', '--format', 'pdf', '-o', pdf]);
    expect(r.stderr).toContain(`已写入 ${pdf}`);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(browserTemp)).toEqual([]);
    if (process.platform !== 'win32') expect(fs.statSync(pdf).mode & 0o777).toBe(0o600);
    const info = run(pdfinfo!, [pdf]);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/); // landscape: wider than high
    const pages = pagesOf(pdf);
    // 120 rows of one or two lines, with the headings on each page: some 20 to 30 rows a page
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(7);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('收文编号');
      expect(text, `page ${i + 1}`).toContain('来文单位');
      expect(squeeze(text), `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`);
    });
    expect(squeeze(pages[0]!)).toContain('某市某局办公室收文登记簿');
    // each row on exactly one page, its number and its whole title on that same page
    const flat = pages.map(squeeze);
    for (let n = 1; n <= 120; n++) {
      const number = `2026-${String(n).padStart(4, '0')}`;
      const on = flat.flatMap((text, i) => (text.includes(number) ? [i] : []));
      expect(on, number).toHaveLength(1);
      const title = n <= 118 ? `关于做好第${n}项工作的通知` : n === 119 ? '关于进一步做好二〇二七年度部门预算编制和政府采购预算管理工作有关事项的通知（请各单位于规定时间内报送书面材料和电子文档）' : '关于<script>alert(1)</script></td>的函';
      expect(flat[on[0]!], `${number} ${title}`).toContain(squeeze(title));
    }
    // rows fill the pages in order, and every page but perhaps the last holds some
    expect(flat.slice(0, -1).every((text) => /2026-\d{4}/.test(text))).toBe(true);
    const head = wenmi(['verify']).stdout.trim();
    expect(head).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(pages[pages.length - 1]).toContain(head);
    expect(flat.slice(0, -1).some((text) => text.includes(head))).toBe(false);
    expect(squeeze(pages[pages.length - 1]!)).toContain('经办人（签字）：');
    // a picture of page 1 for a person to look at, kept with the test's files
    run(pdftoppm!, ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page1')]);
    expect(fs.statSync(path.join(dir, 'page1.png')).size).toBeGreaterThan(10_000);
    const keep = process.env.WENMI_PRINT_PNG;
    if (keep) run(pdftoppm!, ['-png', '-scale-to', '1100', '-f', '1', '-l', '1', '-singlefile', pdf, path.resolve(ROOT, keep).replace(/\.png$/, '')]);
  }, SLOW);

  it('prints the seal book to PDF with its signature block and journal head', () => {
    for (const args of [
      ['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04'],
      ['seal', 'request', '--seal', '公章', '--doc', '关于采购办公设备的合同', '--unit', '办公室', '--purpose', '签订合同', '--count', '3', '--requester', '陈经办'],
      ['seal', 'approve', 'Y2026-0001', '--approver', '周主任'],
      ['seal', 'stamp', 'Y2026-0001', '--count', '3'],
    ])
      expect(wenmi(args).code, args.join(' ')).toBe(0);
    const pdf = path.join(dir, '用印.pdf');
    expect(wenmi(['seal', 'print', '--month', '2026-11', '--paper', 'a4-portrait', '-o', pdf]).code).toBe(0);
    expect(run(pdfinfo!, [pdf])).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(1);
    const text = squeeze(pages[0]!);
    expect(text).toContain('某市某局办公室印章使用登记簿');
    expect(text).toContain('关于采购办公设备的合同');
    expect(text).toContain('第1页共1页');
    expect(text).toContain('审核人（签字）：');
    expect(pages[0]).toContain(wenmi(['verify']).stdout.trim());
    expect(fs.readdirSync(browserTemp)).toEqual([]);
  }, SLOW);
});
