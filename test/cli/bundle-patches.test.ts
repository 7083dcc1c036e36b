/**
 * The source patches the build applies to cli-table3's hot paths (scripts/bundle-patches.mjs): the
 * patched modules answer exactly as the published ones, and do less work for it.
 */
import { build, type PluginBuild } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePatches, cachedAnsiRegex, leanCellOptions, rememberedStringWidth } from '../../scripts/bundle-patches.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const requireHere = createRequire(path.join(ROOT, 'package.json'));

interface Bundled {
  Table: new (options?: object) => { push(...rows: unknown[]): void; toString(): string };
  stringWidth: (s: unknown) => number;
  /** How many times string-width asked emoji-regex for its RegExp. */
  emojiCalls: () => number;
}

/** cli-table3 and string-width bundled as the build bundles them, with or without the patches; emoji-regex counted. */
async function bundled(patched: boolean): Promise<Bundled> {
  const counter = {
    name: 'count-emoji-regex',
    setup(b: PluginBuild) {
      const real = requireHere.resolve('emoji-regex');
      // the published module itself is required at run time, by its full path (only the counter names it so)
      b.onResolve({ filter: /^\/.*emoji-regex/ }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /node_modules[\\/]emoji-regex[\\/]index\.js$/ }, () => ({
        contents: `const make = require(${JSON.stringify(real)}); module.exports = () => { globalThis.__emojiCalls = (globalThis.__emojiCalls ?? 0) + 1; return make(); };`,
        loader: 'js',
      }));
    },
  };
  const out = await build({
    stdin: { contents: "module.exports = { Table: require('cli-table3'), stringWidth: require('string-width') };", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    // the counter is given first so that it loads emoji-regex (esbuild takes the first onLoad that answers)
    plugins: patched ? [counter, bundlePatches as never] : [counter],
    logLevel: 'silent',
  });
  const mod = { exports: {} as Omit<Bundled, 'emojiCalls'> };
  new Function('module', 'exports', 'require', out.outputFiles[0]!.text)(mod, mod.exports, requireHere);
  const g = globalThis as { __emojiCalls?: number };
  return { ...mod.exports, emojiCalls: () => g.__emojiCalls ?? 0 };
}

const SAMPLES = [
  '', 'abc', '关于做好预算编报工作的通知', '财预〔2026〕12号', '\u001b[31m红色\u001b[0m', 'e\u0301', 'tab\there',
  '👍', 'a😀b', '👨‍👩‍👧', '🇨🇳', '1️⃣', '#️⃣', '©️', '©', '™', '⌚', '〽️', '㊗', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '❤️‍🔥', '𠀀字', '１２３ＡＢＣ',
];

describe('bundle patches', () => {
  it('string-width measures every sample, and every code point up to U+33FF with and without U+FE0F, as the published one does', async () => {
    const original = requireHere('string-width') as (s: string) => number;
    const { stringWidth } = await bundled(true);
    const texts = [...SAMPLES];
    for (let cp = 0x20; cp < 0x3400; cp++) texts.push(String.fromCodePoint(cp), `${String.fromCodePoint(cp)}\uFE0F`);
    for (let cp = 0x1f000; cp < 0x1fb00; cp += 7) texts.push(String.fromCodePoint(cp), `x${String.fromCodePoint(cp)}\uFE0F\u20E3`);
    // twice: the second round is answered from memory (and the memory starts over on the way)
    for (const round of [1, 2]) for (const s of texts) expect([round, s, stringWidth(s)]).toEqual([round, s, original(s)]);
    expect(stringWidth(undefined)).toBe(0);
  });

  it('string-width runs the emoji RegExp only on text that may hold an emoji, and once per distinct text', async () => {
    const patched = await bundled(true);
    const start = patched.emojiCalls();
    for (let i = 0; i < 5; i++) patched.stringWidth('关于做好第1项工作的通知〔2026〕');
    expect(patched.emojiCalls() - start).toBe(0);
    patched.stringWidth('会议 👍');
    patched.stringWidth('会议 👍');
    expect(patched.emojiCalls() - start).toBe(1);

    const published = await bundled(false);
    const before = published.emojiCalls();
    for (let i = 0; i < 5; i++) published.stringWidth('关于做好第1项工作的通知〔2026〕');
    expect(published.emojiCalls() - before).toBe(5);
  });

  it('cli-table3 draws the same tables with the lean cell options', async () => {
    const [patched, published] = await Promise.all([bundled(true), bundled(false)]);
    const plain = Object.fromEntries(['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right', 'left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid'].map((k) => [k, '']));
    const rows = [
      ['2026-0001', '市财政局', '关于做好第1项工作的通知', '1'],
      ['2026-0002', '市人力资源和社会\n保障局', '🇨🇳 会议', '12'],
      [{ colSpan: 2, content: '合计' }, '', { content: '3', hAlign: 'right' }],
      ['2026-0003', { content: '自有边框', chars: { left: '#', right: '#', 'top-left': '*' } }, '', '1'],
    ];
    const cases: object[] = [
      { head: ['编号', '来文单位', '标题', '份数'], style: { head: [], border: [], compact: true } },
      { chars: { ...plain, middle: '  ' }, style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 }, colAligns: ['left', 'left', 'left', 'right'] },
      { colWidths: [8, 8, 10, 4], wordWrap: true, style: { head: ['red'], border: ['grey'] } },
      { colWidths: [6, 6, 6, 3], truncate: '~', chars: { mid: '-', 'left-mid': '+' } },
    ];
    for (const options of cases) {
      const draw = (T: Bundled['Table']) => {
        const table = new T(options) as InstanceType<Bundled['Table']> & { options: { chars: Record<string, string> } };
        table.push(...rows.map((r) => [...r]));
        const first = table.toString();
        // drawn again after its characters changed
        table.options.chars = { ...table.options.chars, mid: '=', 'mid-mid': '#' };
        return [first, table.toString()];
      };
      expect(draw(patched.Table)).toEqual(draw(published.Table));
    }
  });

  it('refuses a module that changed shape, so a new version of a dependency is reviewed', () => {
    expect(() => cachedAnsiRegex('export default () => /x/;')).toThrow(/ansi-regex changed shape/);
    expect(() => rememberedStringWidth('module.exports = (s) => s.length;')).toThrow(/string-width changed shape/);
    expect(() => leanCellOptions('class Cell {}')).toThrow(/cell\.js changed shape/);
  });
});
