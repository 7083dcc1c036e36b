/** Classified titles are masked everywhere; each time a command is asked to reveal them, that is recorded. */
import type { Migration } from './db.js';
import { appendOnly } from './db.js';
import { post, type Ctx } from './journal.js';

export const revealsMigration: Migration = {
  id: 'core:003-reveals',
  up(db) {
    db.exec(`
CREATE TABLE reveals (
  id INTEGER PRIMARY KEY,
  register TEXT NOT NULL,
  command TEXT NOT NULL,
  refs TEXT NOT NULL
);
${appendOnly('reveals')}`);
  },
};

/** Records who revealed which classified entries (their numbers) with which command. Call inside writeTx. */
export function recordReveal(ctx: Ctx, register: string, command: string, refs: string[]): void {
  post(ctx, { register, action: 'reveal', table: 'reveals', values: { register, command, refs: JSON.stringify(refs) } });
}
