/**
 * The layering of src/, checked on the import graph (static, type-only, `export … from` and
 * lazy `import()` alike):
 *   core/       imports only core/;
 *   cli/        imports core/, cli/ and the list of registers (registers/index.ts);
 *   registers/  a register imports core/, the cli kit (cli/kit.ts and what it re-exports), its
 *               own folder, and another register's face (registers/<name>/api.ts) only;
 *               registers/index.ts lists each register's index.ts;
 * and there are no import cycles.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Graph = Map<string, string[]>;

const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every file under src/ (paths relative to src/, with /) and the src files it imports. */
function importGraph(root: string): { graph: Graph; unresolved: string[] } {
  const graph: Graph = new Map();
  const unresolved: string[] = [];
  for (const file of sourceFiles(root)) {
    const from = path.relative(root, file).split(path.sep).join('/');
    const targets: string[] = [];
    for (const { fileName } of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue; // a package
      const target = path.resolve(path.dirname(file), fileName.replace(/\.js$/, '.ts'));
      if (!fs.existsSync(target)) unresolved.push(`${from} → ${fileName}`);
      else targets.push(path.relative(root, target).split(path.sep).join('/'));
    }
    graph.set(from, [...new Set(targets)]);
  }
  return { graph, unresolved };
}

/** What the kit re-exports (`export … from '…'` in cli/kit.ts): registers may import those too. */
function kitFiles(root: string): string[] {
  const text = fs.readFileSync(path.join(root, 'cli/kit.ts'), 'utf8');
  const again = [...text.matchAll(/^export\s[^;]*?\sfrom\s+'(\.[^']+)'/gm)].map((m) => path.posix.join('cli', m[1]!.replace(/\.js$/, '.ts')));
  return ['cli/kit.ts', ...again];
}

/** Why an import breaks the layering, or null when it is allowed. */
export function layeringBreak(from: string, to: string, kit: readonly string[] = ['cli/kit.ts']): string | null {
  const [layer, name] = from.split('/');
  if (layer === 'core') return to.startsWith('core/') ? null : 'core imports only core/';
  if (layer === 'cli') return to.startsWith('core/') || to.startsWith('cli/') || to === 'registers/index.ts' ? null : 'cli reaches registers only through registers/index.ts';
  if (layer === 'registers' && from === 'registers/index.ts') return /^registers\/[^/]+\/index\.ts$/.test(to) || to.startsWith('core/') || kit.includes(to) ? null : 'registers/index.ts lists registers (their index.ts) only';
  if (layer === 'registers') {
    if (to.startsWith('core/') || kit.includes(to) || to.startsWith(`registers/${name}/`)) return null;
    if (/^registers\/[^/]+\/api\.ts$/.test(to)) return null;
    return to.startsWith('registers/') ? "a register imports another register's api.ts only" : 'a register imports core/, the cli kit and registers’ api.ts only';
  }
  return `${from} is in no layer (core/, cli/, registers/)`;
}

/** Each circle of files importing one another (Tarjan's strongly connected components), with one cycle through it shown as a path. */
export function importCycles(graph: Graph): { cycle: string[]; files: string[] }[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(c);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((c) => ({ cycle: cycleWithin(graph, new Set(c)), files: c.sort() }));
}

/** One cycle through a strongly connected component: a shortest path back to its first file. */
function cycleWithin(graph: Graph, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const cycle = [v];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0]!)!);
        return [...cycle, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** Every import breaking the layering, as `from → to (why)`. */
export function layeringBreaks(graph: Graph, kit?: readonly string[]): string[] {
  return [...graph].flatMap(([from, targets]) => targets.flatMap((to) => {
    const why = layeringBreak(from, to, kit);
    return why ? [`${from} → ${to} (${why})`] : [];
  }));
}

describe('the checker', () => {
  const fake: Graph = new Map([
    ['core/a.ts', ['core/b.ts', 'cli/kit.ts']],
    ['core/b.ts', ['core/c.ts']],
    ['core/c.ts', ['core/a.ts']],
    ['cli/kit.ts', ['core/a.ts']],
    ['cli/main.ts', ['registers/index.ts', 'registers/x/rules.ts']],
    ['registers/index.ts', ['registers/x/index.ts', 'registers/y/index.ts']],
    ['registers/x/index.ts', ['registers/x/module.ts']],
    ['registers/x/module.ts', ['registers/x/index.ts', 'registers/y/api.ts', 'registers/y/rules.ts', 'cli/kit.ts', 'cli/commander.ts']],
    ['registers/y/index.ts', []],
    ['registers/y/api.ts', ['registers/y/api.ts']],
    ['registers/y/rules.ts', []],
  ]);

  it('names each import that breaks the layering, and only those', () => {
    expect(layeringBreaks(fake)).toEqual([
      'core/a.ts → cli/kit.ts (core imports only core/)',
      'cli/main.ts → registers/x/rules.ts (cli reaches registers only through registers/index.ts)',
      "registers/x/module.ts → registers/y/rules.ts (a register imports another register's api.ts only)",
      'registers/x/module.ts → cli/commander.ts (a register imports core/, the cli kit and registers’ api.ts only)',
    ]);
    expect(layeringBreak('registers/x/a.ts', 'cli/kit/options.ts', ['cli/kit.ts', 'cli/kit/options.ts'])).toBeNull();
    expect(layeringBreak('scripts/x.ts', 'core/a.ts')).toMatch(/no layer/);
  });

  it('finds every cycle, self-imports and lazy ones included, and shows each as a path', () => {
    expect(importCycles(fake).map((c) => c.cycle)).toEqual([
      ['cli/kit.ts', 'core/a.ts', 'cli/kit.ts'],
      ['registers/y/api.ts', 'registers/y/api.ts'],
      ['registers/x/index.ts', 'registers/x/module.ts', 'registers/x/index.ts'],
    ]);
    expect(importCycles(fake)[0]!.files).toEqual(['cli/kit.ts', 'core/a.ts', 'core/b.ts', 'core/c.ts']);
    expect(importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('reads type-only, re-exported and lazy imports, not ones in comments or strings', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'wenmi-arch-'));
    try {
      fs.mkdirSync(path.join(dir, 'core'));
      const files: Record<string, string> = {
        'core/a.ts': "/** `() => import('./gone.js')` */\nimport type { B } from './b.js';\nexport { c } from './c.js';\nconst s = \"import('./gone.js')\";\nexport const d = () => import('./d.js');\n",
        'core/b.ts': "import {\n  a,\n} from './a.js';\nimport 'node:fs';\n",
        'core/c.ts': "import { x } from './missing.js';\n",
        'core/d.ts': '',
      };
      for (const [p, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, p), text);
      const { graph, unresolved } = importGraph(dir);
      expect(Object.fromEntries(graph)).toEqual({ 'core/a.ts': ['core/b.ts', 'core/c.ts', 'core/d.ts'], 'core/b.ts': ['core/a.ts'], 'core/c.ts': [], 'core/d.ts': [] });
      expect(unresolved).toEqual(['core/c.ts → ./missing.js']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('src/', () => {
  const { graph, unresolved } = importGraph(SRC);

  it('has files in every layer and every relative import resolves', () => {
    expect([...graph.keys()].some((f) => f.startsWith('registers/') && f.endsWith('/api.ts'))).toBe(true);
    expect(graph.size).toBeGreaterThan(50);
    expect(unresolved).toEqual([]);
  });

  it('keeps the layering: core ← cli kit ← registers, registers meet only at api.ts', () => {
    expect(layeringBreaks(graph, kitFiles(SRC)).join('\n')).toBe('');
  });

  it('has no import cycles, counting type-only and lazy imports', () => {
    expect(importCycles(graph).map(({ cycle, files }) => `${cycle.join(' → ')}  (a circle of ${files.length} files: ${files.join(', ')})`).join('\n')).toBe('');
  });
});
