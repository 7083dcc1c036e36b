/**
 * The list of attendees read from a file (--attendees-file): one name per line, or a CSV whose
 * header has a 姓名/name column (and optionally 单位/职务/unit). All or nothing: any bad line
 * refuses the whole file, listing the lines.
 */
import { usageError } from '../../core/errors.js';
import { LineProblems } from '../../core/input.js';
import { t } from '../../core/i18n.js';
import { parseCsv } from '../../core/output/csv.js';
import { DEFAULT_TEXT_LIMIT } from '../../core/text.js';
import type { Attendee } from './rules.js';

const NAME_HEADS = ['姓名', 'name'];
const UNIT_HEADS = ['单位/职务', '单位', '职务', 'unit', 'post'];

const headIndex = (header: string[], names: string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()));

/** Reads the attendees from the text of a file (already checked as UTF-8 without control characters). */
export function parseAttendees(text: string, path: string): Attendee[] {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const lines: { line: number; name: string; unit: string | null }[] = [];
  if (headIndex(firstLine.split(','), NAME_HEADS) >= 0) {
    let parsed;
    try {
      parsed = parseCsv(text);
    } catch (e) {
      const err = e as { code?: string };
      if (err.code) throw usageError(err.code, { ...(e as object), path });
      throw e;
    }
    const name = headIndex(parsed.header, NAME_HEADS);
    const unit = headIndex(parsed.header, UNIT_HEADS);
    for (const r of parsed.rows) lines.push({ line: r.line, name: (r.cells[name] ?? '').trim(), unit: unit >= 0 ? (r.cells[unit] ?? '').trim() || null : null });
  } else {
    text.split(/\r?\n/).forEach((l, i) => {
      if (l.trim() !== '') lines.push({ line: i + 1, name: l.trim(), unit: null });
    });
  }
  const problems = new LineProblems();
  const seen = new Map<string, number>();
  for (const l of lines) {
    if (l.name === '') problems.add(l.line, t('meeting.file.blankName'));
    else if ([...l.name].length > DEFAULT_TEXT_LIMIT) problems.add(l.line, t('meeting.file.longName', { max: DEFAULT_TEXT_LIMIT }));
    else if (l.unit !== null && [...l.unit].length > DEFAULT_TEXT_LIMIT) problems.add(l.line, t('meeting.file.longUnit', { max: DEFAULT_TEXT_LIMIT }));
    else if (seen.has(l.name)) problems.add(l.line, t('meeting.file.repeated', { name: l.name, first: seen.get(l.name) }));
    else seen.set(l.name, l.line);
  }
  if (problems.count > 0) throw usageError('meeting.attendeesFile', { path, count: problems.count, problems: problems.text() });
  if (lines.length === 0) throw usageError('meeting.attendeesEmpty', { path });
  return lines.map((l) => ({ name: l.name, unit: l.unit }));
}
