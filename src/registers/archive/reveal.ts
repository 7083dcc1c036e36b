/** --reveal: classified titles shown only when asked, and every reveal recorded before anything is shown. */
import type { Command } from 'commander';
import { recordReveal } from '../../core/reveal.js';
import { describe, type Session } from '../../cli/kit.js';
import { REGISTER } from './rules.js';

export const revealOption = (cmd: Command) => cmd.option('--reveal', describe({ zh: '显示涉密题名（记入日志）', en: 'show classified titles (journaled)' }));

/** Records the reveal before anything classified is shown. */
export function guardReveal(s: Session, reveal: boolean, command: string, refs: () => string[]): void {
  if (!reveal) return;
  const list = refs();
  s.tx((ctx) => recordReveal(ctx, REGISTER, command, list));
}

