/** The incoming commands as a secretary and a script meet them: flags, formats, reveals, what show says. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../helpers.js';

let db: string;
const run = (args: string[], at = '2026-11-20T09:30') => cli(args, { env: { WENMI_DB: db, WENMI_NOW: at } });
const ok = async (args: string[], at?: string) => {
  const r = await run(args, at);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
};
const json = (r: { stdout: string }) => JSON.parse(r.stdout);
/** The refs of every recorded reveal, oldest first. */
function reveals(): string[][] {
  const raw = new Database(db, { readonly: true });
  const rows = raw.prepare("SELECT content FROM journal WHERE tbl = 'reveals' ORDER BY seq").pluck().all() as string[];
  raw.close();
  return rows.map((c) => JSON.parse(JSON.parse(c).refs));
}
const journalSize = () => {
  const raw = new Database(db, { readonly: true });
  const n = raw.prepare('SELECT count(*) FROM journal').pluck().get() as number;
  raw.close();
  return n;
};
const classified = ['incoming', 'receive', '--sender', '市委办公室', '--title', '涉密标题', '--secret', '机密★10年', '--copy-no', '3', '--copies', '2'];

beforeEach(async () => {
  db = path.join(tempDir(), 'w.db');
  expect((await cli(['init', '--db', db])).code).toBe(0);
});

describe('receive', () => {
  it('keeps every name of a repeated --circle (only the last one was kept)', async () => {
    await ok([...classified, '--circle', '张局长', '--circle', '李科长,财务科']);
    expect((await ok(['incoming', 'circle', 'M2026-0001'])).stdout).toBe('张局长\n李科长\n财务科\n');
  });

  it('refuses a mistyped count of copies with exit 2 and registers nothing', async () => {
    const before = journalSize();
    const r = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--copies', '99999999999999999999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('from 1 to 9999');
    expect(journalSize()).toBe(before);
  });

  it('masks a classified title in its JSON echo and refuses an unknown --format', async () => {
    const r = await ok([...classified, '--format', 'json']);
    expect(json(r)).toMatchObject({ number: 'M2026-0001', title: '【机密】', copyNo: '000003' });
    expect(r.stdout).not.toContain('涉密标题');
    const before = journalSize();
    const bad = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--format', 'csv']);
    expect(bad.code).toBe(2);
    expect(journalSize()).toBe(before);
  });

  it('refuses moving a receipt date into another year with exit 2', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T']);
    const r = await run(['incoming', 'correct', '2026-0001', '--received', '2025-12-30 10:00', '--reason', '日期录错']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('numbered in the series of 2026');
    expect(json(await ok(['incoming', 'show', '2026-1', '--format', 'json'])).entry.receivedOn).toBe('2026-11-20');
  });
});

describe('reveals are recorded for exactly the classified entries shown', () => {
  it('records none when the ordinary book is printed or exported with --reveal, or the list is limited to ordinary ones', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', '普通']);
    await ok(classified);
    await ok(['incoming', 'print', '--reveal']);
    await ok(['incoming', 'export', '--reveal', '--format', 'json']);
    await ok(['incoming', 'list', '--ordinary', '--reveal', '--format', 'json']);
    expect(reveals()).toEqual([]);
    const shown = await ok(['incoming', 'export', '--classified', '--reveal', '--format', 'json']);
    expect(json(shown)[0].title).toBe('涉密标题');
    expect(reveals()).toEqual([['M2026-0001']]);
    expect((await run(['verify'])).code).toBe(0);
  });

  it('refuses a --limit past what is exact as a usage error, before any output (it was an internal error after the header)', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', '普通']);
    await ok(classified);
    const r = await run(['incoming', 'list', '--limit', '99999999999999999999', '--reveal', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('whole number');
    expect(reveals()).toEqual([]);
    const all = await ok(['incoming', 'list', '--limit', '1000000', '--reveal', '--format', 'json']);
    expect(json(all).map((x: { number: string }) => x.number)).toEqual(['2026-0001', 'M2026-0001']);
    expect(reveals()).toEqual([['M2026-0001']]);
  });

  it('refuses --classified with --ordinary instead of silently listing the classified ones', async () => {
    await ok(classified);
    const r = await run(['incoming', 'list', '--classified', '--ordinary']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--classified or --ordinary, not both');
  });
});

describe('show', () => {
  it('gives the deadline in force and the reminders, as the list does', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--urgency', '加急', '--deadline', '2026-11-24']);
    await ok(['incoming', 'review', '2026-0001', '--accept']);
    await ok(['incoming', 'assign', '2026-0001', '--lead', '财务科']);
    await ok(['incoming', 'assign', '2026-0001', '--lead', '财务科', '--deadline', '2026-11-30', '--reason', '领导同意延期']);
    await ok(['incoming', 'remind', '2026-0001'], '2026-11-21T08:00');
    const list = json(await ok(['incoming', 'list', '--format', 'json']))[0];
    const shown = json(await ok(['incoming', 'show', '2026-0001', '--format', 'json'])).entry;
    expect(shown).toMatchObject({ deadline: '2026-11-30', reminders: 1, lastReminder: '2026-11-21 08:00' });
    for (const key of Object.keys(list)) expect(shown[key], key).toEqual(list[key]);
  });

  it('refuses a format it cannot give', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T']);
    expect((await run(['incoming', 'show', '2026-0001', '--format', 'csv'])).code).toBe(2);
  });
});
