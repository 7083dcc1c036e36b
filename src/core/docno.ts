/**
 * 发文字号 (GB/T 9704-2012 §7.2.5): 机关代字〔年份〕序号号, e.g. `国办发〔2026〕7号`. The one module
 * every register uses to write, read and check a document number: the year in full inside
 * 六角括号 〔〕 (U+3014/U+3015), the serial an Arabic number without leading zeros and without 第,
 * ending in 号. Look-alike brackets (`[ ]`, `【 】`, `( )`, `（ ）`, …) are read as 〔〕 and the
 * caller is told they were changed; a form the standard forbids is named by the rule it breaks.
 */
import { usageError } from './errors.js';

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
