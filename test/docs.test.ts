/**
 * Every command shown in README.md and docs/*.md runs, as written, on a fresh folder with the
 * built binary, and prints what the page shows (the convention is in test/tour.ts and the
 * README's "Tests" section). DOCS_UPDATE=1 (`npm run docs:update`) writes the real outputs
 * back into the pages instead of comparing; review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../src/cli/registry.js';
import { verifyDatabase } from '../src/core/verify.js';
import { ROOT, tables, tempDir } from './helpers.js';
import { normalized, parseTour, rewrite, runTour } from './tour.js';

const pages = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const update = process.env.DOCS_UPDATE === '1';

describe('the tours in the docs run and print what they show', () => {
  it.concurrent.each(pages)('%s', async (page) => {
    const file = path.join(ROOT, page);
    const markdown = fs.readFileSync(file, 'utf8');
    const blocks = parseTour(markdown, page);
    expect(blocks.length, `${page} has no \`\`\`console tour`).toBeGreaterThan(0);
    const folder = tempDir();
    const real = rewrite(markdown, blocks, await runTour(blocks, folder));
    if (update) fs.writeFileSync(file, real);
    else expect(normalized(real)).toBe(normalized(markdown));
    expectSettledByFastPath(folder);
  }, 600_000);
});

/**
 * verify's fast path (core/verify-match.ts) settles every entry the tour wrote, in every register:
 * nothing is left for the exact check, and nothing is wrong.
 */
function expectSettledByFastPath(folder: string): void {
  const databases = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? databases(path.join(dir, e.name)) : e.name.endsWith('.db') ? [path.join(dir, e.name)] : []));
  const { migrations } = buildRegistry();
  let entries = 0;
  for (const file of databases(folder)) {
    const db = new Database(file, { readonly: true });
    try {
      const report = verifyDatabase(db as never, tables(), undefined, migrations);
      expect([file, report.problems, report.rechecked]).toEqual([file, [], { hashes: 0, rows: 0 }]);
      entries += report.entries;
    } finally {
      db.close();
    }
  }
  expect(entries).toBeGreaterThan(0);
}

describe('the doc test itself', () => {
  it('refuses a command hidden in a block it does not run', () => {
    expect(() => parseTour('```\n$ wenmi init\n```\n', 'x.md')).toThrow(/make the block ```console/);
  });

  it('finds a drifted output, and a tour without a clock', async () => {
    const page = '```console\n$ export LANG=en_US.UTF-8 WENMI_NOW=2026-11-27T09:30 WENMI_DB=w.db\n$ wenmi init\ncreated the database w.db\n\n$ echo hi\nhello\n```\n';
    const blocks = parseTour(page, 'x.md');
    const real = rewrite(page, blocks, await runTour(blocks, tempDir()));
    expect(real).toBe(page.replace('hello', 'hi'));
    const noClock = '```console\n$ wenmi --version\n```\n';
    const b = parseTour(noClock, 'y.md');
    expect(rewrite(noClock, b, await runTour(b, tempDir()))).toContain('no clock');
  });
});
