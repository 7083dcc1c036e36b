/**
 * Links between entries of different registers: an archive item filed from an incoming
 * document, a seal stamp for an outgoing document, a decision followed up elsewhere. One table,
 * journaled like every register row; either end's `show` lists the link (cli/session.ts
 * `show`), naming the other entry through its register's face (core/register.ts `EntryFace`).
 *
 * A link goes from the entry that makes it to the entry it refers to, with a kind that the
 * making register declares (`Register.linkKinds`) with a word for each end. An entry is named
 * by its register and its canonical number (收文编号, 档号, …), which never changes.
 */
import type { DB, Migration } from './db.js';
import { appendOnly, cached as stmt } from './db.js';
import { dataError } from './errors.js';
import { post, type Ctx } from './journal.js';

export interface EntryRef {
  register: string;
  /** The entry's canonical number. */
  ref: string;
}

export interface LinkRow {
  id: number;
  kind: string;
  from_register: string;
  from_ref: string;
  to_register: string;
  to_ref: string;
}

export const linksMigration: Migration = {
  id: 'core:005-links',
  up(db) {
    db.exec(`
CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind <> ''),
  from_register TEXT NOT NULL,
  from_ref TEXT NOT NULL CHECK (from_ref <> ''),
  to_register TEXT NOT NULL,
  to_ref TEXT NOT NULL CHECK (to_ref <> ''),
  UNIQUE (kind, from_register, from_ref, to_register, to_ref)
);
CREATE INDEX links_to ON links (to_register, to_ref);
${appendOnly('links')}`);
  },
};

/** The links an entry makes, found by index (linksOf reads both ends of an entry; the UNIQUE index leads with the kind). */
export const linksFromMigration: Migration = {
  id: 'core:007-links-from',
  up(db) {
    db.exec('CREATE INDEX links_from ON links (from_register, from_ref);');
  },
};

/**
 * Records that `from` refers to `to` (journaled under the register of `from`). Call inside the
 * write transaction of the step that makes the link. The same link twice is refused (exit 1).
 */
export function addLink(ctx: Ctx, kind: string, from: EntryRef, to: EntryRef, reason?: string): void {
  if (stmt(ctx.db, 'SELECT 1 FROM links WHERE kind = ? AND from_register = ? AND from_ref = ? AND to_register = ? AND to_ref = ?').get(kind, from.register, from.ref, to.register, to.ref))
    throw dataError('link.exists', { from: from.ref, to: to.ref });
  post(ctx, {
    register: from.register,
    action: 'link',
    table: 'links',
    values: { kind, from_register: from.register, from_ref: from.ref, to_register: to.register, to_ref: to.ref },
    reason,
  });
}

/** Every link with `end` at either end, oldest first. */
export function linksOf(db: DB, end: EntryRef): LinkRow[] {
  return stmt(db, 'SELECT * FROM links WHERE (from_register = ? AND from_ref = ?) OR (to_register = ? AND to_ref = ?) ORDER BY id').all(
    end.register,
    end.ref,
    end.register,
    end.ref,
  ) as LinkRow[];
}

/** The entries that link to `to` with `kind` (e.g. the archive item a document was filed as), oldest first. */
export function linkedFrom(db: DB, kind: string, to: EntryRef): EntryRef[] {
  return (stmt(db, 'SELECT from_register, from_ref FROM links WHERE kind = ? AND to_register = ? AND to_ref = ? ORDER BY id').all(kind, to.register, to.ref) as LinkRow[]).map(
    (l) => ({ register: l.from_register, ref: l.from_ref }),
  );
}

/** The entries `from` links to with `kind`, oldest first. */
export function linkedTo(db: DB, kind: string, from: EntryRef): EntryRef[] {
  return (stmt(db, 'SELECT to_register, to_ref FROM links WHERE kind = ? AND from_register = ? AND from_ref = ? ORDER BY id').all(kind, from.register, from.ref) as LinkRow[]).map(
    (l) => ({ register: l.to_register, ref: l.to_ref }),
  );
}

/** One link as seen from one of its ends: the other end, and which way the link points. */
export interface LinkEnd {
  kind: string;
  /** `to`: this entry made the link to the other; `from`: the other entry made it to this one. */
  direction: 'to' | 'from';
  other: EntryRef;
}

/** The links of an entry as its `show` lists them: each with the other end and the direction. */
export function linkEnds(db: DB, end: EntryRef): LinkEnd[] {
  return linksOf(db, end).map((l) =>
    l.from_register === end.register && l.from_ref === end.ref
      ? { kind: l.kind, direction: 'to', other: { register: l.to_register, ref: l.to_ref } }
      : { kind: l.kind, direction: 'from', other: { register: l.from_register, ref: l.from_ref } },
  );
}
