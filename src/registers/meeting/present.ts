/** What the meeting commands share: the meeting argument, prompted fields, days from the command line. */
import type { Command } from 'commander';
import { parseDate } from '../../core/dates.js';
import type { Field } from '../../core/prompts.js';
import { describe, type Session } from '../../cli/kit.js';

export const meetingArg = (cmd: Command) => cmd.argument('<meeting>', describe({ zh: '会议编号，如 HY2026-0001', en: 'the meeting number, e.g. HY2026-0001' }));
/** A field that `s.complete` asks for on a terminal, or names as missing. */
export const field = (key: string, flag: string, zh: string, en: string, check?: (v: string) => void): Field => ({ key, flag, label: { zh, en }, check });
export const dayOf = (s: Session, v: string | undefined) => (v === undefined ? undefined : parseDate(v, s.clock));

