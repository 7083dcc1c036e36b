/**
 * `verify --from SEQ:HASH` trusts the history up to a head recorded earlier and checks the chain
 * and rows after it; `--full` runs SQLite's integrity_check instead of quick_check.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

/** A database with three documents received; returns its env and the head after the second. */
async function seeded(): Promise<{ env: Record<string, string>; head: string; file: string }> {
  const file = path.join(tempDir(), 'w.db');
  const env = { WENMI_DB: file };
  expect((await cli(['init'], { env })).code).toBe(0);
  await cli(['incoming', 'receive', '--no-input', '--sender', 'A', '--title', 'one'], { env });
  await cli(['incoming', 'receive', '--no-input', '--sender', 'B', '--title', 'two'], { env });
  const head = (await cli(['verify'], { env })).stdout.trim();
  await cli(['incoming', 'receive', '--no-input', '--sender', 'C', '--title', 'three'], { env });
  return { env, head, file };
}

/** Changes a title behind the tool's back, as a tamperer with the file would, putting the append-only trigger back afterwards. */
function forgeTitle(file: string, title: string): void {
  const raw = new Database(file);
  const trigger = raw.prepare("SELECT sql FROM sqlite_schema WHERE name = 'incoming_revisions_no_update'").pluck().get() as string;
  raw.exec('DROP TRIGGER incoming_revisions_no_update');
  raw.prepare("UPDATE incoming_revisions SET title = 'forged' WHERE title = ?").run(title);
  raw.exec(trigger);
  raw.close();
}

describe('verify --from', () => {
  it('checks only the entries after the head, says which were trusted, and ends at the same head', async () => {
    const { env, head } = await seeded();
    const full = await cli(['verify'], { env });
    const r = await cli(['verify', '--from', head], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(full.stdout);
    const seq = Number(head.split(':')[0]);
    expect(r.stderr).toContain(`entries 1–${seq} trusted up to the head given with --from, not re-checked`);
    const json = JSON.parse((await cli(['verify', '--from', head, '--format', 'json'], { env })).stdout) as { ok: boolean; trustedUpTo: number; entries: number };
    expect(json.ok).toBe(true);
    expect(json.trustedUpTo).toBe(seq);
    expect(json.entries).toBeGreaterThan(0);
    expect(json.entries).toBeLessThan(JSON.parse((await cli(['verify', '--format', 'json'], { env })).stdout).entries);
  });

  it('catches a row changed after the head', async () => {
    const { env, head, file } = await seeded();
    forgeTitle(file, 'three');
    const r = await cli(['verify', '--from', head], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/entry 6: incoming_revisions row 3 differs from its journal entry/);
  });

  it('trusts a row changed before the head (the full check still catches it)', async () => {
    const { env, head, file } = await seeded();
    forgeTitle(file, 'one');
    expect((await cli(['verify', '--from', head], { env })).code).toBe(0);
    expect((await cli(['verify'], { env })).code).toBe(3);
  });

  it('fails (exit 3) on a head that differs or is not in the journal, and refuses a malformed one or one with --against (exit 2)', async () => {
    const { env, head } = await seeded();
    const seq = head.split(':')[0];
    const wrong = await cli(['verify', '--from', `${seq}:${'0'.repeat(64)}`], { env });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/differs from the starting head/);
    const unknown = await cli(['verify', '--from', `999:${'0'.repeat(64)}`], { env });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/no entry for the starting head 999:/);
    expect((await cli(['verify', '--from', 'nonsense'], { env })).code).toBe(2);
    const both = await cli(['verify', '--from', head, '--against', head], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/not both/);
    expect((await cli(['verify', '--lang', 'zh', '--from', head], { env })).stderr).toMatch(/按 --from 给出的链头信任/);
  });

  it('--full runs the full integrity check and passes on data the tool wrote', async () => {
    const { env } = await seeded();
    expect((await cli(['verify', '--full'], { env })).code).toBe(0);
  });
});
