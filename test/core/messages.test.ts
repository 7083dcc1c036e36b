/** Every message key the code names exists in Chinese and in English, so no raw key reaches a user. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry, loadRegister } from '../../src/cli/registry.js';
import { hasMessage } from '../../src/core/i18n.js';
import { ROOT } from '../helpers.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Keys given literally to t(), usageError(), dataError(), checkError(), and a book's `footer:` key. */
const USES = /\b(?:t|usageError|dataError|checkError)\(\s*(['"])([a-z][\w-]*(?:\.[\w-]+)+)\1|\bfooter:\s*(['"])([a-z][\w-]*(?:\.[\w-]+)+)\3/g;

function usedKeys(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(USES)) found.set(m[2] ?? m[4]!, path.relative(ROOT, file));
  }
  return found;
}

describe('message keys', () => {
  it("has the keys a register's settings use in the part loaded with the program (config set does not load the register)", async () => {
    // test/setup.ts loads every register's messages, so this is checked in the source, not by running
    const { coreMessages } = await import('../../src/cli/messages.js');
    const registry = buildRegistry();
    for (const r of registry.registers.filter((r) => r.settings?.length)) {
      const file = path.join(ROOT, 'src', 'registers', r.name, 'settings.ts');
      for (const m of fs.readFileSync(file, 'utf8').matchAll(USES)) {
        const key = m[2]!;
        for (const lang of ['zh', 'en'] as const) expect(key in coreMessages[lang] || key in (r.settingMessages?.[lang] ?? {}), `${key} (${lang}) for ${r.name}`).toBe(true);
      }
    }
  });

  it('finds the keys the code uses (the scan itself works)', () => {
    const keys = usedKeys();
    expect(keys.size).toBeGreaterThan(300);
    for (const k of ['error.prefix', 'archive.setting.days', 'incoming.bookFooter', 'cli.flagAsValue', 'settings.aboveLimit']) expect(keys.has(k), k).toBe(true);
  });

  it('has every key used in src/ in zh and in en', async () => {
    const registry = buildRegistry();
    for (const r of registry.registers) await loadRegister(r);
    const missing = [...usedKeys()].flatMap(([key, file]) => (['zh', 'en'] as const).filter((lang) => !hasMessage(key, lang)).map((lang) => `${key} (${lang}) in ${file}`));
    expect(missing).toEqual([]);
  });

});
