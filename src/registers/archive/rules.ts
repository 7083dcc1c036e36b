/** The rules of the archive register (归档, 清点核对): plain functions over the database, no I/O. Loans are in loans.ts. */
import { formatDate } from '../../core/dates.js';
import { writeTx, type DB } from '../../core/db.js';
import { recordDocNo } from '../../core/docno.js';
import { dataError, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { addLink } from '../../core/links.js';
import { formatClassification, maskedTitle, parseClassification } from '../../core/secret.js';
import { getSetting } from '../../core/settings.js';
import { markIncomingFiled } from '../incoming/api.js';
import { canonicalArchiveNo, normalizeArchiveNo } from './normalize.js';
import { requireUnfinishedFromIncoming } from './readiness.js';
import { fromIncoming, fromMeeting, fromOutgoing, requireOneSource, type FileFields } from './sources.js';

export type { FileFields };
import { FILED_FROM } from './schema.js';
import { archiveSettings } from './settings.js';

export { canonicalArchiveNo, normalizeArchiveNo };
import { allItems, findItem, nextItemSerial, type ItemRow, type RevisionValues } from './sql.js';

export const REGISTER = 'archive';
export const RETENTIONS = ['Y', 'D30', 'D10'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const RETENTION_LABELS: Record<Retention, { zh: string; en: string }> = {
  Y: { zh: '永久', en: 'permanent' },
  D30: { zh: '定期30年', en: '30 years' },
  D10: { zh: '定期10年', en: '10 years' },
};

/** Parses a retention period: `Y`, `D30`, `D10`, or the Chinese words 永久, 定期30年 (30年), 定期10年 (10年). */
export function parseRetention(text: string): Retention {
  const t = text.normalize('NFKC').trim().toUpperCase();
  if ((RETENTIONS as readonly string[]).includes(t)) return t as Retention;
  const zh: Record<string, Retention> = { 永久: 'Y', 定期30年: 'D30', '30年': 'D30', 定期10年: 'D10', '10年': 'D10' };
  const r = zh[t];
  if (!r) throw usageError('archive.retention', { value: text });
  return r;
}

/** An org (机构/问题) code: 1–6 letters or digits, upper case; empty means none. */
export function parseOrg(text: string | null | undefined): string {
  const t = (text ?? '').normalize('NFKC').trim().toUpperCase();
  if (t !== '' && !/^[A-Z0-9]{1,6}$/.test(t)) throw usageError('archive.org', { value: text });
  return t;
}

export interface ArchiveNoParts {
  fonds: string;
  category: string;
  year: number;
  retention: string;
  org: string;
  serial: number;
}

/** 档号 per DA/T 22-2015: 全宗号-门类代码·年度-保管期限[-机构代码]-件号, e.g. Z001-WS·2026-Y-BGS-0001. */
export function formatArchiveNo(p: ArchiveNoParts): string {
  return `${p.fonds}-${p.category}\u00b7${p.year}-${p.retention}${p.org ? `-${p.org}` : ''}-${String(p.serial).padStart(4, '0')}`;
}

export function getItem(db: DB, ref: string): ItemRow {
  const row = findItem(db, canonicalArchiveNo(ref));
  if (!row) throw dataError('archive.notFound', { ref });
  return row;
}

/** A void entry is kept for the record only: it is not lent, corrected or voided again. */
export function requireNotVoid(row: ItemRow): void {
  if (row.voided_on) throw dataError('archive.isVoid', { ref: row.archive_no, on: row.voided_on, reason: row.void_reason });
}

/** 载体 of an archive item. */
export const MEDIA = ['纸质', '电子', '照片', '实物'] as const;

/** More pages than this is a typing slip (and past 2^53 it would be stored as a float). */
export const MAX_PAGES = 99999;

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/** The 全宗号 and 门类代码 from the settings; filing without a 全宗号 is refused with how to set it. */
export function fondsAndCategory(db: DB): { fonds: string; category: string } {
  const fonds = getSetting(db, archiveSettings, 'archive.fonds');
  if (!fonds) throw dataError('archive.noFonds');
  return { fonds, category: getSetting(db, archiveSettings, 'archive.category') ?? 'WS' };
}

/**
 * The catalogue fields checked as a whole: title and author given, a date not in the future,
 * the classification, the pages. `missing` are flags already known to be missing, named with the others.
 */
export function catalogValues(ctx: Ctx, f: FileFields, missing: string[] = []): RevisionValues {
  let title = (f.title ?? '').trim();
  if (f.ownTitle) title = title.replace(/^[[［【]\s*/, '').replace(/\s*[\]］】]$/, '');
  const author = (f.author ?? '').trim();
  const absent = [title === '' && '--title', author === '' && '--author', !f.date && '--date', ...missing].filter(Boolean);
  if (absent.length) throw usageError('input.missing', { flags: absent.join(' ') });
  const date = f.date!;
  if (date > formatDate(ctx.clock.now())) throw usageError('archive.dateInFuture', { date, today: formatDate(ctx.clock.now()) });
  const secret = f.secret === undefined || f.secret === null || f.secret.trim() === '' ? null : parseClassification(f.secret);
  if (f.pages !== undefined && f.pages !== null && (!Number.isInteger(f.pages) || f.pages < 1 || f.pages > MAX_PAGES)) throw usageError('archive.pages', { value: f.pages, max: MAX_PAGES });
  return {
    title,
    own_title: f.ownTitle === true ? 1 : 0,
    author,
    doc_no: f.docNo == null || f.docNo.trim() === '' ? null : recordDocNo(f.docNo).value, // what the document says, brackets made 〔〕
    doc_date: date,
    secret_level: secret?.level ?? null,
    secret_period: secret?.period ?? null,
    pages: f.pages ?? null,
    box: blankToNull(f.box),
    location: blankToNull(f.location),
    note: blankToNull(f.note),
  };
}

/** 归档: files one item and gives it the next 件号 of its series (year, retention period, org code). */
export function fileItem(ctx: Ctx, fields: FileFields): ItemRow {
  return writeTx(ctx.db, () => {
    const { fonds, category } = fondsAndCategory(ctx.db);
    requireUnfinishedFromIncoming(fields.fromIncoming, fields);
    requireOneSource(fields);
    const medium = fields.medium?.trim() || '纸质';
    if (!(MEDIA as readonly string[]).includes(medium)) throw usageError('archive.medium', { value: medium, choices: MEDIA.join('、') });
    const source =
      fields.fromIncoming !== undefined
        ? fromIncoming(ctx.db, fields, fields.fromIncoming)
        : fields.fromOutgoing !== undefined
          ? fromOutgoing(ctx.db, fields, fields.fromOutgoing)
          : fields.fromMeeting !== undefined
            ? fromMeeting(ctx.db, fields, fields.fromMeeting)
            : null;
    const f = source?.fields ?? fields;
    const values = catalogValues(ctx, f, f.retention ? [] : ['--retention']);
    const retention = parseRetention(f.retention!);
    const org = parseOrg(f.org);
    const year = Number(values.doc_date.slice(0, 4));
    const serial = nextItemSerial(ctx.db, { fonds, category, year, retention, org });
    if (serial > 9999) throw dataError('archive.seriesFull', { series: formatArchiveNo({ fonds, category, year, retention, org, serial: 0 }).slice(0, -5) });
    const archiveNo = formatArchiveNo({ fonds, category, year, retention, org, serial });
    post(ctx, {
      register: REGISTER,
      action: 'file',
      table: 'archive_items',
      values: { archive_no: archiveNo, fonds, category, year, retention, org, serial, ...values, filed_on: formatDate(ctx.clock.now()), attachments: blankToNull(fields.attachments), medium, instruction: source?.instruction ?? null },
      reason: source?.reason ?? null,
    });
    if (source) {
      addLink(ctx, FILED_FROM, { register: REGISTER, ref: archiveNo }, source.link);
      if (source.link.register === 'incoming') markIncomingFiled(ctx, source.link.ref);
    }
    return findItem(ctx.db, archiveNo)!;
  });
}

/** The title as lists show it: a classified title masked unless revealed; an archivist's title in [ ]. */
export function shownTitle(row: { title: string; own_title: number; secret_level: string | null }, reveal: boolean): string {
  if (row.secret_level !== null && !reveal) return maskedTitle(row.secret_level);
  return row.own_title ? `[${row.title}]` : row.title;
}

export function classificationOf(row: { secret_level: string | null; secret_period: string | null }): string {
  return formatClassification(row.secret_level, row.secret_period);
}

/**
 * What the shelf check found about one 档号. Stored words: 缺失 (neither on the shelf nor on loan),
 * 借出在架 (on the shelf but the register says it is out), 作废在架 (on the shelf but voided),
 * 未登记 (not in the catalogue).
 */
export interface ShelfFinding {
  archiveNo: string;
  finding: '缺失' | '借出在架' | '作废在架' | '未登记';
  loanNo: string | null;
  /** Line in the list of found items (for 借出在架 and 未登记). */
  line: number | null;
}

/** A 档号 listed more than once (a double scan, or two items wearing one label): not a difference, but said. */
export interface ShelfDuplicate {
  archiveNo: string;
  lines: number[];
}

/**
 * The 档号 on one line of a shelf list: its first field, so a list exported from a spreadsheet
 * (`档号,盒号` or tab-separated) or a quoted cell works; null for a blank line.
 */
export function shelfListEntry(line: string): string | null {
  const first = line.normalize('NFKC').trim().split(/[\s,;]+/)[0]!.replace(/^"(.*)"$/, '$1');
  return first === '' ? null : canonicalArchiveNo(first);
}

/** 清点核对: compares the 档号 found on the shelves (one per line; blank lines ignored) with the register. */
export function checkShelf(db: DB, text: string): { findings: ShelfFinding[]; duplicates: ShelfDuplicate[]; items: number; found: number } {
  const found = new Map<string, number[]>();
  text.split(/\r?\n|\r/).forEach((l, i) => {
    const no = shelfListEntry(l);
    if (no === null) return;
    const lines = found.get(no);
    if (lines) lines.push(i + 1);
    else found.set(no, [i + 1]);
  });
  const items = allItems(db);
  const known = new Set(items.map((r) => r.archive_no));
  const findings: ShelfFinding[] = [];
  for (const it of items) {
    const line = found.get(it.archive_no)?.[0];
    if (it.voided_on !== null) {
      if (line !== undefined) findings.push({ archiveNo: it.archive_no, finding: '作废在架', loanNo: null, line });
      continue;
    }
    if (line === undefined && it.loan_no === null) findings.push({ archiveNo: it.archive_no, finding: '缺失', loanNo: null, line: null });
    if (line !== undefined && it.loan_no !== null) findings.push({ archiveNo: it.archive_no, finding: '借出在架', loanNo: it.loan_no, line });
  }
  for (const [no, lines] of found) if (!known.has(no)) findings.push({ archiveNo: no, finding: '未登记', loanNo: null, line: lines[0]! });
  const duplicates = [...found].filter(([, lines]) => lines.length > 1).map(([archiveNo, lines]) => ({ archiveNo, lines }));
  return { findings, duplicates, items: items.length, found: found.size };
}
