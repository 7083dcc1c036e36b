/**
 * Handlers are typed (cli/kit.ts `Handler<O>`): nothing in src/ takes options as
 * `Record<string, any>`, every `kit.run` names its options type, and that type lists exactly
 * the options its command declares, with the types commander gives them (a flag boolean,
 * `intArg` a number, `collect` and `<x...>` string[], others string; a default makes the
 * property required). Read from the type checker and from the program as it is built.
 */
import type { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { collect } from '../../src/cli/options.js';
import { memoryOut } from '../../src/core/output/sink.js';
import { registers } from '../../src/registers/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** `file:line: text` of each line of src/ that matches. */
function linesMatching(re: RegExp): string[] {
  return sourceFiles(SRC).flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (re.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

/** An option's properties as `name: kind` (`?` when optional), sorted. */
type Shape = string[];

/** The options type of each `kit.run<O>(…)` in src/, with the verb it is the action of (the first quoted name after `verb(`). */
function handlerTypes(): { at: string; verb: string; shape: Shape }[] {
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);
  const program = ts.createProgram(sourceFiles(SRC), config.options);
  const checker = program.getTypeChecker();
  const found: { at: string; verb: string; shape: Shape }[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.startsWith(SRC)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(sf).replace(/\s/g, '') === 'kit.run' && node.typeArguments?.length === 1) {
        let statement: ts.Node = node;
        while (!ts.isExpressionStatement(statement) && statement.parent) statement = statement.parent;
        const verb = /verb\(\s*(?:[\w.]+,\s*)*'([\w-]+)'/i.exec(statement.getText(sf))?.[1] ?? '?';
        const type = checker.getTypeFromTypeNode(node.typeArguments[0]!);
        const shape = checker.getPropertiesOfType(type).map((p) => {
          const kind = checker.typeToString(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, node)));
          return `${p.name}${p.flags & ts.SymbolFlags.Optional ? '?' : ''}: ${kind}`;
        });
        found.push({ at: `${path.relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`, verb, shape: [...new Set(shape)].sort() });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** What commander hands the handler for an option: a flag's boolean, or what its parser makes of a value. */
function kindOf(o: Option): string {
  if (!o.required && !o.optional) return 'boolean';
  if (o.variadic || o.parseArg === collect) return 'string[]';
  if (o.parseArg === undefined) return 'string';
  for (const sample of ['1', '2', '10', '100']) {
    try {
      return typeof o.parseArg(sample, undefined) === 'number' ? 'number' : 'string';
    } catch {
      // a choice, or a number out of range: try the next sample
    }
  }
  return 'string';
}

/** Every command with an action, as `incoming receive`, with the options it declares (the globals apart). */
async function commandShapes(): Promise<{ path: string; verb: string; shape: Shape }[]> {
  const io = { stdout: memoryOut(), stderr: memoryOut(), stdinIsTTY: false, env: {} };
  const names = new Set(registers.map((r) => r.name));
  const found = new Map<string, { path: string; verb: string; shape: Shape }>();
  const walk = (cmd: Command, at: string[], loaded: string) => {
    for (const sub of cmd.commands) {
      if (at.length === 0 && names.has(sub.name()) && sub.name() !== loaded) continue; // a register not loaded
      const p = [...at, sub.name()];
      if (sub.commands.length === 0) {
        const shape = sub.options.map((o) => `${o.attributeName()}${o.defaultValue === undefined ? '?' : ''}: ${kindOf(o)}`);
        found.set(p.join(' '), { path: p.join(' '), verb: sub.name(), shape: [...new Set(shape)].sort() });
      }
      walk(sub, p, loaded);
    }
  };
  for (const r of registers) walk(await buildProgram([r.name], io, () => {}, []), [], r.name);
  return [...found.values()];
}

describe('typed handler options', () => {
  it('src/ takes no options as Record<string, any>', () => {
    expect(linesMatching(/Record<\s*string\s*,\s*any\s*>/)).toEqual([]);
  });

  it('every kit.run names its options type (NoOpts for none)', () => {
    expect(linesMatching(/\bkit\s*\.\s*run\s*(\(|<\s*any\s*>)/)).toEqual([]);
  });

  it("each handler's options type is the options its command declares", async () => {
    const handlers = handlerTypes();
    const commands = await commandShapes();
    const same = (a: Shape, b: Shape) => a.join('; ') === b.join('; ');
    // a type no command of that name declares (an option misspelt, or typed as commander does not give it)
    const unmatched = handlers.filter((h) => !commands.some((c) => c.verb === h.verb && same(c.shape, h.shape)));
    const expected = (h: { verb: string }) => commands.filter((c) => c.verb === h.verb).map((c) => `${c.path} { ${c.shape.join('; ')} }`);
    expect(unmatched.map((h) => ({ at: h.at, type: `${h.verb} { ${h.shape.join('; ')} }`, commands: expected(h) }))).toEqual([]);
    // a command whose options no handler's type lists
    const untyped = commands.filter((c) => !handlers.some((h) => h.verb === c.verb && same(c.shape, h.shape)));
    expect(untyped.map((c) => `${c.path} { ${c.shape.join('; ')} }`)).toEqual([]);
    expect(handlers.length).toBe(commands.length);
  }, 60_000);
});
