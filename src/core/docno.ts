/**
 * 发文字号 (GB/T 9704-2012 §7.2.5): 机关代字〔年份〕序号号, e.g. `国办发〔2026〕7号`. The one module
 * every register uses to write, read and check a document number: the year in full inside
 * 六角括号 〔〕 (U+3014/U+3015), the serial an Arabic number without leading zeros and without 第,
 * ending in 号. Look-alike brackets (`[ ]`, `【 】`, `( )`, `（ ）`, …) are read as 〔〕 and the
 * caller is told they were changed; a form the standard forbids is named by the rule it breaks.
 */
import { usageError } from './errors.js';
import { t } from './i18n.js';

export interface DocNo {
  /** 机关代字, e.g. 某办发. */
  prefix: string;
  year: number;
  serial: number;
}

/** What reading a typed 文号 found. */
export interface DocNoReading {
  /** The text with look-alike brackets made 〔〕 and full-width digits folded, trimmed. */
  text: string;
  /** True when `text` differs from what was typed in its brackets (the caller says so). */
  bracketsChanged: boolean;
  /** The parts, when the text is a well-formed 文号. */
  docNo?: DocNo;
  /** The message key of the rule a malformed 文号 breaks (docno.leadingZero, docno.di, …). */
  problem?: string;
}

/** Opening and closing brackets people type for 〔〕. */
const OPEN = /[\[【(（［〖﹝｛{〘]/g;
const CLOSE = /[\]】)）］〗﹞｝}〙]/g;

const foldDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** `代字〔2026〕7号`. */
export function formatDocNo(d: DocNo): string {
  return `${d.prefix}〔${d.year}〕${d.serial}号`;
}

/** Refuses a 机关代字 that could not stand before 〔: empty, with spaces, brackets or digits at its end. */
export function checkPrefix(prefix: string): string {
  const p = prefix.trim();
  if (p === '' || /\s/.test(p) || /[〔〕\[\]【】()（）［］]/.test(p) || /[0-9０-９]$/.test(p) || [...p].length > 20) throw usageError('docno.prefix', { value: prefix });
  return p;
}

/** Reads a typed 文号: normalises its brackets and names the rule a malformed one breaks. */
export function readDocNo(typed: string): DocNoReading {
  const trimmed = foldDigits(typed.trim()).replace(/\s+/g, '');
  const text = trimmed.replace(OPEN, '〔').replace(CLOSE, '〕');
  const bracketsChanged = text !== trimmed;
  const m = /^(.+?)〔(\d+)〕(第?)(\d+)(号?)$/.exec(text);
  if (!m) return { text, bracketsChanged, problem: /〔\d+〕/.test(text) ? 'docno.serial' : 'docno.form' };
  const [, prefix, year, di, serial, hao] = m;
  let problem: string | undefined;
  if (year!.length !== 4) problem = 'docno.year';
  else if (di) problem = 'docno.di';
  else if (serial!.startsWith('0')) problem = 'docno.leadingZero';
  else if (!hao) problem = 'docno.hao';
  if (problem) return { text, bracketsChanged, problem };
  return { text, bracketsChanged, docNo: { prefix: prefix!, year: Number(year), serial: Number(serial) } };
}

/** A well-formed 文号 (brackets normalised), or a usage error naming the rule it breaks. */
export function parseDocNo(typed: string): DocNo & { bracketsChanged: boolean } {
  const r = readDocNo(typed);
  if (!r.docNo) throw usageError(r.problem!, { value: typed.trim() });
  return { ...r.docNo, bracketsChanged: r.bracketsChanged };
}

/** Something to say on stderr about how a 文号 was recorded: a message key and its values. */
export interface DocNoNote {
  key: string;
  params: Record<string, string>;
}

/** A 文号 as a register records it, and the notes to say. */
export interface RecordedDocNo {
  value: string;
  notes: DocNoNote[];
}

/**
 * Whether typed text is meant as a 文号 (GB/T 9704): it has 〔 or 〕, a bracketed four-digit year
 * (`[2026]`, `（2026）`, …) or the whole shape 代字〔年份〕序号号 in any brackets. A company's own
 * number such as `HT-2026-001` is not.
 */
function looksLikeDocNo(typed: string, text: string): boolean {
  return /[〔〕]/.test(typed) || /〔\d{4}〕/.test(text) || /^.+〔\d+〕第?\d+号$/.test(text);
}

/**
 * A 文号 as a register that records what a document says (incoming, archive) stores it: one meant
 * as a 文号 with its look-alike brackets made 〔〕 (and said), a form the standard forbids kept as
 * written (and the rule named); anything else kept as typed, with nothing to say.
 */
export function recordDocNo(typed: string): RecordedDocNo {
  const asTyped = typed.trim();
  const reading = readDocNo(typed);
  if (!looksLikeDocNo(asTyped, reading.text)) return { value: asTyped, notes: [] };
  const notes: DocNoNote[] = [];
  if (reading.bracketsChanged) notes.push({ key: 'docno.bracketsChanged', params: { typed: asTyped, value: reading.text } });
  if (reading.problem) notes.push({ key: 'docno.keptAsWritten', params: { rule: reading.problem, value: reading.text } });
  return { value: reading.text, notes };
}

/** The line a note says: a forbidden form's rule, then that it was kept as written. */
export function docNoNoteText(note: DocNoNote): string {
  if (note.key === 'docno.keptAsWritten') return t('docno.keptAsWritten', { rule: t(note.params.rule!, { value: note.params.value }) });
  return t(note.key, note.params);
}

/** A search text with look-alike brackets made 〔〕 and full-width digits folded, so `[2026]` finds `〔2026〕`. */
export function docNoSearchText(text: string): string {
  return readDocNo(text).text;
}

/** The lines a command says on stderr after recording a typed 文号 (none when none was typed). */
export function docNoLines(typed: string | undefined): string[] {
  return typed === undefined || typed.trim() === '' ? [] : recordDocNo(typed).notes.map(docNoNoteText);
}
